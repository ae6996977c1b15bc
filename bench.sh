#!/usr/bin/env bash
# Case-file core benchmark: builds the bench jar when it is missing or older than any source, then runs it.
# Usage: ./bench.sh [--persons N] [--open-cases N] [--samples N] [--data-dir DIR] [--out FILE] [--help]
#        ./bench.sh prints [--cases N] [--samples N]     (print benchmark: receipts warm and 1,000 in one PDF)
#        ./bench.sh cli [--cases N] [--runs N] [--jar F] [--java-opt OPT]   (ybdesk print as whole commands, new JVMs)
#        ./bench.sh report [--cases N] [--samples N] [--cli-runs N]   (monthly report over a year: in process, then
#                                                        as whole commands in new JVMs; needs launcher/target/ybdesk.jar)
#        ./bench.sh storage [--commits N] [--minutes M] [--per-second P] [--data-dir DIR]
#                                                        (durable commit latency; file size through a working day)
#        ./bench.sh county [--desks N] [--cases N] [--samples N]   (county view: summaries applied, county report)
#        ./bench.sh handoff [--samples N]                   (hand-off latency township → county, p95 target < 5 s)
#        ./bench.sh crash --kills N [--aged-kills M] [--migration-kills K] [--seed S] [--work-dir DIR]
#                                                        (crash campaign: kill -9 at random moments; docs/RELIABILITY.md)
# Results and how to read them: docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")"
jar=bench/target/ybdesk-bench.jar
# a plain `mvn verify` leaves a jar of bench's own classes at the same path (the shade runs only here): rebuild that too
if [[ ! -f "$jar" ]] || ! unzip -l "$jar" 2>/dev/null | grep -q 'org/ybdesk/core/' || [[ -n "$(find pom.xml core db forms fonts service reports desk-app bench -newer "$jar" \
        \( -path '*/src/*' -o -name pom.xml \) -type f -print -quit 2>/dev/null)" ]]; then
  echo "building $jar ..." >&2
  mvn -q -B -DskipTests -Dbench.shade.phase=package package -pl bench -am >&2
fi
# Run a private copy: a run takes minutes, and a build started meanwhile would replace the jar under it.
copy=$(mktemp --suffix=.jar ybdesk-bench.XXXXXX --tmpdir)
trap 'rm -f "$copy"' EXIT
cp "$jar" "$copy"
if [[ "${1:-}" == "prints" ]]; then
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.PrintBench "$@"
  exit 0
fi
if [[ "${1:-}" == "cli" ]]; then
  # whole commands in a new JVM (issue 14): one receipt < 2 s; 1,000 receipts into one PDF < 20 s
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.CliBench "$@"
  exit 0
fi
if [[ "${1:-}" == "report" ]]; then
  # supervisors' monthly report over 100,000 cases (issue 14: as a new JVM < 8 s)
  shift
  java -Xmx3g -cp "$copy" org.ybdesk.bench.ReportBench "$@"
  exit 0
fi
if [[ "${1:-}" == "storage" ]]; then
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.StorageBench "$@"
  exit 0
fi
if [[ "${1:-}" == "sync" ]]; then
  # provincial sync (issue 12 target: 10,000 queued changes in < 5 s); opens the workstation window: needs a display
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.SyncBench "$@"
  exit 0
fi
if [[ "${1:-}" == "county" ]]; then
  # county view (issue 12): apply 20 desks x 5,000 case summaries, then the monthly county report (target < 5 s)
  shift
  java -Xmx2g -cp "$copy" org.ybdesk.bench.CountyBench "$@"
  exit 0
fi
if [[ "${1:-}" == "handoff" ]]; then
  # hand-off latency (issue 12): township accepts, the county desk sees it in its pool (target p95 < 5 s)
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.HandOffBench "$@"
  exit 0
fi
if [[ "${1:-}" == "crash" ]]; then
  shift
  java -Xmx1g -cp "$copy" org.ybdesk.bench.CrashCampaign "$@"
  exit 0
fi
java -Xmx4g -jar "$copy" "$@"
