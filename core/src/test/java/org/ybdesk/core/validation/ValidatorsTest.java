package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;

class ValidatorsTest {
    /** All date-dependent checks run against this fixed day. */
    static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    /** The textbook example of GB 11643-1999. */
    static final String TEXTBOOK_ID = "11010519491231002X";

    /** Asserts there are problems, each a non-blank Chinese sentence; returns them for further checks. */
    static List<String> problems(List<String> found) {
        assertThat(found).isNotEmpty();
        assertThat(found).allSatisfy(p -> {
            assertThat(p).isNotBlank();
            assertThat(p).containsPattern("\\p{IsHan}");
            assertThat(p).doesNotContain("{").doesNotContain("}");
        });
        return found;
    }

    static String withIdCheck(String first17) {
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String withCreditCheck(String first17) {
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    // ================================================================ 居民身份证

    @Nested
    class ResidentId {
        @Test
        void textbookNumberIsValid() {
            assertThat(Validators.residentId(TEXTBOOK_ID, TODAY)).isEmpty();
        }

        @Test
        void checkCharacterOfTheTextbookNumberIsXByHand() {
            // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2 -> 'X'
            assertThat(Validators.residentIdCheckChar("11010519491231002")).isEqualTo('X');
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "44030419900307123X", "230102198506153010", "510107202405310038",
            "370202190001010014", "650102199912319998"})
        void independentlyComputedSamplesAreValid(String id) {
            assertThat(Validators.residentId(id, TODAY)).isEmpty();
            assertThat(Validators.residentIdCheckChar(id.substring(0, 17))).isEqualTo(id.charAt(17));
        }

        @ParameterizedTest
        @ValueSource(strings = {"11010519491231002", "32058219781102561", "62010220010910007", "15010219600229004"})
        void samplesMadeWithTheCheckFunctionAreValid(String first17) {
            assertThat(Validators.residentId(withIdCheck(first17), TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {" 11010519491231002x ", "1101 0519 4912 3100 2X", "１１０１０５１９４９１２３１００２ｘ", "\u300011010519491231002X\t"})
        void whitespaceLowercaseAndFullWidthAreTolerated(String typed) {
            assertThat(Validators.residentId(typed, TODAY)).isEmpty();
            assertThat(Validators.normalizeId(typed)).isEqualTo(TEXTBOOK_ID);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   ", "\u3000"})
        void blankAsksToFillIn(String blank) {
            assertThat(problems(Validators.residentId(blank, TODAY)))
                    .containsExactly("请填写居民身份证号码");
        }

        @Test
        void wrongCheckDigitNamesPosition18AndTheRightCharacter() {
            List<String> found = problems(Validators.residentId("110105194912310021", TODAY));
            assertThat(found).hasSize(1);
            assertThat(found.get(0)).contains("校验位").contains("第18位").contains("应为X");
        }

        @Test
        void wrongCheckDigitWithTheRightDigitComputed() {
            List<String> found = problems(Validators.residentId("44030419900307123" + "5", TODAY));
            assertThat(found).singleElement().asString().contains("第18位").contains("应为X");
            List<String> other = problems(Validators.residentId("23010219850615301X", TODAY));
            assertThat(other).singleElement().asString().contains("应为0");
        }

        @ParameterizedTest
        @CsvSource({"11010519491231002,17", "11010519491231002X1,19", "1101051949,10"})
        void wrongLengthIsReportedOnceWithoutFollowUps(String id, String length) {
            List<String> found = problems(Validators.residentId(id, TODAY));
            assertThat(found).singleElement().asString().contains("18位").contains("当前为" + length + "位");
        }

        @Test
        void letterInTheMiddleNamesPositionAndCharacter() {
            List<String> found = problems(Validators.residentId("1101A519491231002X", TODAY));
            assertThat(found).singleElement().asString().contains("第5位").contains("“A”");
        }

        @Test
        void severalIllegalCharactersAreListedTogether() {
            List<String> found = problems(Validators.residentId("11O1O519491231002X", TODAY));
            assertThat(found).singleElement().asString().contains("第3、5位").contains("“O”");
        }

        @Test
        void garbageListsAllPositionsButOnlyFiveCharacters() {
            List<String> found = problems(Validators.residentId("ABCDEFGHJKLMNPQRTU", TODAY));
            assertThat(found).singleElement().asString()
                    .contains("第1、2、3、4、5、6、7、8、9、10、11、12、13、14、15、16、17、18位")
                    .contains("“A”、“B”、“C”、“D”、“E”等");
        }

        @Test
        void xOnlyAllowedAsCheckCharacter() {
            List<String> found = problems(Validators.residentId("1101051949123100X2", TODAY));
            assertThat(found).singleElement().asString().contains("第17位").contains("“X”");
        }

        @Test
        void wrongLengthAndIllegalCharactersAreReportedTogether() {
            List<String> found = problems(Validators.residentId("1101A51949123100", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("18位").contains("当前为16位");
            assertThat(found.get(1)).contains("第5位").contains("“A”");
        }

        @Test
        void missingDigitWithCheckXAtTheEndIsNotAlsoAnIllegalX() {
            // 17 characters ending in X: one digit is missing; the X is fine where it is.
            assertThat(problems(Validators.residentId("1101051949123102X", TODAY))).hasSize(1);
        }

        @Test
        void impossibleDateIsReportedWithItsPositions() {
            String id = withIdCheck("11010519990230002");
            List<String> found = problems(Validators.residentId(id, TODAY));
            assertThat(found).singleElement().asString()
                    .contains("19990230").contains("不是有效日期").contains("第7至14位");
        }

        @ParameterizedTest
        @ValueSource(strings = {"19991301", "19990000", "19990431", "19000229", "20230229"})
        void otherImpossibleDates(String date) {
            String id = withIdCheck("110105" + date + "002");
            assertThat(problems(Validators.residentId(id, TODAY))).singleElement().asString().contains(date);
        }

        @Test
        void leapDayIsAccepted() {
            assertThat(Validators.residentId(withIdCheck("11010520000229002"), TODAY)).isEmpty();
            assertThat(Validators.residentId(withIdCheck("11010520240229002"), TODAY)).isEmpty();
        }

        @Test
        void futureBirthDateIsRejectedButTodayIsFine() {
            List<String> found = problems(Validators.residentId(withIdCheck("11010520250602002"), TODAY));
            assertThat(found).singleElement().asString().contains("2025年06月02日").contains("晚于今天");
            assertThat(Validators.residentId(withIdCheck("11010520250601002"), TODAY)).isEmpty();
        }

        /** D96: real people born before 1900 have numbers; the clerk confirms, nothing is refused. */
        @Test
        void birthBefore1900IsAWarningNotARefusal() {
            String early = withIdCheck("11010518991231002");
            assertThat(Validators.residentId(early, TODAY)).isEmpty();
            assertThat(problems(Validators.idNumberWarnings(IdType.RESIDENT_ID, early, TODAY))).singleElement()
                    .asString().contains("1899年12月31日").contains("早于1900年").contains("第7至14位").contains("确认");
            assertThat(Validators.idFacts(early, TODAY)).get().extracting(IdFacts::birthDate)
                    .isEqualTo(LocalDate.of(1899, 12, 31));
            String first = withIdCheck("11010519000101002");
            assertThat(Validators.residentId(first, TODAY)).isEmpty();
            assertThat(Validators.idNumberWarnings(IdType.RESIDENT_ID, first, TODAY)).isEmpty();
            String permit = withIdCheck("81000018880101002");
            assertThat(Validators.residencePermit(permit, TODAY)).isEmpty();
            assertThat(Validators.idNumberWarnings(IdType.HMT_RESIDENCE_PERMIT, permit, TODAY)).hasSize(1);
            // a broken number is refused, and its birth date is not warned about on top
            String broken = "110105189912310021";
            assertThat(Validators.residentId(broken, TODAY)).isNotEmpty();
            assertThat(Validators.idNumberWarnings(IdType.RESIDENT_ID, broken, TODAY)).isEmpty();
        }

        @Test
        void typedBirthDates() {
            assertThat(problems(Validators.birthDate("出生日期", LocalDate.of(2025, 6, 2), TODAY))).singleElement()
                    .asString().isEqualTo("出生日期2025年6月2日晚于今天，请核对");
            assertThat(Validators.birthDate("出生日期", TODAY, TODAY)).isEmpty();
            assertThat(Validators.birthDate("出生日期", LocalDate.of(1890, 1, 1), TODAY)).isEmpty();
            assertThat(problems(Validators.birthDateWarnings("出生日期", LocalDate.of(1899, 12, 31))))
                    .singleElement().asString().contains("1899年12月31日早于1900年");
            assertThat(Validators.birthDateWarnings("出生日期", LocalDate.of(1900, 1, 1))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"99", "00", "20", "16", "47", "71", "10"})
        void badProvinceIsReported(String province) {
            String id = withIdCheck(province + "010519491231002");
            List<String> found = problems(Validators.residentId(id, TODAY));
            assertThat(found).singleElement().asString().contains("“" + province + "”").contains("省级");
        }

        @Test
        void badProvinceImpossibleDateAndWrongCheckAreAllReported() {
            List<String> found = problems(Validators.residentId("990105199902300021", TODAY));
            assertThat(found).hasSize(3);
            assertThat(found.get(0)).contains("“99”");
            assertThat(found.get(1)).contains("19990230");
            assertThat(found.get(2)).contains("第18位");
        }

        @Test
        void fifteenDigitOldNumberIsNoLongerAccepted() {
            assertThat(problems(Validators.residentId("110105491231002", TODAY)))
                    .containsExactly("15位旧身份证号码已停用，请使用18位居民身份证号码");
        }

        @ParameterizedTest
        @ValueSource(strings = {"810000199501010015", "820000200002290021", "830000198808080033"})
        void permitNumberGetsAHintToChangeTheType(String permit) {
            List<String> found = problems(Validators.residentId(permit, TODAY));
            assertThat(found).singleElement().asString().contains("港澳台居民居住证").contains("改选");
        }

        @Test
        void newForeignerNumberGetsAHintToChangeTheType() {
            List<String> found = problems(Validators.residentId("911840198506151508", TODAY));
            assertThat(found).singleElement().asString().contains("外国人永久居留身份证").contains("改选");
        }

        @Test
        void defaultTodayIsUsedWithoutInjection() {
            assertThat(Validators.residentId(TEXTBOOK_ID, TODAY)).isEmpty();
            assertThat(Validators.residentId(withIdCheck("11010530000101002"), TODAY)).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1101051949123100", "110105194912310021", "1101051949123100A", ""})
        void checkCharFunctionRejectsAnythingButSeventeenDigits(String bad) {
            assertThatThrownBy(() -> Validators.residentIdCheckChar(bad)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void checkCharFunctionRejectsNull() {
            assertThatThrownBy(() -> Validators.residentIdCheckChar(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    // ================================================================ 港澳台居民居住证

    @Nested
    class ResidencePermit {
        @ParameterizedTest
        @ValueSource(strings = {"810000199501010015", "820000200002290021", "830000198808080033"})
        void validPermitsOfHongKongMacaoAndTaiwan(String permit) {
            assertThat(Validators.residencePermit(permit, TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"81000019700101002", "82000019991231001", "83000020100615998"})
        void computedPermitsAreValid(String first17) {
            assertThat(Validators.residencePermit(withIdCheck(first17), TODAY)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"810100", "840000", "710000", "800000", "830001"})
        void otherPrefixesAreRejectedNamingPositions1To6(String prefix) {
            String id = withIdCheck(prefix + "19950101001");
            List<String> found = problems(Validators.residencePermit(id, TODAY));
            assertThat(found).singleElement().asString()
                    .contains("810000").contains("820000").contains("830000").contains("第1至6位");
        }

        @Test
        void mainlandNumberGetsAHintToChangeTheType() {
            List<String> found = problems(Validators.residencePermit(TEXTBOOK_ID, TODAY));
            assertThat(found).singleElement().asString().contains("居民身份证").contains("改选");
        }

        @Test
        void wrongCheckDigit() {
            List<String> found = problems(Validators.residencePermit("810000199501010016", TODAY));
            assertThat(found).singleElement().asString().contains("港澳台居民居住证").contains("应为5");
        }

        @Test
        void impossibleDateAndWrongCheckTogether() {
            List<String> found = problems(Validators.residencePermit("820000199902300021", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("19990230");
            assertThat(found.get(1)).contains("第18位");
        }

        @Test
        void wrongLengthAndBlank() {
            assertThat(problems(Validators.residencePermit("81000019950101001", TODAY)))
                    .singleElement().asString().contains("18位").contains("当前为17位");
            assertThat(problems(Validators.residencePermit(" ", TODAY))).containsExactly("请填写港澳台居民居住证号码");
        }
    }

    // ================================================================ 外国人永久居留身份证

    @Nested
    class ForeignerPermanentId {
        @Test
        void newFormatHandComputedSampleIsValid() {
            // 9 | 11 Beijing | 840 USA | 1985-06-15 | 150 | check 8
            assertThat(Validators.foreignerPermanentId("911840198506151508", TODAY)).isEmpty();
            assertThat(Validators.residentIdCheckChar("91184019850615150")).isEqualTo('8');
        }

        @ParameterizedTest
        @ValueSource(strings = {"93115620000229002", "94439220101010001", "96582619660606123"})
        void newFormatComputedSamplesAreValid(String first17) {
            assertThat(Validators.foreignerPermanentId(withIdCheck(first17), TODAY)).isEmpty();
        }

        @Test
        void newFormatWrongCheckDigit() {
            List<String> found = problems(Validators.foreignerPermanentId("911840198506151509", TODAY));
            assertThat(found).singleElement().asString().contains("第18位").contains("应为8");
        }

        @Test
        void newFormatBadAcceptingProvince() {
            List<String> found = problems(Validators.foreignerPermanentId(withIdCheck("99984019850615150"), TODAY));
            assertThat(found).singleElement().asString().contains("“99”").contains("第2至3位");
        }

        @Test
        void newFormatMustStartWith9() {
            List<String> found = problems(Validators.foreignerPermanentId(withIdCheck("71184019850615150"), TODAY));
            assertThat(found).singleElement().asString().contains("以9开头");
        }

        @Test
        void residentNumberGetsAHintToChangeTheType() {
            assertThat(problems(Validators.foreignerPermanentId(TEXTBOOK_ID, TODAY)))
                    .singleElement().asString().contains("居民身份证").contains("改选");
        }

        @Test
        void newFormatFutureBirthAndWrongCheckTogether() {
            List<String> found = problems(Validators.foreignerPermanentId("911840209901011500", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("晚于今天");
            assertThat(found.get(1)).contains("第18位");
        }

        @ParameterizedTest
        @ValueSource(strings = {"USA110085061501", "CAN310012311202", "deu440099123100"})
        void oldFormatStructureIsAccepted(String id) {
            assertThat(Validators.foreignerPermanentId(id, TODAY)).isEmpty();
        }

        @Test
        void oldFormatNeedsThreeLetters() {
            List<String> found = problems(Validators.foreignerPermanentId("US1110085061501", TODAY));
            assertThat(found).singleElement().asString().contains("第3位").contains("英文字母");
        }

        @Test
        void oldFormatNeedsTwelveDigitsAndAProvince() {
            List<String> found = problems(Validators.foreignerPermanentId("USA99008506150A", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("第15位").contains("“A”");
            assertThat(found.get(1)).contains("“99”").contains("第4至5位");
        }

        @Test
        void wrongLengthNamesBothEditionsAndStillListsBadCharacters() {
            List<String> found = problems(Validators.foreignerPermanentId("U5A1100850615", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("18位").contains("15位").contains("当前为13位");
            assertThat(found.get(1)).contains("第2位");
        }

        @Test
        void blank() {
            assertThat(problems(Validators.foreignerPermanentId(null, TODAY)))
                    .containsExactly("请填写外国人永久居留身份证号码");
        }
    }

    // ================================================================ dispatch, passes, passports

    @Nested
    class IdNumberDispatch {
        @Test
        void missingTypeIsOneProblem() {
            assertThat(problems(Validators.idNumber(null, TEXTBOOK_ID, TODAY))).containsExactly("请选择证件类型");
        }

        @Test
        void eachTypeUsesItsOwnRules() {
            assertThat(Validators.idNumber(IdType.RESIDENT_ID, TEXTBOOK_ID, TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.HMT_RESIDENCE_PERMIT, "830000198808080033", TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.FOREIGNER_PERMANENT_RESIDENCE, "911840198506151508", TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.HK_MACAO_PASS, "H12345678", TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.TAIWAN_PASS, "12345678", TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.PASSPORT, "E12345678", TODAY)).isEmpty();
            assertThat(Validators.idNumber(IdType.PASSPORT, "E12345678", TODAY)).isEmpty();
            assertThat(problems(Validators.idNumber(IdType.TAIWAN_PASS, TEXTBOOK_ID, TODAY))).isNotEmpty();
        }

        @ParameterizedTest
        @EnumSource(IdType.class)
        void blankNamesTheDocumentType(IdType type) {
            assertThat(problems(Validators.idNumber(type, "  ", TODAY)))
                    .containsExactly("请填写" + type.label() + "号码");
        }

        @ParameterizedTest
        @ValueSource(strings = {"H12345678", "M87654321", "h12345678", "H1234567801", "M 1234 5678"})
        void hkMacaoPassValid(String pass) {
            assertThat(Validators.idNumber(IdType.HK_MACAO_PASS, pass, TODAY)).isEmpty();
        }

        @Test
        void hkMacaoPassWithoutLetterIsOneProblem() {
            assertThat(problems(Validators.idNumber(IdType.HK_MACAO_PASS, "12345678", TODAY)))
                    .singleElement().asString().contains("H").contains("M").contains("第1位");
        }

        @Test
        void hkMacaoPassWrongLetterAndLengthTogether() {
            List<String> found = problems(Validators.idNumber(IdType.HK_MACAO_PASS, "X1234567", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(1)).contains("8位").contains("7位");
        }

        @Test
        void hkMacaoPassLetterAmongDigits() {
            assertThat(problems(Validators.idNumber(IdType.HK_MACAO_PASS, "H1234A678", TODAY)))
                    .singleElement().asString().contains("第6位").contains("“A”");
        }

        @ParameterizedTest
        @CsvSource({"1234567,1", "123456789,1", "T1234567,1", "T123456,2"})
        void taiwanPassProblems(String pass, int count) {
            assertThat(problems(Validators.idNumber(IdType.TAIWAN_PASS, pass, TODAY))).hasSize(count);
        }

        @ParameterizedTest
        @ValueSource(strings = {"E12345678", "EA1234567", "G1234", "X1234567890123456"})
        void passportValid(String passport) {
            assertThat(Validators.idNumber(IdType.PASSPORT, passport, TODAY)).isEmpty();
        }

        @Test
        void passportProblemsTogether() {
            List<String> found = problems(Validators.idNumber(IdType.PASSPORT, "E1-2", TODAY));
            assertThat(found).hasSize(2);
            assertThat(found.get(0)).contains("第3位").contains("“-”");
            assertThat(found.get(1)).contains("5至17位").contains("当前为4位");
            assertThat(problems(Validators.idNumber(IdType.PASSPORT, "E123456789012345678", TODAY)))
                    .singleElement().asString().contains("当前为19位");
        }
    }

    // ================================================================ facts

    @Nested
    class Facts {
        @Test
        void textbookNumber() {
            assertThat(Validators.idFacts(TEXTBOOK_ID, TODAY))
                    .contains(new IdFacts(LocalDate.of(1949, 12, 31), Gender.FEMALE, "110105"));
        }

        @Test
        void maleFromOddSeventeenthDigit() {
            assertThat(Validators.idFacts("230102198506153010", TODAY))
                    .contains(new IdFacts(LocalDate.of(1985, 6, 15), Gender.MALE, "230102"));
        }

        @Test
        void permitAndForeigner() {
            assertThat(Validators.idFacts("810000199501010015", TODAY))
                    .contains(new IdFacts(LocalDate.of(1995, 1, 1), Gender.MALE, "810000"));
            assertThat(Validators.idFacts(" 911840198506151508 ", TODAY))
                    .contains(new IdFacts(LocalDate.of(1985, 6, 15), Gender.FEMALE, "110000"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"110105194912310021", "110105491231002", "USA110085061501", "E12345678",
            "11010530000101002X", "1101051949123100"})
        void emptyWhenNotAValidNumberOfThoseKinds(String id) {
            assertThat(Validators.idFacts(id, TODAY)).isEmpty();
        }

        @Test
        void defaultToday() {
            assertThat(Validators.idFacts(TEXTBOOK_ID, TODAY)).isPresent();
        }
    }

    @Nested
    class Normalization {
        @Test
        void normalizeId() {
            assertThat(Validators.normalizeId(" 1101 0519 4912 3100 2x ")).isEqualTo(TEXTBOOK_ID);
            assertThat(Validators.normalizeId("ｈ１２３４５６７８")).isEqualTo("H12345678");
            assertThat(Validators.normalizeId(null)).isEmpty();
            assertThat(Validators.normalizeId("\u3000\t")).isEmpty();
        }
    }
}
