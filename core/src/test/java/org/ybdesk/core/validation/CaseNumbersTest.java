package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaseNumbersTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @Test
    void formatCarriesTheWindowAndTheSequence() {
        assertThat(CaseNumbers.format("230102001", DAY, 3, 42)).isEqualTo("230102001" + "20261125" + "03" + "00042");
        assertThat(CaseNumbers.format("A1", DAY, 99, 99_999)).isEqualTo("A1202611259999999");
        assertThat(CaseNumbers.format("230102001", DAY, 1, 1)).hasSize(9 + 15);
    }

    @Test
    void formatRefusesWindowsAndSequencesOutOfRange() {
        assertThatThrownBy(() -> CaseNumbers.format("X", DAY, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumbers.format("X", DAY, 100, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumbers.format("X", DAY, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumbers.format("X", DAY, 1, 100_000))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CaseNumbers.validWindow(1)).isTrue();
        assertThat(CaseNumbers.validWindow(99)).isTrue();
        assertThat(CaseNumbers.validWindow(0)).isFalse();
        assertThat(CaseNumbers.validWindow(100)).isFalse();
    }

    @Test
    void parseReadsBothFormats() {
        String now = CaseNumbers.format("230102001", DAY, 7, 123);
        assertThat(CaseNumbers.parse(now, "230102001"))
                .contains(new CaseNumbers.Parts("230102001", DAY, 7, 123));
        String old = CaseNumbers.formatLegacy("230102001", DAY, 123);
        assertThat(old).isEqualTo("2301020012026112500123");
        CaseNumbers.Parts p = CaseNumbers.parse(old, "230102001").orElseThrow();
        assertThat(p).isEqualTo(new CaseNumbers.Parts("230102001", DAY, 0, 123));
        assertThat(p.legacy()).isTrue();
        assertThat(CaseNumbers.parse(now, "230102001").orElseThrow().legacy()).isFalse();
    }

    @Test
    void agencyCodesEndingInDigitsAreToldApartByTheAgency() {
        // "23010200" + "1" ... : the same string read for another agency code whose digits run into the date
        String no = CaseNumbers.format("230102001", LocalDate.of(2026, 12, 5), 3, 1);
        assertThat(CaseNumbers.parse(no, "230102001")).map(CaseNumbers.Parts::windowNo).contains(3);
        assertThat(CaseNumbers.parse(no, "23010200")).isEmpty();
        assertThat(CaseNumbers.parse(no, "2301020012")).isEmpty();
        // read as an old number of agency "23010200120": day 2612-05-03 would be a real date, so only the agency
        // code tells the formats apart
        assertThat(CaseNumbers.parse(no, "23010200120"))
                .contains(new CaseNumbers.Parts("23010200120", LocalDate.of(2612, 5, 3), 0, 1));
        assertThat(CaseNumbers.belongsTo(no, "230102001")).isTrue();
        assertThat(CaseNumbers.belongsTo(no, "230102002")).isFalse();
        assertThat(CaseNumbers.belongsTo(no, "23010200")).isFalse();
    }

    @Test
    void datesAreStrict() {
        assertThat(CaseNumbers.parse("X" + "20260230" + "01" + "00001", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20261301" + "01" + "00001", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20250229" + "00001", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20240229" + "01" + "00001", "X")).isPresent();
        assertThat(CaseNumbers.parse("X" + "20240229" + "00001", "X")).isPresent();
    }

    @Test
    void windowAndSequenceRangesAreChecked() {
        assertThat(CaseNumbers.parse("X" + "20261125" + "00" + "00001", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20261125" + "99" + "00001", "X")).isPresent();
        assertThat(CaseNumbers.parse("X" + "20261125" + "01" + "00000", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20261125" + "00000", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X" + "20261125" + "01" + "99999", "X")).isPresent();
    }

    @Test
    void anythingElseIsNotANumber() {
        assertThat(CaseNumbers.parse(null, "X")).isEmpty();
        assertThat(CaseNumbers.parse("X20261125010001", null)).isEmpty();
        assertThat(CaseNumbers.parse("X2026112501000001", "X")).isEmpty(); // 16 digits
        assertThat(CaseNumbers.parse("X202611250100001", "Y")).isEmpty();
        assertThat(CaseNumbers.parse("X2026112501O0001", "X")).isEmpty();
        assertThat(CaseNumbers.parse("X-202611250100001", "X-")).isEmpty();
        assertThat(CaseNumbers.parse("X２０２６１１２５０１０００01", "X")).isEmpty(); // full-width digits
    }

    @Test
    void wellFormedAcceptsEitherFormatOfAnyAgency() {
        assertThat(CaseNumbers.wellFormed(CaseNumbers.format("230102001", DAY, 3, 1))).isTrue();
        assertThat(CaseNumbers.wellFormed(CaseNumbers.formatLegacy("230102001", DAY, 1))).isTrue();
        assertThat(CaseNumbers.wellFormed("202611250100001")).isFalse(); // no agency code
        assertThat(CaseNumbers.wellFormed("230102001abc")).isFalse();
        assertThat(CaseNumbers.wellFormed(null)).isFalse();
    }

    @Test
    void windowsOfOneAgencyNeverShareANumber() {
        Set<String> seen = new HashSet<>();
        for (int w = 1; w <= 99; w++) {
            for (int s = 1; s <= 50; s++) {
                assertThat(seen.add(CaseNumbers.format("230102001", DAY, w, s))).isTrue();
            }
        }
        for (int s = 1; s <= 50; s++) {
            assertThat(seen.add(CaseNumbers.formatLegacy("230102001", DAY, s))).isTrue();
        }
    }
}
