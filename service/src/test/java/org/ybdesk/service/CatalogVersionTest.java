package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;

/**
 * A case is shown, acted on and printed under the catalog version it was accepted with; a newer catalog applies to
 * new cases only (issue 11).
 */
class CatalogVersionTest {
    @TempDir
    Path dir;

    @Test
    void aCaseKeepsTheCatalogItWasAcceptedUnder() {
        Catalog shipped = Catalog.loadDefault();
        String oldName = shipped.item(17).name();
        String newName = oldName + "（新版）";
        String newer = Catalog.defaultText()
                .replaceFirst("version: \"" + shipped.version() + "\"", "version: \"2099.1\"")
                .replace("name: \"" + oldName + "\"", "name: \"" + newName + "\"");
        String oldCase;
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            oldCase = f.create(17, DeskFixture.person("秦十七"), Map.of(), f.clerk).summary().caseNo();
            f.desk.cases().act(oldCase, Command.of(CaseAction.ACCEPT), null, f.clerk);
            assertThat(new SyncStore(f.desk).applyReference(1, List.of(new SyncStore.ReferenceEntry(Desk.REF_CATALOG,
                    "2099.1", 1, newer)))).isEqualTo(1);
        }
        try (Desk d = Desk.open(dir, Mode.PRODUCTION, TestClock.at(LocalDate.of(2026, 11, 3)))) {
            assertThat(d.catalog().version()).as("the pulled catalog is in force").isEqualTo("2099.1");
            var clerk = d.users().login("clerk", "passw0rdclerk");
            var reviewer = d.users().login("reviewer", "passw0rdreviewer");
            var v = d.cases().show(oldCase, clerk);
            assertThat(v.catalogVersion()).isEqualTo(shipped.version());
            assertThat(v.item().name()).isEqualTo(oldName);
            assertThat(v.summary().itemName()).isEqualTo(oldName);
            // acted on under its own version, and printed under it
            v = d.cases().act(oldCase, Command.withAmount(CaseAction.REVIEW, Money.ofFen(12_000)), null, reviewer);
            assertThat(v.item().name()).isEqualTo(oldName);
            assertThat(d.prints().model(oldCase, clerk).item().name()).isEqualTo(oldName);
            assertThat(d.cases().list(new CaseService.CaseQuery(17, null, null, null, null, 10)))
                    .singleElement().satisfies(s -> assertThat(s.itemName()).isEqualTo(oldName));
            // a new case is taken in under the catalog in force
            var item = d.catalog().item(17);
            var m = new java.util.LinkedHashMap<Integer, org.ybdesk.core.catalog.MaterialStatus>();
            item.materials().forEach(x -> m.put(x.no(), org.ybdesk.core.catalog.MaterialStatus.PAPER));
            var created = d.cases().create(new CaseService.NewCase(17, DeskFixture.person("尤十八"),
                    Samples.fields(item, Map.of()), m, null, null, null), clerk);
            assertThat(created.catalogVersion()).isEqualTo("2099.1");
            assertThat(created.item().name()).isEqualTo(newName);
            assertThat(d.item(shipped.version(), 17).name()).isEqualTo(oldName);
        }
    }
}
