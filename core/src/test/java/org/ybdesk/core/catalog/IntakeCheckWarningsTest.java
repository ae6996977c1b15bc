package org.ybdesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.validation.Validators;

/** Intake values that are possible but unusual give warnings the clerk confirms, not problems (D94–D96). */
class IntakeCheckWarningsTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    static final Catalog CATALOG = Catalog.loadDefault();

    static String id(String first17) {
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String luhnCard() {
        String payload = "621700001000123456";
        return payload + Validators.luhnCheckDigit(payload);
    }

    static String nonLuhnCard() {
        String card = luhnCard();
        char last = card.charAt(card.length() - 1);
        return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static Map<String, String> item3(String idNumber, String birth) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("name", "王百岁");
        v.put("idType", "居民身份证");
        v.put("idNumber", idNumber);
        v.put("birthDate", birth);
        v.put("phone", "13800138000");
        v.put("householdAddress", "黑龙江省哈尔滨市道里区经纬街1号");
        v.put("applicantIdentity", "本人");
        return v;
    }

    @Test
    void birthBefore1900InTheNumberAndTheDateFieldIsAWarning() {
        IntakeCheck.Result r = IntakeCheck.check(CATALOG.item(3), item3(id("23010218990301002"), "1899-03-01"),
                Set.of(), TODAY);
        assertThat(r.problems()).isEmpty();
        assertThat(r.ok()).isTrue();
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).startsWith("「证件类型及号码·证件号码」：").contains("1899年03月01日早于1900年");
        assertThat(r.warnings().get(1)).isEqualTo("出生日期1899年3月1日早于1900年，请对照证件核对；核对无误可确认后继续");
        assertThat(r.values()).containsEntry("birthDate", "1899-03-01");
    }

    @Test
    void aFutureBirthDateStaysARefusal() {
        IntakeCheck.Result r = IntakeCheck.check(CATALOG.item(3), item3(id("23010219800301002"), "2026-12-08"),
                Set.of(), TODAY);
        assertThat(r.problems()).containsExactly("出生日期2026年12月8日晚于今天，请核对");
        assertThat(r.warnings()).isEmpty();
        assertThat(IntakeCheck.check(CATALOG.item(3), item3(id("23010219800301002"), "2026-12-07"), Set.of(), TODAY)
                .problems()).isEmpty();
    }

    @Test
    void bankCardFailingLuhnIsAWarning() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("bankAccountNumber", nonLuhnCard());
        IntakeCheck.Result r = IntakeCheck.check(CATALOG.item(9), v, Set.of(), TODAY);
        assertThat(r.problems()).noneMatch(p -> p.contains("账号」："));
        assertThat(r.warnings()).singleElement().asString().contains("账号」：银行卡号未通过校验位检查")
                .contains("确认");
        v.put("bankAccountNumber", luhnCard());
        assertThat(IntakeCheck.check(CATALOG.item(9), v, Set.of(), TODAY).warnings()).isEmpty();
        v.put("bankAccountNumber", "6217000010001234567890");
        IntakeCheck.Result tooLong = IntakeCheck.check(CATALOG.item(9), v, Set.of(), TODAY);
        assertThat(tooLong.problems()).anyMatch(p -> p.contains("12至19位"));
        assertThat(tooLong.warnings()).isEmpty();
    }

    @Test
    void unknownAndAbolishedDivisionsAreWarnings() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("transferOutDivisionCode", "371200");
        v.put("transferInDivisionCode", "239999");
        IntakeCheck.Result r = IntakeCheck.check(CATALOG.item(10), v, Set.of(), TODAY);
        assertThat(r.problems()).noneMatch(p -> p.contains("区划"));
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("371200（山东省莱芜市）已撤销（2019年），现为 370100 山东省济南市");
        assertThat(r.warnings().get(1)).contains("“239999”不在本机的区划代码表");
        v.put("transferOutDivisionCode", "230102");
        v.put("transferInDivisionCode", "239900");
        assertThat(IntakeCheck.check(CATALOG.item(10), v, Set.of(), TODAY).warnings()).isEmpty();
    }
}
