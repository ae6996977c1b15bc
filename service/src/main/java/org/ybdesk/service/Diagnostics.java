package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.CASE_AGENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.DESK_SETTING;
import static org.ybdesk.db.jooq.Tables.PERSON;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * What the 关于 dialog shows and what 导出诊断信息 (and {@code ybdesk diagnostics export}) writes: the desk's facts
 * (version, data folder, database size, last backup, last sync, settings, counts) and its logs, with personal data
 * scrubbed (D180): resident ID numbers (18 and 15 digits), names of persons the desk knows (registry, applicants,
 * agents, users), phone numbers, bank account numbers and e-voucher codes.
 */
public final class Diagnostics {
    /** The release, as the command line's {@code --version} says it. */
    public static final String VERSION = "0.1.0";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Desk desk;

    public Diagnostics(Desk desk) {
        this.desk = desk;
    }

    /** The 关于 dialog's facts; times in the desk's zone, null when there is none yet. */
    public record About(String version, Path dataFolder, long databaseBytes, String lastBackup, String lastSync,
                        boolean sharedWithAnotherProgram) {
    }

    public About about() {
        Path file = desk.folder().resolve(org.ybdesk.db.Database.FILE);
        long bytes;
        try {
            bytes = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            bytes = -1;
        }
        String backup = desk.mode() == Mode.SANDBOX ? null
                : desk.backups().last().map(b -> time(b.createdAt())).orElse(null);
        OffsetDateTime sync = new SyncStore(desk).state().lastSuccessAt();
        Path data = desk.folder().getParent() == null ? desk.folder() : desk.folder().getParent();
        return new About(VERSION, data, bytes, backup, sync == null ? null : time(sync), desk.db().remote());
    }

    private static String time(OffsetDateTime t) {
        return t.atZoneSameInstant(Desk.ZONE).format(TIME);
    }

