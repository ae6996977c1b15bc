#!/usr/bin/env bash
# Writes the class list for class-data sharing (docs/DECISIONS.md D190): the classes a clerk's commands load,
# recorded by running them in a throw-away data folder — set up an agency and a user, print a blank table, the monthly
# report. Used by ./ybdesk (the archive beside the user's cache) and package.sh (the .deb's postinst dumps it).
# Usage: scripts/cds-classlist.sh JAVA JAR OUT
set -euo pipefail
java="$1" jar="$2" out="$3"
train="$(mktemp -d "${TMPDIR:-/tmp}/ybdesk-cds.XXXXXX")"
trap 'rm -rf "$train"' EXIT
run() {
  local n="$1"; shift
  XDG_CACHE_HOME="$train/cache" "$java" -XX:DumpLoadedClassList="$train/$n.classlist" -Duser.home="$train" \
    -Dybdesk.keyDir="$train/keys" -jar "$jar" --data-dir "$train/data" "$@" >/dev/null 2>&1
}
run 1 init --window 1 --agency-code 230102001 --admin-division 230102 --agency-name 培训用经办机构
run 2 user add --username admin --name 管理员 --new-password Train2026admin --roles 管理员 \
  --person-id 11010519491231002X
run 3 --user admin --password Train2026admin print --blank table-1 --out "$train/table-1.pdf"
run 4 --user admin --password Train2026admin report monthly --from 2026-01-01 --to 2026-01-31 --out "$train/m.pdf"
# lambda entries are left out: Debian's JDK 17 crashes dumping them (adjust_lambda_proxy_class_dictionary)
cat "$train"/*.classlist | grep -v '^[@#]' | sort -u > "$out"
