package org.ybdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.core.validation.VoucherCodes;
import org.ybdesk.desk.IntakeApplicant.Code;
import org.ybdesk.desk.IntakeApplicant.CodeKind;

/**
 * What the applicant field makes of what was typed or scanned (issue 13, D151): an e-voucher code is recognised as
 * one (a person's for person items, a unit's for unit items); a mistyped ID number — 17 or 19 digits, a wrong check
 * digit — always gets the ID number's message, never the voucher's; a voucher scan cut short gets the voucher's.
 */
class IntakeCodeTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 16);
    private static final String PERSON = VoucherCodes.of(VoucherCodes.Kind.PERSON, "1A2B3C4D5E6F7G8H9J0K1L2M3N4P5Q");
    private static final String UNIT = VoucherCodes.of(VoucherCodes.Kind.UNIT, "000000000000000000000000000007");

    private static Code person(String typed) {
        return IntakeApplicant.classify(typed, ApplicantKind.PERSON, IdType.RESIDENT_ID, TODAY);
    }

    private static Code unit(String typed) {
        return IntakeApplicant.classify(typed, ApplicantKind.UNIT, null, TODAY);
    }

    private static String id() {
        String first17 = "23010219800101123";
        return first17 + Validators.residentIdCheckChar(first17);
    }

    @Test
    void vouchersAreRecognisedWhateverTheScannerTyped() {
        assertThat(person(PERSON).kind()).isEqualTo(CodeKind.VOUCHER);
        assertThat(person(PERSON.toLowerCase()).kind()).isEqualTo(CodeKind.VOUCHER);
        assertThat(person(PERSON.substring(0, 16) + " " + PERSON.substring(16)).value()).isEqualTo(PERSON);
        assertThat(person(PERSON).problems()).singleElement().asString().contains("回车", "省平台");
        assertThat(unit(UNIT).kind()).isEqualTo(CodeKind.VOUCHER);
        // the other kind's voucher is named as such
        assertThat(person(UNIT).kind()).isEqualTo(CodeKind.INVALID);
        assertThat(person(UNIT).problems()).singleElement().asString().contains("单位的医保电子凭证");
        assertThat(unit(PERSON).problems()).singleElement().asString().contains("个人的医保电子凭证");
    }

    @Test
    void mistypedIdNumbersGetTheIdMessageNeverTheVoucherMessage() {
        String id = id();
        assertThat(person(id).kind()).isEqualTo(CodeKind.PERSON_ID);
        char wrong = id.charAt(17) == '0' ? '1' : '0';
        for (String typo : new String[] {id.substring(0, 17), id + "7", id.substring(0, 17) + wrong,
                id.substring(0, 16), id + "12", "1234567890123456"}) {
            Code c = person(typo);
            assertThat(c.kind()).as(typo).isEqualTo(CodeKind.INVALID);
            assertThat(c.problems()).as(typo).isNotEmpty()
                    .allSatisfy(p -> assertThat(p).doesNotContain("电子凭证"))
                    .anySatisfy(p -> assertThat(p).contains("证件号码"));
        }
        // on a unit item a 17- or 19-character number is a wrong credit code, not a voucher either
        for (String typo : new String[] {"91230102MA1B2C3D4", "91230102MA1B2C3D4XY"}) {
            assertThat(unit(typo).problems()).as(typo).allSatisfy(p -> assertThat(p).doesNotContain("电子凭证"));
        }
    }

    @Test
    void aVoucherScanCutShortOrMistypedGetsTheVoucherMessage() {
        Code shortScan = person(PERSON.substring(0, 28));
        assertThat(shortScan.kind()).isEqualTo(CodeKind.INVALID);
        assertThat(shortScan.problems()).anySatisfy(p -> assertThat(p).contains("医保电子凭证码", "32 位", "28 位"));
        String typo = PERSON.substring(0, 31) + (PERSON.charAt(31) == '0' ? '1' : '0');
        assertThat(person(typo).problems()).singleElement().asString().contains("校验位");
        assertThat(person(PERSON.substring(0, 10) + "O" + PERSON.substring(11)).problems())
                .anySatisfy(p -> assertThat(p).contains("第 11 位"));
    }
}
