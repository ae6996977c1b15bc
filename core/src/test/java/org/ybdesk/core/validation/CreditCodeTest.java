package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.validation.ValidatorsTest.problems;
import static org.ybdesk.core.validation.ValidatorsTest.withCreditCheck;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "91350100M000100Y43", // the common textbook sample
        "914403001922038216", // a large Shenzhen enterprise, as published
        "91440300708461136T", // another Shenzhen enterprise, as published
        "91330100799655058B"})
    void realFormatSamplesAreValid(String code) {
        assertThat(Validators.creditCode(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // first 17 characters, check character computed independently (MOD 31, weights 3^i mod 31)
        "91350100M000100Y4,3",
        "12100000400000000,W",
        "51440300MJL000001,5",
        "92230102MA1ABCDE1,N",
        "93330100MA2K12345,E",
        "11100000000013127,D",
        "N2330102MF0000001,6",
        "Y1110000700000001,B"})
    void checkCharacterMatchesIndependentComputation(String first17, char check) {
        assertThat(Validators.creditCodeCheckChar(first17)).isEqualTo(check);
        assertThat(Validators.creditCode(first17 + check)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "31110000MD0123456", "52320500MJ5432109", "71440100MC1234567", "81110000ME9876543",
        "A1100000MA0000001", "21100000MB0000012", "41110000MD1111111", "61110000MF2222222"})
    void computedSamplesOfOtherAuthoritiesAreValid(String first17) {
        assertThat(Validators.creditCode(withCreditCheck(first17))).isEmpty();
    }

    @Test
    void checkCharacterZeroWhenRemainderIsZero() {
        // find a body whose check is '0' (31 - 0 -> 31 -> 0) and make sure it validates
        String body = null;
        for (int n = 0; n < 1000 && body == null; n++) {
            String candidate = String.format("91110000MA%07d", n);
            if (Validators.creditCodeCheckChar(candidate) == '0') {
                body = candidate;
            }
        }
        assertThat(body).isNotNull();
        assertThat(Validators.creditCode(body + "0")).isEmpty();
    }

    @Test
    void toleratesSpacesLowercaseAndFullWidth() {
        assertThat(Validators.creditCode(" 9144 0300 7084 6113 6t ")).isEmpty();
        assertThat(Validators.creditCode("９１３５０１００Ｍ０００１００Ｙ４３")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void blank(String blank) {
        assertThat(problems(Validators.creditCode(blank))).containsExactly("请填写统一社会信用代码");
    }

    @Test
    void wrongCheckCharacterNamesPosition18AndTheRightOne() {
        List<String> found = problems(Validators.creditCode("91350100M000100Y44"));
        assertThat(found).singleElement().asString().contains("第18位").contains("应为3");
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'Z', 'S', 'V'})
    void forbiddenLettersAreNamedWithPosition(char letter) {
        String code = "91350100M" + letter + "00100Y43";
        List<String> found = problems(Validators.creditCode(code));
        assertThat(found).singleElement().asString().contains("第10位").contains("“" + letter + "”")
                .contains("I、O、Z、S、V");
    }

    @Test
    void lowercaseForbiddenLetterIsStillForbidden() {
        assertThat(problems(Validators.creditCode("91350100Mo00100Y43"))).singleElement().asString().contains("“O”");
    }

    @Test
    void otherIllegalCharacters() {
        List<String> found = problems(Validators.creditCode("91350100M-00100Y4。"));
        assertThat(found).singleElement().asString().contains("第10、18位").contains("“-”").contains("“。”");
    }

    @ParameterizedTest
    @CsvSource({"91350100M000100Y4,17", "91350100M000100Y431,19", "9135,4"})
    void wrongLength(String code, String length) {
        assertThat(problems(Validators.creditCode(code)))
                .singleElement().asString().contains("18位").contains("当前为" + length + "位");
    }

    @Test
    void wrongLengthAndForbiddenLetterTogether() {
        List<String> found = problems(Validators.creditCode("9I350100M000100Y4"));
        assertThat(found).hasSize(2);
        assertThat(found.get(0)).contains("当前为17位");
        assertThat(found.get(1)).contains("第2位").contains("“I”");
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', 'B', 'C', 'H', 'X'})
    void unknownRegistrationAuthority(char authority) {
        String code = withCreditCheck(authority + "1350100M000100Y4");
        assertThat(problems(Validators.creditCode(code)))
                .singleElement().asString().contains("第1位").contains("“" + authority + "”");
    }

    @ParameterizedTest
    @CsvSource({"9,4,1、2、3", "9,9,1、2、3", "1,4,1、2、3、9", "5,4,1、2、3、9", "Y,2,1", "8,2,1、9"})
    void typeNotAllowedForTheAuthority(char authority, char type, String allowed) {
        String code = withCreditCheck("" + authority + type + "350100M000100Y4");
        assertThat(problems(Validators.creditCode(code)))
                .singleElement().asString().contains("第2位").contains("“" + type + "”").contains("应为" + allowed);
    }

    @Test
    void lettersInTheDivisionPart() {
        List<String> found = problems(Validators.creditCode(withCreditCheck("91350A00M000100Y4")));
        assertThat(found).singleElement().asString().contains("第3至8位").contains("第6位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"990100", "000000", "200000"})
    void divisionWithoutAProvince(String division) {
        String code = withCreditCheck("91" + division + "M000100Y4");
        assertThat(problems(Validators.creditCode(code))).singleElement().asString().contains("“" + division + "”");
    }

    @Test
    void nationalLevelDivisionIsAccepted() {
        assertThat(Validators.creditCode(withCreditCheck("11100000000013127"))).isEmpty();
    }

    @Test
    void manyProblemsAtOnce() {
        // bad authority, letter in the division, wrong length
        List<String> found = problems(Validators.creditCode("B13501A0M000100Y4"));
        assertThat(found).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y", "91350100M000100Y43", "91350100MO00100Y4", ""})
    void checkFunctionRejectsBadInput(String bad) {
        assertThatThrownBy(() -> Validators.creditCodeCheckChar(bad)).isInstanceOf(IllegalArgumentException.class);
    }
}
