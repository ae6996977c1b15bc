package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unified social credit codes whose first character is A (中央军委改革和编制办公室), N (农业: 农村集体经济组织) or Y
 * (其他) are real (GB 32100-2015 appendix A): these are valid codes, so nobody "fixes" the rule that accepts them.
 * The check characters were computed outside this code base (MOD 31, weights 3^i mod 31) for registration-office
 * divisions that exist (110108 北京市海淀区, 230102 哈尔滨市道里区, 330110 杭州市余杭区, 370116 济南市莱芜区,
 * 440306 深圳市宝安区, 110105 北京市朝阳区, 371202 the former 莱芜市莱城区).
 */
class CreditCodeSecondCharacterTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "A1110108MB0212345B", // A1 军队事业单位
        "A9230102MB1234560W", // A9 其他
        "N1330110MF2345671C", // N1 组级集体经济组织
        "N2230102MF0001234E", // N2 村级集体经济组织
        "N3370116MF11223341", // N3 乡镇级集体经济组织
        "N9440306MF00987659", // N9 其他（农民专业合作社联合社等）
        "Y1110105MC1234561J", // Y1 其他
        "Y1230102MD0000017R",
        "N2371202MF00000106"})
    void codesOfAuthoritiesANAndYAreValid(String code) {
        assertThat(Validators.creditCode(code)).isEmpty();
        assertThat(Validators.creditCodeCheckChar(code.substring(0, 17))).isEqualTo(code.charAt(17));
    }

    @ParameterizedTest
    @CsvSource({"A2110108MB0212345,19", "N4330110MF2345671,1239", "Y2110105MC1234561,1"})
    void typesTheAuthorityDoesNotHaveAreStillRefused(String first17, String allowed) {
        String code = first17 + Validators.creditCodeCheckChar(first17);
        assertThat(Validators.creditCode(code)).singleElement().asString().contains("第2位")
                .contains(String.join("、", allowed.chars().mapToObj(c -> String.valueOf((char) c)).toList()));
    }
}
