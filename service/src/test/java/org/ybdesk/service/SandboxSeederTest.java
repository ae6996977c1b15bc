package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_EVENT;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;
import static org.ybdesk.db.jooq.Tables.CASE_NOTE;
import static org.ybdesk.db.jooq.Tables.OUTBOX;
import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.calendar.DeadlineStatus;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.CaseQuery;
import org.ybdesk.service.CaseViews.CaseSummary;

/** The trainers' sandbox: seeded once (shared by the tests) as of 2026-11-25 09:00 in Asia/Shanghai. */
class SandboxSeederTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @TempDir
    static Path dir;
    static long seedMillis;

    @BeforeAll
    static void seedOnce() {
        long t0 = System.nanoTime();
        SandboxSeeder.seed(dir, TestClock.at(TODAY));
        seedMillis = (System.nanoTime() - t0) / 1_000_000;
        try (Desk d = open(dir)) {
            var dsl = d.db().dsl();
            System.out.printf("sandbox seeded in %d ms: %d cases, %d events, %d persons, %d units, %d users, "
                            + "%d audit records, %d notes%n", seedMillis, dsl.fetchCount(CASE_FILE),
                    dsl.fetchCount(CASE_EVENT), dsl.fetchCount(PERSON), dsl.fetchCount(UNIT), dsl.fetchCount(APP_USER),
                    dsl.fetchCount(AUDIT_LOG), dsl.fetchCount(CASE_NOTE));
        }
    }

    static Desk open(Path dataDir) {
        return Desk.open(dataDir, Mode.SANDBOX, TestClock.at(TODAY));
    }

    static List<CaseSummary> all(Desk d) {
        return d.cases().list(new CaseQuery(null, null, null, null, null, 10_000));
    }

    /** Case number, item and state of every case, in case-number order. */
    static Map<String, String> fingerprint(Desk d) {
        return all(d).stream().collect(Collectors.toMap(CaseSummary::caseNo,
                s -> s.itemNo() + ":" + s.state() + ":" + s.applicantName(), (a, b) -> a, TreeMap::new));
    }

    @Test
    void everyItemEveryStateAndEveryDeadlineStatusAsOfToday() {
        try (Desk d = open(dir)) {
            List<CaseSummary> cases = all(d);
            assertThat(cases).hasSizeBetween(130, 180);
            assertThat(cases.stream().map(CaseSummary::itemNo).collect(Collectors.toSet()))
                    .isEqualTo(IntStream.rangeClosed(1, 28).boxed().collect(Collectors.toSet()));
            assertThat(cases.stream().map(CaseSummary::state).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(CaseState.values());
            List<CaseSummary> open = cases.stream().filter(c -> !c.state().terminal()).toList();
            assertThat(open).allSatisfy(c -> {
                if (c.deadline() != null) {
                    assertThat(c.deadline().problem()).as(c.caseNo()).isNull();
                }
            });
            assertThat(open.stream().filter(c -> c.deadline() != null).map(c -> c.deadline().status())
                    .collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(DeadlineStatus.values());
            Map<DeadlineStatus, Long> byStatus = open.stream().filter(c -> c.deadline() != null)
                    .collect(Collectors.groupingBy(c -> c.deadline().status(), () -> new TreeMap<>(),
                            Collectors.counting()));
            System.out.println("open cases by deadline status: " + byStatus + "; by state: "
                    + cases.stream().collect(Collectors.groupingBy(CaseSummary::state, TreeMap::new,
                    Collectors.counting())));
            // the 补正 after acceptance is what stops the clock
            assertThat(open).filteredOn(c -> c.deadline() != null && c.deadline().status() == DeadlineStatus.PAUSED)
                    .allSatisfy(c -> assertThat(c.state()).isEqualTo(CaseState.SUPPLEMENTING));
            assertThat(cases).allSatisfy(c -> assertThat(c.receivedOn())
                    .isBetween(TODAY.minusDays(SandboxSeeder.WINDOW_DAYS), TODAY));
            assertThat(cases).anySatisfy(c -> assertThat(c.receivedOn()).isEqualTo(TODAY));
            assertThat(d.workbench().counts().closedToday()).isPositive();
        }
    }

    @Test
    void refusalsRejectionsSupplementsAndPaymentsCarryReasonsAndAmounts() {
        try (Desk d = open(dir)) {
            for (CaseSummary c : all(d)) {
                var v = d.cases().show(c.caseNo(), null);
                switch (c.state()) {
                    case REFUSED, REJECTED -> {
                        assertThat(v.events().get(v.events().size() - 1).reasons()).as(c.caseNo()).isNotEmpty();
                        assertThat(v.messages()).as(c.caseNo()).anySatisfy(m -> assertThat(m.kind()).isEqualTo("FAILURE"));
                    }
                    case SUPPLEMENTING -> assertThat(v.messages()).as(c.caseNo())
                            .anySatisfy(m -> assertThat(m.kind()).isEqualTo("SUPPLEMENT"));
                    case PAID -> assertThat(v.paid().fen()).as(c.caseNo()).isPositive();
                    case CLOSED -> assertThat(v.messages()).as(c.caseNo()).isNotEmpty().allSatisfy(m ->
                            assertThat(m.text()).startsWith("【培训演示中心】").doesNotContain("{"));
                    default -> {
                    }
                }
                if (v.paid() != null) {
                    assertThat(v.paid().fen()).isBetween(100L, 200_000_000L);
                }
            }
        }
    }

    @Test
    void trainingAccountsLogInWithTheirRoles() {
        assertThat(SandboxSeeder.ACCOUNTS).hasSize(7);
        assertThat(SandboxSeeder.ACCOUNTS.get(0).roles()).containsExactlyInAnyOrder(Role.TRAINER, Role.ADMIN);
        assertThat(SandboxSeeder.ACCOUNTS.stream().flatMap(a -> a.roles().stream()).collect(Collectors.toSet()))
                .containsAll(EnumSet.of(Role.CLERK, Role.REVIEWER, Role.RECHECKER, Role.HEAD, Role.FINANCE));
        assertThat(SandboxSeeder.ACCOUNTS.stream().filter(a -> a.roles().contains(Role.CLERK))).hasSize(2);
        try (Desk d = open(dir)) {
            for (SandboxSeeder.TrainingAccount a : SandboxSeeder.ACCOUNTS) {
                assertThat(UserService.passwordProblems(a.password())).isEmpty();
                assertThat(a.displayName()).matches("\\p{IsHan}{2,4}");
                Actor actor = d.users().login(a.username(), a.password());
                assertThat(actor.roles()).isEqualTo(a.roles());
                assertThat(actor.name()).isEqualTo(a.displayName());
            }
        }
    }

    @Test
    void auditChainHoldsNoOutboxAndTheRegistryIsValid() {
        try (Desk d = open(dir)) {
            var dsl = d.db().dsl();
            assertThat(SandboxSeeder.isSeeded(d)).isTrue();
            assertThat(d.requireAgency().getCode()).isEqualTo("PX230102");
            assertThat(d.requireAgency().getAdminDivisionCode()).isEqualTo("230102");
            assertThat(d.verifyAudit().ok()).isTrue();
            assertThat(dsl.fetchCount(AUDIT_LOG)).isGreaterThan(dsl.fetchCount(CASE_EVENT));
            assertThat(dsl.fetchCount(OUTBOX)).isZero();
            assertThat(dsl.fetchCount(UNIT)).isGreaterThanOrEqualTo(40);
            assertThat(dsl.fetchCount(PERSON)).isGreaterThanOrEqualTo(400);
            assertThat(dsl.select(PERSON.ID_NUMBER).from(PERSON).fetch(PERSON.ID_NUMBER))
                    .allSatisfy(id -> assertThat(Validators.residentId(id, TODAY)).as(id).isEmpty());
            assertThat(dsl.select(UNIT.CREDIT_CODE).from(UNIT).fetch(UNIT.CREDIT_CODE))
                    .allSatisfy(code -> assertThat(Validators.creditCode(code)).as(code).isEmpty());
            assertThat(dsl.select(PERSON.NAME_INITIALS).from(PERSON).fetch(PERSON.NAME_INITIALS))
                    .allSatisfy(i -> assertThat(i).matches("[a-z]{2,4}"));
            assertThat(d.search().search(SearchService.Query.text("PX2301022026"))).isNotEmpty();
        }
    }

    @Test
    void productionIsUntouchedAndNoWorkFolderIsLeft() {
        assertThat(dir.resolve("prod")).doesNotExist();
        assertThat(dir.resolve(SandboxSeeder.WORK_FOLDER)).doesNotExist();
        assertThat(dir.resolve("sandbox/ybdesk.mv.db")).exists();
    }

    @Test
    void theSandboxFileCannotBeOpenedAsProduction(@TempDir Path other) throws IOException {
        Files.createDirectories(other.resolve("prod"));
        Files.copy(dir.resolve("sandbox/ybdesk.mv.db"), other.resolve("prod/ybdesk.mv.db"));
        // the file alone does not even open (encrypted, its key is filed under the id of its folder)
        assertThatThrownBy(() -> Desk.open(other, Mode.PRODUCTION, TestClock.at(TODAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("密钥");
        // with its id (the whole folder copied) it opens, and is refused as the sandbox it is
        Files.copy(dir.resolve("sandbox/database.id"), other.resolve("prod/database.id"));
        assertThatThrownBy(() -> Desk.open(other, Mode.PRODUCTION, TestClock.at(TODAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining(Mode.SANDBOX.label());
    }

    @Test
    void seedingRefusesASeededSandboxAndAProductionDatabase(@TempDir Path other) throws IOException {
        assertThatThrownBy(() -> SandboxSeeder.seed(dir, TestClock.at(TODAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining("重置");
        try (Desk prod = Desk.open(other, Mode.PRODUCTION, TestClock.at(TODAY))) {
            prod.setup().initAgency(new SetupService.AgencySetup("230102001", "230102", "生产经办机构", null, null),
                    null);
        }
        Files.createDirectories(other.resolve("sandbox"));
        Path copied = other.resolve("sandbox/ybdesk.mv.db");
        Files.copy(other.resolve("prod/ybdesk.mv.db"), copied);
        Files.copy(other.resolve("prod/database.id"), other.resolve("sandbox/database.id"));
        long size = Files.size(copied);
        assertThatThrownBy(() -> SandboxSeeder.seed(other, TestClock.at(TODAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining(Mode.PRODUCTION.label());
        assertThatThrownBy(() -> SandboxSeeder.reset(other, TestClock.at(TODAY)))
                .isInstanceOf(ServiceException.class).hasMessageContaining(Mode.PRODUCTION.label());
        assertThat(copied).exists();
        assertThat(Files.size(copied)).isEqualTo(size);
        try (Desk prod = Desk.open(other, Mode.PRODUCTION, TestClock.at(TODAY))) {
            assertThat(prod.requireAgency().getCode()).isEqualTo("230102001");
        }
    }

    @Test
    void resetRestoresTheSeedAfterChanges(@TempDir Path other) throws IOException {
        Files.createDirectories(other.resolve("sandbox"));
        try (Stream<Path> files = Files.list(dir.resolve("sandbox"))) {
            for (Path f : files.toList()) {
                Files.copy(f, other.resolve("sandbox").resolve(f.getFileName()));
            }
        }
        Map<String, String> before;
        int audit;
        String changed;
        try (Desk d = open(other)) {
            before = fingerprint(d);
            audit = d.db().dsl().fetchCount(AUDIT_LOG);
            SandboxSeeder.TrainingAccount clerk = SandboxSeeder.ACCOUNTS.get(1);
            Actor actor = d.users().login(clerk.username(), clerk.password());
            changed = d.workbench().inState(CaseState.RECEIVED, 1).get(0).caseNo();
            d.cases().act(changed, Command.withReasons(CaseAction.REFUSE, List.of("练习")), null, actor);
            d.cases().addNote(changed, "练习备注", actor);
            assertThat(fingerprint(d)).isNotEqualTo(before);
        }
        SandboxSeeder.reset(other, TestClock.at(TODAY));
        try (Desk d = open(other)) {
            assertThat(fingerprint(d)).isEqualTo(before);
            assertThat(d.cases().show(changed, null).summary().state()).isEqualTo(CaseState.RECEIVED);
            assertThat(d.cases().show(changed, null).notes()).noneMatch(n -> n.text().equals("练习备注"));
            assertThat(d.db().dsl().fetchCount(AUDIT_LOG)).isEqualTo(audit);
            assertThat(d.verifyAudit().ok()).isTrue();
        }
        assertThat(other.resolve("prod")).doesNotExist();
    }

    @Test
    void seedingIsDeterministicAndReplacesAnEmptySandbox(@TempDir Path other) {
        try (Desk empty = open(other)) {
            assertThat(SandboxSeeder.isSeeded(empty)).isFalse();
        }
        SandboxSeeder.seed(other, TestClock.at(TODAY));
        try (Desk a = open(dir); Desk b = open(other)) {
            assertThat(fingerprint(b)).isEqualTo(fingerprint(a));
            assertThat(b.db().dsl().fetchCount(PERSON)).isEqualTo(a.db().dsl().fetchCount(PERSON));
        }
    }

    @Test
    void productionDesksAreNeverSeeded(@TempDir Path other) {
        try (Desk prod = Desk.open(other, Mode.PRODUCTION, TestClock.at(TODAY))) {
            assertThat(SandboxSeeder.isSeeded(prod)).isFalse();
        }
    }

    @Test
    void seedingIsFastEnough() {
        assertThat(seedMillis).isLessThan(120_000);
    }

    @Test
    void openCaseStatesHaveTheRightRoleWaiting() {
        try (Desk d = open(dir)) {
            var counts = d.workbench().counts();
            assertThat(counts.toAccept()).isPositive();
            assertThat(counts.toReview()).isPositive();
            assertThat(counts.toRecheck()).isPositive();
            assertThat(counts.toApprove()).isPositive();
            assertThat(counts.toPay()).isPositive();
            assertThat(counts.near()).isPositive();
            assertThat(counts.overdue()).isPositive();
            Set<String> names = d.db().dsl().selectDistinct(CASE_EVENT.ACTOR_NAME).from(CASE_EVENT)
                    .fetchSet(CASE_EVENT.ACTOR_NAME);
            assertThat(names).containsAll(SandboxSeeder.ACCOUNTS.stream().skip(1)
                    .map(SandboxSeeder.TrainingAccount::displayName).toList());
        }
    }
}
