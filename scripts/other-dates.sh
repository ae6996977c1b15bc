#!/usr/bin/env bash
# The date-independence check: runs the calendar-sensitive tests (JUnit tag "calendar") again in test JVMs whose
# clock libfaketime moves to other days (the pom's profile "other-date"), so a test or a service that reads today's
# date instead of its Clock fails here. Default dates: the first working day of the first published calendar year,
# and the end of 2028, whose holidays are not published (every deadline there is provisional). Both dates run in ONE
# Maven pass (two surefire executions per module), over the modules that have such tests. Called by ./run-tests after
# the full build; `scripts/other-dates.sh "2027-06-01 10:00:00"` checks one other day.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=$(ls /usr/lib/*/faketime/libfaketimeMT.so.1 /usr/lib/faketime/libfaketimeMT.so.1 2>/dev/null | head -1 || true)
if [ -z "$lib" ]; then
  echo "other-dates: libfaketime is not installed (scripts/install-deps.sh installs package faketime as root); check NOT run" >&2
  exit 1
fi
if [ $# -gt 2 ]; then
  echo "other-dates: at most two dates" >&2
  exit 2
fi
first=${1:-"2025-01-02 09:30:00"}
second=${2:-${1:+$1}}
second=${second:-"2028-12-28 16:00:00"}
skip=false
[ $# -eq 1 ] && skip=true
# the modules with tests tagged "calendar" (grep), and what they are built from
modules=$(grep -rl --include='*.java' 'Tag("calendar")' */src/test | cut -d/ -f1 | sort -u | paste -sd, -)
echo "other-dates: calendar-sensitive tests of ${modules} with the clock at ${first}$([ "$skip" = false ] && echo " and at ${second}")" >&2
mvn -o -B -ntp -q test -pl "$modules" -am "-Dybdesk.fakeTime=$first" "-Dybdesk.fakeTime2=$second" \
  "-Dybdesk.skipSecondDate=$skip" "-Dybdesk.fakeTimeLib=$lib"
echo "other-dates: passed" >&2
