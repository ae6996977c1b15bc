#!/usr/bin/env bash
# Installs what the build and the tests need on a fresh Debian machine of this kind, when missing and when root:
# a JDK 17 and Maven, Xvfb (GUI tests), CJK fonts, PostgreSQL (provincial-server tests), faketime (the date-independence
# check of scripts/other-dates.sh). Idempotent and quiet.
set -euo pipefail

need=()
command -v java >/dev/null 2>&1 || need+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v xvfb-run >/dev/null 2>&1 || need+=(xvfb xauth)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v faketime >/dev/null 2>&1 || need+=(faketime)

if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages ${need[*]} (run as root, or install them yourself)" >&2
  exit 0
fi
echo "install-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
