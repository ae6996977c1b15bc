#!/usr/bin/env bash
# The date-independence check: runs the calendar-sensitive tests (JUnit tag "calendar") again in test JVMs whose
# clock libfaketime moves to other days (the pom's profile "other-date"), so a test or a service that reads today's
# date instead of its Clock fails here. Default dates: the first working day of the first published calendar year,
# and the end of 2028, whose holidays are not published (every deadline there is provisional).
#
#   scripts/other-dates.sh                      both default dates, only the calendar tests (one Maven pass)
#   scripts/other-dates.sh "2027-06-01 10:00:00" [SECOND]   other moments
#   scripts/other-dates.sh --maven-args         prints the Maven options, one per line, for ./run-tests, which runs
#                                               the check inside its `mvn verify` (no second pass over the modules)
set -euo pipefail
cd "$(dirname "$0")/.."
lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1 2>/dev/null | head -1 || true)
if [ -z "$lib" ]; then
  echo "other-dates: libfaketime is not installed (scripts/install-deps.sh installs package faketime as root); check NOT run" >&2
  exit 1
fi
if [ "${1:-}" = "--maven-args" ]; then
  printf '%s\n' "-Dybdesk.fakeTime=2025-01-02 09:30:00" "-Dybdesk.fakeTime2=2028-12-28 16:00:00" \
    "-Dybdesk.fakeTimeLib=$lib"
  exit 0
fi
if [ $# -gt 2 ]; then
  echo "other-dates: at most two dates" >&2
  exit 2
fi
first=${1:-"2025-01-02 09:30:00"}
second=${2:-${1:+$1}}
second=${second:-"2028-12-28 16:00:00"}
skip2=()
[ $# -eq 1 ] && skip2=(-Dybdesk.otherDates.skip2=true)
# the modules with tests tagged "calendar" (grep), and what they are built from
modules=$(grep -rl --include='*.java' 'Tag("calendar")' */src/test | cut -d/ -f1 | sort -u | paste -sd, -)
echo "other-dates: calendar-sensitive tests of ${modules} with the clock at ${first}$([ $# -ne 1 ] && echo " and at ${second}")" >&2
mvn -o -B -ntp -q test -pl "$modules" -am "-Dybdesk.fakeTime=$first" "-Dybdesk.fakeTime2=$second" \
  "${skip2[@]}" "-Dybdesk.fakeTimeLib=$lib" -Dybdesk.onlyOtherDates=true
echo "other-dates: passed" >&2