    /**
     * Writes the zip: {@code facts.txt} (this desk's facts, the caller's {@code system} facts — Java, OS, screen —,
     * the settings and the row counts) and every file of {@code logDir} (scrubbed, as text). Returns the scrubbed
     * facts as written.
     */
    public String export(Path out, Path logDir, Map<String, String> system) {
        Scrubber scrubber = scrubber();
        StringBuilder facts = new StringBuilder();
        About a = about();
        line(facts, Texts.get("diag.fact.version"), a.version());
        line(facts, Texts.get("diag.fact.mode"), desk.mode().name());
        line(facts, Texts.get("diag.fact.dataDir"), a.dataFolder().toString());
        line(facts, Texts.get("diag.fact.dbBytes"), String.valueOf(a.databaseBytes()));
        line(facts, Texts.get("diag.fact.remote"), String.valueOf(a.sharedWithAnotherProgram()));
        line(facts, Texts.get("diag.fact.lastBackup"), String.valueOf(a.lastBackup()));
        line(facts, Texts.get("diag.fact.lastSync"), String.valueOf(a.lastSync()));
        line(facts, Texts.get("diag.fact.java"), System.getProperty("java.version") + " "
                + System.getProperty("java.vendor"));
        line(facts, Texts.get("diag.fact.os"), System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch"));
        system.forEach((k, v) -> line(facts, k, v));
        facts.append("\n[settings]\n");
        desk.db().dsl().selectFrom(DESK_SETTING).orderBy(DESK_SETTING.NAME).fetch()
                .forEach(r -> line(facts, r.getName(), r.getSetting()));
        facts.append("\n[counts]\n");
        for (var t : List.of(CASE_FILE, PERSON, APP_USER, org.ybdesk.db.jooq.Tables.UNIT,
                org.ybdesk.db.jooq.Tables.AUDIT_LOG, org.ybdesk.db.jooq.Tables.OUTBOX)) {
            line(facts, t.getName(), String.valueOf(desk.db().dsl().fetchCount(t)));
        }
        String scrubbedFacts = scrubber.scrub(facts.toString());
        try {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry("facts.txt"));
                zip.write(scrubbedFacts.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
                for (Path log : logs(logDir)) {
                    zip.putNextEntry(new ZipEntry("logs/" + logDir.relativize(log).toString().replace('\\', '/')));
                    String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
                    zip.write(scrubber.scrub(text).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new ServiceException(Texts.get("diag.out.problem", out.toString(), String.valueOf(e.getMessage())), e);
        }
        return scrubbedFacts;
    }

    private static List<Path> logs(Path logDir) throws IOException {
        if (logDir == null || !Files.isDirectory(logDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(logDir)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        }
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(key).append(": ").append(value).append('\n');
    }

    /** The scrubber with the names of every person this desk knows. */
    public Scrubber scrubber() {
        Set<String> names = new TreeSet<>();
        var dsl = desk.db().dsl();
        names.addAll(dsl.select(PERSON.NAME).from(PERSON).fetch(PERSON.NAME));
        names.addAll(dsl.select(APP_USER.DISPLAY_NAME).from(APP_USER).fetch(APP_USER.DISPLAY_NAME));
        names.addAll(dsl.select(CASE_FILE.APPLICANT_NAME).from(CASE_FILE).fetch(CASE_FILE.APPLICANT_NAME));
        names.addAll(dsl.select(CASE_AGENT.NAME).from(CASE_AGENT).fetch(CASE_AGENT.NAME));
        return new Scrubber(names);
    }

    /**
     * Replaces personal data in text by a placeholder naming its kind. Numbers are matched only where no other
     * digit or letter touches them, so dates, sequence numbers and case numbers stay readable.
     */
    public static final class Scrubber {
        /** E-voucher codes: E/U and 31 characters of the voucher set (D151). */
        private static final Pattern VOUCHER = Pattern.compile("(?<![0-9A-Za-z])[EU][0-9A-HJ-NP-Z]{31}(?![0-9A-Za-z])");
        private static final Pattern ID18 = Pattern.compile("(?<![0-9A-Za-z])\\d{17}[\\dXx](?![0-9A-Za-z])");
        /** Bank account numbers: 16–19 digits, optionally in groups of four. */
        private static final Pattern ACCOUNT = Pattern.compile(
                "(?<![0-9A-Za-z])(?:\\d{16,19}|\\d{4}(?:[ -]\\d{4}){3}(?:[ -]\\d{1,3})?)(?![0-9A-Za-z])");
        private static final Pattern ID15 = Pattern.compile("(?<![0-9A-Za-z])\\d{15}(?![0-9A-Za-z])");
        /** Mobile numbers (optionally +86) and landlines with an area code. */
        private static final Pattern PHONE = Pattern.compile(
                "(?<![0-9A-Za-z])(?:(?:\\+?86[ -]?)?1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})(?![0-9A-Za-z])");

        private final List<String> names;

        public Scrubber(Set<String> names) {
            // longest first, so 张三丰 is replaced whole before 张三
            this.names = new ArrayList<>(names.stream().filter(n -> n != null && n.strip().length() >= 2)
                    .map(String::strip).toList());
            this.names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        }

        public String scrub(String text) {
            String s = replace(VOUCHER, text, Texts.get("diag.scrub.voucher"));
            s = replace(ID18, s, Texts.get("diag.scrub.id"));
            s = replace(ACCOUNT, s, Texts.get("diag.scrub.account"));
            s = replace(ID15, s, Texts.get("diag.scrub.id"));
            s = replace(PHONE, s, Texts.get("diag.scrub.phone"));
            for (String n : names) {
                s = s.replace(n, Texts.get("diag.scrub.name"));
            }
            return s;
        }

        private static String replace(Pattern p, String text, String with) {
            Matcher m = p.matcher(text);
            return m.replaceAll(Matcher.quoteReplacement(with));
        }
    }
}
