#!/usr/bin/env bash
# Makes packaging/fixtures/previous-release-home.tar.gz: a user's home as a previous release leaves it — the data
# folder ~/.ybdesk (an agency, an administrator, a clerk, a registered person) and its database key
# ~/.config/ybdesk/keys (D77: the key lives outside the data folder) — for the upgrade test (packaging/test-deb.sh).
# Usage: packaging/make-upgrade-fixture.sh PREVIOUS_RELEASE_JAR
# The jar is the previous release's ybdesk.jar (build it from that release's tag: git worktree add /tmp/prev TAG &&
# (cd /tmp/prev && mvn -B -DskipTests package -pl launcher -am)). Synthetic data only: committing its key is harmless.
set -euo pipefail
jar="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
home="$work/home"
mkdir -p "$home"
yb() { (cd "$work" && java -Djava.awt.headless=true -Duser.home="$home" -Dfile.encoding=UTF-8 -jar "$jar" "$@"); }
pw="Fixture2026"
yb init --window 1 --agency-code 230102001 --admin-division 230102 --agency-name "哈尔滨市道里区医疗保障服务中心" \
  --hotline 0451-84661234
yb user add --username admin --name "管理员" --new-password "$pw" --roles "管理员" --person-id 23010219700101001X
yb --user admin --password "$pw" user add --username clerk --name "窗口经办员" --new-password "$pw" \
  --roles "窗口经办" --person-id 230102198505050028
yb --user clerk --password "$pw" person add --id 230102199001010035 --name "升级测试" --insurance-type "职工" \
  --phone 13800138000
rm -rf "$home/.ybdesk/logs"
schema="$(unzip -l "$jar" 'db/migration/V*' | sed -n 's:.*db/migration/V\([0-9]*\)__.*:\1:p' | sort -n | tail -n 1)"
printf 'schema=%s\nuser=clerk\npassword=%s\nperson=230102199001010035\n' "$schema" "$pw" > "$home/fixture.properties"
tar -C "$home" --owner=0 --group=0 -czf "$here/fixtures/previous-release-home.tar.gz" .ybdesk .config fixture.properties
echo "fixture: schema V$schema, $(du -h "$here/fixtures/previous-release-home.tar.gz" | cut -f1)"
