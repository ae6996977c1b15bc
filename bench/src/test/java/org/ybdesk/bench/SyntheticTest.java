package org.ybdesk.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.validation.Validators;

/** Fast checks of the generator (no database): the benchmark's data must pass the desk's own validation. */
class SyntheticTest {
    private final Synthetic syn = new Synthetic(20261125L, 5000);

    @Test
    void residentIdsAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 20_000; i++) {
            String id = Synthetic.residentId(i);
            assertThat(Validators.residentId(id, java.time.LocalDate.of(2026, 11, 16))).as(id).isEmpty();
            assertThat(seen.add(id)).as("duplicate " + id).isTrue();
        }
        // and the far end of the index space
        assertThat(Validators.residentId(Synthetic.residentId(Synthetic.SPACE - 1), java.time.LocalDate.of(2026, 11, 16)))
                .isEmpty();
    }

    @Test
    void personMatchesItsId() {
        for (long i = 0; i < 2_000; i++) {
            Synthetic.Person p = syn.person(i);
            var facts = Validators.idFacts(p.idNumber(), java.time.LocalDate.of(2026, 11, 16)).orElseThrow();
            assertThat(p.birthDate()).isEqualTo(facts.birthDate());
            assertThat(p.gender()).isEqualTo(facts.gender());
            assertThat(p.birthDate().getYear()).isBetween(1940, 2020);
            assertThat(p.name()).hasSizeBetween(2, 4);
            assertThat(p.initials()).matches("[a-z]{2,4}");
            if (p.phone() != null) {
                assertThat(Validators.mobilePhone(p.phone())).isEmpty();
            }
            assertThat(p.unitIndex()).isBetween(-1, 4999);
        }
        assertThat(syn.person(42)).isEqualTo(new Synthetic(20261125L, 5000).person(42));
        assertThat(Gender.values()).contains(syn.person(7).gender());
    }

    @Test
    void creditCodesAreValidAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < 5_000; j++) {
            String code = syn.unit(j).creditCode();
            assertThat(Validators.creditCode(code)).as(code).isEmpty();
            assertThat(seen.add(code)).isTrue();
        }
    }

    @Test
    void openStatesAreNeverTerminal() {
        for (var item : Catalog.loadDefault().items()) {
            assertThat(DataLoader.openStates(item)).isNotEmpty().noneMatch(CaseState::terminal);
        }
    }
}
