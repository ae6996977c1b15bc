#!/usr/bin/env bash
# Starts the reference provincial server (or runs one of its commands). Builds first when the jar is missing or
# older than the sources; installs Java, Maven and PostgreSQL through scripts/install-deps.sh when missing.
#   ./province-server.sh start [--port 8765] [--host 127.0.0.1] [--jdbc-url URL --db-user U --db-password P] [--pg-dir DIR]
#   ./province-server.sh desk add --agency 230102001 --admdvs 230102 --name 哈尔滨市道里区医疗保障中心 [--json]
#   ./province-server.sh reference import --kind CALENDAR --key 2027 FILE
#   ./province-server.sh tls init --keystore tls.p12 --password-file PWFILE --cert province.pem --host NAME[,IP…]
#   ./province-server.sh start --host 0.0.0.0 --tls-keystore tls.p12 --tls-password-file PWFILE   # HTTPS only
# Without arguments: start on port 8765 with its own PostgreSQL (see docs/province-server.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/province-server/target/province-server.jar"
if ! command -v java >/dev/null 2>&1 || ! command -v mvn >/dev/null 2>&1 \
    || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  bash "$here/scripts/install-deps.sh"
fi
stale() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$here/pom.xml" "$here/province-server/pom.xml" "$here/province-server/src/main" \
      "$here/protocol/src/main" "$here/core/src/main" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]
}
if stale; then
  echo "building the province server (about 1 minute the first time)…" >&2
  (cd "$here" && mvn -q -B -ntp -DskipTests package -pl province-server -am) >&2
fi
if [ $# -eq 0 ]; then
  set -- start
fi
exec java -jar "$jar" "$@"
