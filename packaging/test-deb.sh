#!/usr/bin/env bash
# The installers' CI test (D174): installs target/package/ybdesk_*.deb (./package.sh) on a clean Debian bookworm root
# and starts the app there, as a clerk would on a fresh counter PC and on one upgraded from the previous release:
#   1. apt-get install ./ybdesk_*.deb on a minimal Debian (debootstrap --variant=minbase; no Docker engine here)
#   2. `ybdesk --version`, `ybdesk --help` (Chinese), `ybdesk init` on a fresh user's data folder (~/.ybdesk)
#   3. the window under Xvfb until the login window shows (`ybdesk --smoke`)
#   4. upgrade: a home made by the previous release (packaging/fixtures/previous-release-home.tar.gz) is opened by the
#      new one: data kept, database migrated (Flyway's log line), the registered person still found
# The clean root is cached in ~/.cache/ybdesk (YBDESK_DEB_ROOT) and copied for each run. Skips visibly (exit 0,
# "SKIPPED") when not root or without debootstrap/unshare. Not part of ./run-tests: see .ci/package-test.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
skip() { echo "test-deb: SKIPPED — $*" >&2; exit 0; }
fail() { echo "test-deb: FAILED — $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || skip "needs root (chroot into a Debian root)"
command -v debootstrap >/dev/null 2>&1 || skip "debootstrap is missing (apt-get install debootstrap)"
command -v unshare >/dev/null 2>&1 || skip "unshare is missing (util-linux)"
deb="$(ls "$here"/target/package/ybdesk_*.deb 2>/dev/null | head -n 1 || true)"
[ -n "$deb" ] || fail "no target/package/ybdesk_*.deb: run ./package.sh first"
fixture="$here/packaging/fixtures/previous-release-home.tar.gz"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
cache="${YBDESK_DEB_ROOT:-$HOME/.cache/ybdesk/bookworm-xvfb}"
t0=$(date +%s)

# Runs a script inside a Debian root: chroot in a private mount namespace (its /proc and /dev mounts end with it).
in_root() {
  unshare --mount --fork /bin/sh -c "
    mount -t proc proc '$1/proc' && mount --rbind /dev '$1/dev' && mount -t tmpfs tmpfs '$1/dev/shm' &&
    chroot '$1' /bin/sh '$2'"
}

# The cached clean root: minbase + Xvfb (what a counter PC's desktop provides), nothing of ours.
if [ ! -x "$cache/usr/bin/Xvfb" ]; then
  echo "test-deb: making the clean Debian root $cache (once; a few minutes)" >&2
  rm -rf "$cache.tmp"
  if [ -d "$HOME/.cache/ybdesk/bookworm-minbase" ]; then
    cp -a "$HOME/.cache/ybdesk/bookworm-minbase" "$cache.tmp"
  else
    debootstrap --variant=minbase bookworm "$cache.tmp" "$mirror" >/dev/null
  fi
  cp /etc/resolv.conf "$cache.tmp/etc/resolv.conf"
  echo 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq --no-install-recommends xvfb xauth >/dev/null && apt-get clean' \
    > "$cache.tmp/tmp/prepare.sh"
  in_root "$cache.tmp" /tmp/prepare.sh
  rm -f "$cache.tmp/tmp/prepare.sh"
  mv "$cache.tmp" "$cache"
fi
t1=$(date +%s)

root="$(mktemp -d /tmp/ybdesk-deb-root.XXXXXX)"
# never delete through a mount (the mounts live in the namespace that ended, but check)
cleanup() { if grep -q " $root/" /proc/mounts; then echo "test-deb: $root still has mounts, left" >&2; else rm -rf "$root"; fi; }
trap cleanup EXIT
cp -a "$cache/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/ybdesk.deb"
cp "$fixture" "$root/tmp/previous-release-home.tar.gz"
newest="$(unzip -l "$here/launcher/target/ybdesk.jar" 'db/migration/V*' | sed -n 's:.*db/migration/V\([0-9]*\)__.*:\1:p' | sort -n | tail -n 1)"
previous="$(tar -xzOf "$fixture" fixture.properties | sed -n 's/^schema=//p')"

cat > "$root/tmp/inside.sh" <<EOF
set -eu
export DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8
fail() { echo "test-deb: FAILED — \$*" >&2; exit 1; }
apt-get install -y -qq --no-install-recommends /tmp/ybdesk.deb >/tmp/apt.log 2>&1 || { tail -20 /tmp/apt.log; fail "apt-get install"; }
[ -x /opt/ybdesk/bin/ybdesk ] || fail "/opt/ybdesk/bin/ybdesk missing"
grep -q '^Name=医保经办柜台' /opt/ybdesk/lib/ybdesk-ybdesk.desktop || fail "desktop entry without the Chinese name"
ls /usr/share/applications/*ybdesk*.desktop >/dev/null || fail "desktop entry not installed"
command -v ybdesk >/dev/null || fail "ybdesk not on the PATH"
ybdesk --version | grep -q 'YB Desk' || fail "ybdesk --version"
ybdesk --help | grep -q '用法' || fail "ybdesk --help is not Chinese"
# class-data sharing: postinst dumped the archive, and it maps for the installed jar (-Xshare:on fails otherwise)
[ -s /opt/ybdesk/lib/app/ybdesk.jsa ] || fail "postinst made no class-data archive"
/opt/ybdesk/lib/runtime/bin/java -Xshare:on -XX:SharedArchiveFile=/opt/ybdesk/lib/app/ybdesk.jsa \
  -cp /opt/ybdesk/lib/app/ybdesk.jar org.ybdesk.launcher.Main --version | grep -q 'YB Desk' \
  || fail "the class-data archive does not map for the installed jar"
grep -q 'SharedArchiveFile=\$APPDIR/ybdesk.jsa' /opt/ybdesk/lib/app/ybdesk.cfg || fail "the launcher does not use the archive"

# a fresh clerk's account: the data folder is made in the user's home
useradd -m clerk
runuser -u clerk -- ybdesk init --window 1 --agency-code 230102001 --admin-division 230102 \
  --agency-name 哈尔滨市道里区医疗保障服务中心 || fail "ybdesk init"
[ -f /home/clerk/.ybdesk/prod/ybdesk.mv.db ] || fail "no database in ~/.ybdesk"
[ ! -e /opt/ybdesk/prod ] || fail "data written under /opt"
runuser -u clerk -- xvfb-run -a -s "-screen 0 1366x768x24" ybdesk --smoke | tee /tmp/smoke.txt
grep -q '窗口已显示' /tmp/smoke.txt || fail "the login window did not show"

# upgrade: the previous release's home
useradd -m veteran
tar -C /home/veteran -xzf /tmp/previous-release-home.tar.gz
chown -R veteran:veteran /home/veteran
user=\$(sed -n 's/^user=//p' /home/veteran/fixture.properties)
pw=\$(sed -n 's/^password=//p' /home/veteran/fixture.properties)
person=\$(sed -n 's/^person=//p' /home/veteran/fixture.properties)
runuser -u veteran -- ybdesk --user "\$user" --password "\$pw" person show "\$person" | tee /tmp/person.txt
grep -q 升级测试 /tmp/person.txt || fail "the previous release's person is gone"
if [ "$previous" -lt "$newest" ]; then
  grep -q 'Successfully applied' /home/veteran/.ybdesk/logs/ybdesk.log || fail "no migration V$previous → V$newest in the log"
  [ -d /home/veteran/.ybdesk/prod/pre-migration ] || fail "no pre-migration copy of the V$previous database"
else
  grep -q 'up to date' /home/veteran/.ybdesk/logs/ybdesk.log || fail "the schema was not checked"
fi
runuser -u veteran -- ybdesk --user admin --password "\$pw" audit verify >/tmp/audit.txt 2>&1 || { cat /tmp/audit.txt; fail "audit chain after the upgrade"; }
echo "test-deb: inside OK"
EOF

in_root "$root" /tmp/inside.sh || fail "see above"
t2=$(date +%s)
echo "test-deb: OK — installed $(basename "$deb") on a clean Debian bookworm, --version, init, the window under" \
  "Xvfb, upgrade of a V$previous data folder to V$newest; clean root $((t1 - t0)) s, test $((t2 - t1)) s"
