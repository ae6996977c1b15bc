package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.validation.AdminDivisions;
import org.ybdesk.core.validation.Validators;

/** D95: the province's admin-division list replaces the shipped one when pulled, and stays after a restart. */
class AdminDivisionsReferenceTest {
    @TempDir
    Path dir;

    @AfterEach
    void shippedListAgain() {
        AdminDivisions.reset();
    }

    static String list(String version, String... rows) {
        return "# version: " + version + "\ncode\tname\tkind\tsuccessor\tyear\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void aPulledListIsInForceAtOnceAndAfterReopening() {
        String shipped = AdminDivisions.bundled().version();
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 12, 7))) {
            assertThat(Validators.adminDivisionWarnings("239999")).hasSize(1);
            SyncStore store = new SyncStore(f.desk);
            String tsv = list("2027-01-01", "230000\t黑龙江省\tPROVINCE\t\t", "239999\t黑龙江省新设区\tCOUNTY\t\t",
                    "230102\t黑龙江省哈尔滨市道里区\tABOLISHED\t239999\t2027");
            assertThat(store.applyReference(5, List.of(new SyncStore.ReferenceEntry(Desk.REF_ADMIN_DIVISIONS,
                    "2027-01-01", 5, tsv)))).isEqualTo(1);
            assertThat(AdminDivisions.version()).isEqualTo("2027-01-01");
            assertThat(Validators.adminDivisionWarnings("239999")).isEmpty();
            assertThat(Validators.adminDivisionWarnings("230102")).singleElement().asString()
                    .contains("现为 239999 黑龙江省新设区");

            // a broken list is refused whole: nothing applied, the list in force stays
            assertThatThrownBy(() -> store.applyReference(6, List.of(new SyncStore.ReferenceEntry(
                    Desk.REF_ADMIN_DIVISIONS, "bad", 6, "code\tname\tkind\n1\t某\tCOUNTY\n"))))
                    .isInstanceOf(ServiceException.class).hasMessageContaining("ADMIN_DIVISIONS")
                    .hasMessageContaining("不是6位数字");
            assertThat(AdminDivisions.version()).isEqualTo("2027-01-01");
            assertThat(store.state().referenceVersion()).isEqualTo(5);

            // a newer list replaces every earlier one
            store.applyReference(7, List.of(new SyncStore.ReferenceEntry(Desk.REF_ADMIN_DIVISIONS, "2027-06-01", 7,
                    list("2027-06-01", "230000\t黑龙江省\tPROVINCE\t\t"))));
            assertThat(AdminDivisions.version()).isEqualTo("2027-06-01");
            assertThat(store.reference(Desk.REF_ADMIN_DIVISIONS)).hasSize(1);
        }
        AdminDivisions.reset();
        assertThat(AdminDivisions.version()).isEqualTo(shipped);
        try (Desk reopened = Desk.open(dir, Mode.PRODUCTION, TestClock.at(LocalDate.of(2026, 12, 8)))) {
            assertThat(AdminDivisions.version()).isEqualTo("2027-06-01");
            assertThat(AdminDivisions.name("230000")).contains("黑龙江省");
        }
    }
}
