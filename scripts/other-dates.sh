#!/usr/bin/env bash
# The date-independence check: runs the calendar-sensitive tests (JUnit tag "calendar") again with the whole JVM's
# clock moved to other days by libfaketime, so a test or a service that reads today's date instead of its Clock fails
# here. Default dates: the first working day of the first published calendar year, and the end of 2028, whose
# holidays are not published (every deadline there is provisional). Called by ./run-tests after the full build;
# `scripts/other-dates.sh "2027-06-01 10:00:00"` checks one other day.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v faketime >/dev/null 2>&1; then
  echo "other-dates: faketime is not installed (scripts/install-deps.sh installs it as root); check NOT run" >&2
  exit 1
fi
if [ $# -gt 0 ]; then
  dates=("$@")
else
  dates=("2025-01-02 09:30:00" "2028-12-28 16:00:00")
fi
for d in "${dates[@]}"; do
  echo "other-dates: calendar-sensitive tests with the clock at $d" >&2
  FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "@$d" \
    mvn -o -B -ntp -q test -Dgroups=calendar -Dsurefire.failIfNoSpecifiedTests=false
  echo "other-dates: passed at $d" >&2
done
