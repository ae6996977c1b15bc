package org.ybdesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The materials gate is written once (MaterialStatus.blocksAcceptance) and IntakeCheck decides by it (D14, D92). */
class MaterialsGateTest {
    static final Catalog CATALOG = Catalog.loadDefault();

    @Test
    void onlyARequiredMaterialNotReceivedBlocks() {
        for (MaterialStatus s : MaterialStatus.values()) {
            assertThat(s.blocksAcceptance(false)).as("%s, not required", s).isFalse();
            assertThat(s.blocksAcceptance(true)).as("%s, required", s).isEqualTo(s == MaterialStatus.MISSING);
            assertThat(s.received()).as("%s received", s).isEqualTo(s != MaterialStatus.MISSING);
        }
    }

    @Test
    void intakeCheckNamesExactlyTheBlockingMaterials() {
        ServiceItem item = CATALOG.items().stream()
                .filter(i -> i.materials().stream().filter(m -> m.requiredFor(Map.of())).count() >= 2)
                .findFirst().orElseThrow();
        Map<Integer, MaterialStatus> received = new LinkedHashMap<>();
        item.materials().forEach(m -> received.put(m.no(), MaterialStatus.PAPER));
        assertThat(IntakeCheck.missingRequired(item, Map.of(), received)).isEmpty();
        assertThat(IntakeCheck.materialProblems(item, Map.of(), received)).isEmpty();

        Map<MaterialSpec, Boolean> needs = IntakeCheck.materialNeeds(item, Map.of());
        MaterialSpec first = needs.entrySet().stream().filter(Map.Entry::getValue).findFirst().orElseThrow().getKey();
        received.put(first.no(), MaterialStatus.MISSING);
        assertThat(IntakeCheck.missingRequired(item, Map.of(), received)).containsExactly(first);
        assertThat(IntakeCheck.materialProblems(item, Map.of(), received)).hasSize(1)
                .first().asString().contains(first.name());
        assertThat(IntakeCheck.noneReceived(item, received)).isFalse();

        received.replaceAll((no, s) -> MaterialStatus.MISSING);
        assertThat(IntakeCheck.noneReceived(item, received)).isTrue();
        assertThat(IntakeCheck.materialProblems(item, Map.of(), received)).hasSize(2);
    }
}
