package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.SearchService.Query;

@org.junit.jupiter.api.Tag("calendar")
class SearchAndWorkbenchTest {
    @TempDir
    Path dir;

    @Test
    void searchByCaseNumberIdPrefixNameAndInitials() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String a = f.create(8, DeskFixture.person("张三"), Map.of(), f.clerk).summary().caseNo();
            String b = f.create(8, DeskFixture.person("李四"), Map.of(), f.clerk).summary().caseNo();
            f.create(8, DeskFixture.person("张三丰"), Map.of(), f.clerk);
            SearchService s = f.desk.search();
            assertThat(s.search(Query.text(a))).extracting(x -> x.caseNo()).containsExactly(a);
            assertThat(s.search(Query.text(b))).extracting(x -> x.caseNo()).containsExactly(b);
            assertThat(s.search(Query.text("zs"))).hasSize(2);
            assertThat(s.search(Query.text("ZSF"))).hasSize(1);
            assertThat(s.search(Query.text("张三"))).hasSize(2);
            assertThat(s.search(Query.text("230102"))).hasSize(3);
            assertThat(s.search(new Query(null, 8, CaseState.RECEIVED, LocalDate.of(2026, 11, 1),
                    LocalDate.of(2026, 11, 2), 10))).hasSize(3);
            assertThat(s.search(new Query(null, 9, null, null, null, 10))).isEmpty();
        }
    }

    @Test
    void workbenchCountsFollowTheRoleEachCaseWaitsFor() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            String r = f.create(16, DeskFixture.person("赵甲"), Map.of(), f.clerk).summary().caseNo();
            String a = f.create(16, DeskFixture.person("赵乙"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(a, Command.of(CaseAction.ACCEPT), null, f.clerk);
            String c = f.create(8, DeskFixture.person("赵丙"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(c, Command.of(CaseAction.ACCEPT), null, f.clerk);
            f.desk.cases().act(c, Command.of(CaseAction.CLOSE), null, f.clerk);
            var counts = f.desk.workbench().counts();
            assertThat(counts.toAccept()).isEqualTo(1);
            assertThat(counts.toReview()).isEqualTo(1);
            assertThat(counts.closedToday()).isEqualTo(1);
            assertThat(counts.receivedToday()).isEqualTo(3);
            assertThat(f.desk.workbench().waitingFor(f.reviewer, 10)).extracting(x -> x.caseNo()).containsExactly(a);
            assertThat(f.desk.workbench().myOpen(f.clerk, 10)).extracting(x -> x.caseNo())
                    .containsExactlyInAnyOrder(r, a);
            assertThat(f.desk.workbench().closedToday(10)).extracting(x -> x.caseNo()).containsExactly(c);
            assertThat(f.desk.cases().show(a, f.reviewer).nextRole()).isEqualTo(org.ybdesk.core.lifecycle.Role.REVIEWER);
        }
    }
}
