package org.ybdesk.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.SplittableRandom;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/**
 * The child process of the crash campaign ({@link CrashCampaign}): opens a data folder through the real services
 * (production mode), sets up the agency and a clerk if the folder has none, then takes in and accepts instant
 * applications in a loop until it is killed. Each line on stdout is printed and flushed only <em>after</em> the call
 * it reports returned, so every line is a promise the desk made to a clerk:
 *
 * <pre>
 * S #                                  main() started (JVM and classes up)
 * M #                                  about to open the desk (H2 open + Flyway migrations)
 * R &lt;openMillis&gt; #                    desk open and set up; committing starts
 * C &lt;caseNo&gt; &lt;applicantId&gt; &lt;auditSeq&gt; #  create() returned: case taken in (auditSeq: the audit log's head after it)
 * A &lt;caseNo&gt; &lt;auditSeq&gt; #              act(ACCEPT) returned: case accepted
 * E #                                  --commits reached and the desk closed normally
 * </pre>
 *
 * The trailing {@code #} marks a whole line: a line cut by the kill has none and is ignored.
 *
 * <p>Run: {@code java -cp ybdesk-bench.jar org.ybdesk.bench.CrashHarness --data-dir D [--day 2026-11-02]
 * [--commits N] [--seed S]}.
 */
public final class CrashHarness {
    /** Item 8 参保人员参保信息查询: instant, one material, fields answered by the applicant's identity. */
    static final int ITEM = 8;
    static final String AGENCY = "230102001";
    static final String ADMIN_PASSWORD = "Crash2026admin";
    static final String CLERK_PASSWORD = "Crash2026clerk";

    private CrashHarness() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        emit(out, "S");
        Path dataDir = null;
        LocalDate day = LocalDate.of(2026, 11, 2);
        long commits = 0;
        long seed = System.nanoTime();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--day" -> day = LocalDate.parse(args[++i]);
                case "--commits" -> commits = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (dataDir == null) {
            System.err.println("usage: CrashHarness --data-dir D [--day yyyy-MM-dd] [--commits N] [--seed S]");
            System.exit(2);
        }
        Clock clock = Clock.fixed(ZonedDateTime.of(day.atTime(10, 0), Desk.ZONE).toInstant(), Desk.ZONE);
        SplittableRandom rnd = new SplittableRandom(seed);
        emit(out, "M");
        long t0 = System.nanoTime();
        Desk desk = Desk.open(dataDir, Mode.PRODUCTION, clock);
        Actor clerk = setUp(desk);
        emit(out, "R " + (System.nanoTime() - t0) / 1_000_000);
        CaseService cases = desk.cases();
        for (long n = 0; commits == 0 || n < commits; n += 2) {
            String id = Synthetic.residentId(rnd.nextLong(Synthetic.SPACE));
            var req = new CaseService.NewCase(ITEM, new CaseService.Applicant(IdType.RESIDENT_ID, id, "张三", null),
                    Map.of(), Map.of(1, MaterialStatus.PAPER), null, null, null);
            String caseNo = cases.create(req, clerk).summary().caseNo();
            emit(out, "C " + caseNo + " " + id + " " + auditHead(desk));
            cases.act(caseNo, Command.of(CaseAction.ACCEPT), null, clerk);
            emit(out, "A " + caseNo + " " + auditHead(desk));
        }
        desk.close();
        emit(out, "E");
        System.exit(0);
    }

    /** The agency, an administrator and a clerk: each created only if missing (a kill may land between them). */
    static Actor setUp(Desk desk) {
        if (desk.agency().isEmpty()) {
            desk.setup().initAgency(new SetupService.AgencySetup(AGENCY, "230102", "哈尔滨市道里区医疗保障中心",
                    "道里区医保中心", "0451-84661234"), null);
        }
        if (!desk.users().anyUser()) {
            desk.users().add("admin", "管理员甲", ADMIN_PASSWORD, EnumSet.of(Role.ADMIN), Synthetic.staffId(1), null);
        }
        Actor admin = desk.users().login("admin", ADMIN_PASSWORD);
        if (desk.users().list().stream().noneMatch(u -> u.username().equals("clerk"))) {
            desk.users().add("clerk", "窗口乙", CLERK_PASSWORD, EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
        }
        Actor clerk = desk.users().login("clerk", CLERK_PASSWORD);
        if (clerk.personId() == null) {
            // a folder from a release before staff person IDs (the migration phase): the administrator registers it
            desk.users().update("clerk", EnumSet.of(Role.CLERK), Synthetic.staffId(2), admin);
            clerk = desk.users().login("clerk", CLERK_PASSWORD);
        }
        return clerk;
    }

    private static long auditHead(Desk desk) {
        return desk.db().dsl().fetchOne("select max(seq) from audit_log").get(0, Long.class);
    }

    private static void emit(PrintStream out, String line) {
        out.print(line + " #\n");
        out.flush();
    }
}
