package org.ybdesk.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Today comes from a {@link java.time.Clock}: no production or test code of any module reads the system's date or
 * time directly (the {@code now()} or {@code now(zone)} of LocalDate, Instant and the like, {@code Clock.system…}),
 * except the few places that choose the real clock for a running program, each named here with its reason. Together with
 * scripts/other-dates.sh (the calendar-sensitive tests under other fixed dates) this keeps the suite passing on any
 * day. Elapsed-time measurements ({@code System.nanoTime()}) are not dates and are not covered.
 */
class ClockRulesTest {
    private static final Pattern SYSTEM_TIME = Pattern.compile(
            "\\b(?:LocalDate|LocalDateTime|LocalTime|Instant|OffsetDateTime|ZonedDateTime|YearMonth|Year)\\.now\\("
                    + "(?![^)]*[cC]lock)[^)]*\\)|\\bClock\\.system(?:UTC|DefaultZone)?\\(|\\bnew (?:java\\.util\\.)?Date\\(\\)");

    /** Where the real clock is chosen, and why. */
    private static final Map<String, String> ALLOWED = Map.of(
            "service/src/main/java/org/ybdesk/service/Desk.java", "Desk.open(dir, mode): the running desk's clock",
            "launcher/src/main/java/org/ybdesk/launcher/cli/YbdeskCommand.java", "the command line's clock (tests fix it)",
            "desk-app/src/main/java/org/ybdesk/desk/Desks.java", "the window's clock (tests pass a fixed one)",
            "province-server/src/main/java/org/ybdesk/province/store/ProvinceDb.java", "the server process's clock",
            "db/src/main/java/org/ybdesk/db/Database.java", "names the pre-migration copy by the wall clock (a file name)",
            "core/src/test/java/org/ybdesk/core/calendar/OtherDateCheckTest.java",
            "checks that scripts/other-dates.sh really moved the system clock",
            "bench/", "benchmarks measure this machine now: their data is dated relative to the real day on purpose");

    @Test
    void noCodeReadsTodayWithoutAClock() throws IOException {
        Path root = SourceRulesTest.root();
        List<String> offences = new ArrayList<>();
        int files = 0;
        List<String> modules = new ArrayList<>(SourceRulesTest.MODULES);
        modules.add("bench");
        for (String module : modules) {
            for (String part : List.of("src/main/java", "src/test/java")) {
                Path src = root.resolve(module).resolve(part);
                if (!Files.isDirectory(src)) {
                    continue;
                }
                try (Stream<Path> walk = Files.walk(src)) {
                    for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                        files++;
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        if (ALLOWED.keySet().stream().anyMatch(rel::startsWith) || rel.endsWith("ClockRulesTest.java")) {
                            continue;
                        }
                        List<String> lines = Files.readAllLines(f);
                        for (int i = 0; i < lines.size(); i++) {
                            String code = lines.get(i).replaceAll("^\\s*(//|\\*|/\\*).*", "");
                            Matcher m = SYSTEM_TIME.matcher(code);
                            if (m.find()) {
                                offences.add(rel + ":" + (i + 1) + "  " + m.group());
                            }
                        }
                    }
                }
            }
        }
        assertThat(files).as("java files scanned").isGreaterThan(100);
        assertThat(offences).as("read today from the injected Clock (java.time.Clock), never from the system").isEmpty();
    }

    /**
     * The date-independence check runs only in modules whose pom says so ({@code ybdesk.otherDates.skip} false): a
     * module with tests tagged "calendar" and without that line would silently never be checked under other dates.
     */
    @Test
    void everyModuleWithCalendarTestsRunsTheOtherDates() throws IOException {
        Path root = SourceRulesTest.root();
        List<String> missing = new ArrayList<>();
        int tagged = 0;
        List<String> modules = new ArrayList<>(SourceRulesTest.MODULES);
        modules.add("bench");
        for (String module : modules) {
            Path src = root.resolve(module).resolve("src/test/java");
            if (!Files.isDirectory(src)) {
                continue;
            }
            boolean hasCalendarTests;
            try (Stream<Path> walk = Files.walk(src)) {
                hasCalendarTests = walk.filter(f -> f.toString().endsWith(".java")).anyMatch(f -> {
                    try {
                        return Files.readString(f).contains("Tag(\"calendar\")");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
            if (hasCalendarTests) {
                tagged++;
                if (!Files.readString(root.resolve(module).resolve("pom.xml"))
                        .contains("<ybdesk.otherDates.skip>false</ybdesk.otherDates.skip>")) {
                    missing.add(module);
                }
            }
        }
        assertThat(tagged).as("modules with tests tagged calendar").isGreaterThanOrEqualTo(3);
        assertThat(missing).as("modules with calendar tests whose pom lacks <ybdesk.otherDates.skip>false").isEmpty();
    }
}
