package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.core.validation.ValidatorsTest.problems;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactAndPlaceTest {

    @Nested
    class Mobile {
        @ParameterizedTest
        @ValueSource(strings = {"13800138000", " 13800138000 ", "+86 138-0013-8000", "+8613800138000", "8613800138000",
            "0086 13800138000", "(+86)13800138000", "138 0013 8000", "１３８００１３８０００", "19912345678", "14700000000"})
        void valid(String phone) {
            assertThat(Validators.mobilePhone(phone)).isEmpty();
            assertThat(Validators.normalizeMobile(phone)).get().asString().hasSize(11).startsWith("1");
        }

        @Test
        void normalizedForm() {
            assertThat(Validators.normalizeMobile("+86 138-0013-8000")).contains("13800138000");
            assertThat(Validators.normalizeMobile("1380013800")).isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" "})
        void blank(String blank) {
            assertThat(problems(Validators.mobilePhone(blank))).containsExactly("请填写手机号码");
        }

        @ParameterizedTest
        @CsvSource({"1380013800,10", "138001380001,12"})
        void wrongLength(String phone, String length) {
            assertThat(problems(Validators.mobilePhone(phone)))
                    .singleElement().asString().contains("11位数字").contains("以1开头").contains("当前为" + length + "位");
        }

        @ParameterizedTest
        @ValueSource(strings = {"10012345678", "11012345678", "12012345678"})
        void secondDigitMustBe3To9(String phone) {
            assertThat(problems(Validators.mobilePhone(phone))).singleElement().asString().contains("第2位");
        }

        @Test
        void firstDigitMustBe1() {
            assertThat(problems(Validators.mobilePhone("23800138000"))).singleElement().asString().contains("以1开头");
        }

        @Test
        void letterReplacingADigitIsOneProblem() {
            assertThat(problems(Validators.mobilePhone("1380013800O"))).singleElement().asString().contains("“O”");
        }

        @Test
        void severalProblemsAtOnce() {
            List<String> found = problems(Validators.mobilePhone("2280013a"));
            assertThat(found).hasSize(3);
            assertThat(found.get(0)).contains("当前为8位");
            assertThat(found.get(1)).contains("“a”");
            assertThat(found.get(2)).contains("以1开头");
        }
    }

    @Nested
    class LandlineOrMobile {
        @ParameterizedTest
        @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "0451-12345678", "045112345678", "(0451)12345678",
            "（0451）87654321", "0451 8765 4321", "0451-8765-4321", "010-12345678", "01012345678", "020-1234567",
            "02887654321", "0451-12345678转801", "0451-12345678-801", "0451-12345678 ext 801", "0451-12345678#8",
            "+86 451 12345678", "+86-10-12345678", "０４５１－１２３４５６７８", "0755-2345678"})
        void valid(String phone) {
            assertThat(Validators.landlineOrMobile(phone)).isEmpty();
        }

        @ParameterizedTest
        @NullAndEmptySource
        void blank(String blank) {
            assertThat(problems(Validators.landlineOrMobile(blank))).containsExactly("请填写联系电话");
        }

        @Test
        void mobileLookingNumbersGetMobileProblems() {
            assertThat(problems(Validators.landlineOrMobile("1380013800"))).singleElement().asString().contains("手机号码");
        }

        @ParameterizedTest
        @ValueSource(strings = {"045-12345678", "011-12345678", "0123-1234567"})
        void badAreaCode(String phone) {
            assertThat(problems(Validators.landlineOrMobile(phone))).singleElement().asString().contains("区号");
        }

        @ParameterizedTest
        @CsvSource({"0451-123456,6", "0451-123456789,9", "010123456,6"})
        void badLocalLength(String phone, String length) {
            assertThat(problems(Validators.landlineOrMobile(phone)))
                    .singleElement().asString().contains("7至8位").contains("当前为" + length + "位");
        }

        @Test
        void missingAreaCode() {
            assertThat(problems(Validators.landlineOrMobile("87654321")))
                    .singleElement().asString().contains("区号").contains("0451-12345678");
        }

        @Test
        void localNumberStartingWithZero() {
            assertThat(problems(Validators.landlineOrMobile("0451-04512345"))).singleElement().asString().contains("0开头");
        }

        @Test
        void neitherMobileNorLandline() {
            assertThat(problems(Validators.landlineOrMobile("2345"))).singleElement().asString().contains("手机号码")
                    .contains("固定电话");
        }

        @Test
        void illegalCharactersAndBadAreaCodeTogether() {
            List<String> found = problems(Validators.landlineOrMobile("045-1234567b"));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("“b”");
            assertThat(found.get(1)).contains("区号“045”");
        }

        @Test
        void illegalCharactersAndShortLocalNumberTogether() {
            List<String> found = problems(Validators.landlineOrMobile("0451-123 45b"));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("“b”");
            assertThat(found.get(1)).contains("当前为5位");
        }

        @Test
        void beijingFromAbroadIsALandlineNotAMobile() {
            assertThat(Validators.landlineOrMobile("+86 10 1234 5678")).isEmpty();
            assertThat(Validators.landlineOrMobile("0086-10-12345678")).isEmpty();
            assertThat(Validators.landlineOrMobile("+86 13800138000")).isEmpty();
        }

        @Test
        void lettersOnly() {
            assertThat(problems(Validators.landlineOrMobile("abc"))).hasSize(2);
        }
    }

    @Nested
    class Bank {
        @ParameterizedTest
        @ValueSource(strings = {"6228480402564890018", "6228 4804 0256 4890 018", "4111111111111111",
            "5555-5555-5555-4444", "123456789012", "1234567890123456"})
        void validPersonalCards(String card) {
            assertThat(Validators.bankCard(card)).isEmpty();
            assertThat(Validators.bankAccount(card, false)).isEmpty();
        }

        /** D94: a Luhn failure is a warning for every prefix (real debit cards fail it), never a refusal. */
        @ParameterizedTest
        @ValueSource(strings = {"6228480402564890017", "4111111111111112", "5555555555554440", "6222021234567891",
            "9559980210373015417", "3568891234567890", "1234567890123457", "9400121234567891"})
        void luhnFailureIsAWarningForEveryPrefix(String card) {
            assertThat(Validators.bankCard(card)).isEmpty();
            assertThat(Validators.bankAccount(card, false)).isEmpty();
            assertThat(problems(Validators.bankCardWarnings(card))).singleElement().asString()
                    .contains("逐位核对").contains("确认");
            assertThat(Validators.bankAccountWarnings(card, false)).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"6228480402564890018", "4111111111111111", "123456789012", "123456789012345"})
        void noWarningForLuhnValidCardsOrShortAccountNumbers(String card) {
            assertThat(Validators.bankCardWarnings(card)).isEmpty();
        }

        @Test
        void brokenNumbersAreRefusedNotWarned() {
            assertThat(Validators.bankCard("62284804025648900171234")).isNotEmpty();
            assertThat(Validators.bankCardWarnings("62284804025648900171234")).isEmpty();
            assertThat(Validators.bankCardWarnings("6228 48O4 O256 4890 017")).isEmpty();
            assertThat(Validators.bankAccountWarnings("6228480402564890017", true)).isEmpty();
        }

        @Test
        void luhnCheckDigitGeneratesValidCards() {
            assertThat(Validators.luhnCheckDigit("622848040256489001")).isEqualTo('8');
            assertThat(Validators.luhnCheckDigit("7992739871")).isEqualTo('3');
            String card = "621700001000123456";
            assertThat(Validators.bankCard(card + Validators.luhnCheckDigit(card))).isEmpty();
            assertThat(Validators.luhnValid("79927398713")).isTrue();
            assertThat(Validators.luhnValid("79927398710")).isFalse();
            assertThat(Validators.luhnValid("7992739871a")).isFalse();
            assertThat(Validators.luhnValid(null)).isFalse();
            assertThatThrownBy(() -> Validators.luhnCheckDigit("12a")).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @CsvSource({"12345678901,11", "12345678901234567890,20"})
        void wrongLength(String card, String length) {
            assertThat(problems(Validators.bankCard(card)))
                    .singleElement().asString().contains("12至19位").contains("当前为" + length + "位");
        }

        @Test
        void lettersAndLengthTogether() {
            List<String> found = problems(Validators.bankCard("6228 48O4 O2"));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("第7、9位").contains("“O”");
            assertThat(found.get(1)).contains("当前为10位");
        }

        @Test
        void blank() {
            assertThat(problems(Validators.bankCard(null))).containsExactly("请填写银行卡号");
            assertThat(problems(Validators.bankAccount(" ", true))).containsExactly("请填写银行账号");
        }

        @ParameterizedTest
        @ValueSource(strings = {"12345678", "1234 5678 9012 3456 7890 1234 5678 90", "6228480402564890017", "310066726018010012345"})
        void corporateAccountsHaveNoLuhn(String account) {
            assertThat(Validators.bankAccount(account, true)).isEmpty();
        }

        @Test
        void corporateAccountProblems() {
            assertThat(problems(Validators.bankAccount("1234567", true))).singleElement().asString().contains("8至30位");
            assertThat(problems(Validators.bankAccount("1234567890123456789012345678901", true)))
                    .singleElement().asString().contains("当前为31位");
            List<String> found = problems(Validators.bankAccount("12A4", true));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("第3位");
        }
    }

    @Nested
    class AdminDivision {
        @ParameterizedTest
        @ValueSource(strings = {"110105", "230100", "230000", "460000", "650102", " 440304 ", "810000", "710000"})
        void valid(String code) {
            assertThat(Validators.adminDivision(code)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"000000", "990000", "200101", "160000"})
        void noSuchProvince(String code) {
            assertThat(problems(Validators.adminDivision(code)))
                    .singleElement().asString().contains("“" + code.substring(0, 2) + "”");
        }

        @Test
        void lengthAndCharacters() {
            assertThat(problems(Validators.adminDivision("11010"))).singleElement().asString().contains("当前为5位");
            assertThat(problems(Validators.adminDivision("11010A"))).singleElement().asString().contains("第6位");
            List<String> found = problems(Validators.adminDivision("00A"));
            assertThat(found).hasSize(3);
            assertThat(problems(Validators.adminDivision(""))).containsExactly("请填写行政区划代码");
        }
    }

    @Nested
    class PostalCode {
        @ParameterizedTest
        @ValueSource(strings = {"150001", "100000", "010000", "830000", " 518000 "})
        void valid(String code) {
            assertThat(Validators.postalCode(code)).isEmpty();
        }

        @Test
        void mustNotStartWith9() {
            assertThat(problems(Validators.postalCode("999077"))).singleElement().asString().contains("0至8");
        }

        @Test
        void lengthCharactersAndFirstDigitTogether() {
            List<String> found = problems(Validators.postalCode("9A"));
            assertThat(found).hasSize(3);
            assertThat(found.get(0)).contains("第2位").contains("“A”");
            assertThat(found.get(1)).contains("当前为2位");
            assertThat(found.get(2)).contains("首位");
            assertThat(problems(Validators.postalCode(null))).containsExactly("请填写邮政编码");
        }
    }
}
