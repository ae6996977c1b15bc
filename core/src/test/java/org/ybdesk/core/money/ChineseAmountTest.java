package org.ybdesk.core.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChineseAmountTest {
    private static String of(String yuan) {
        return ChineseAmount.of(Money.parseYuan(yuan).orElseThrow());
    }

    @Test
    void capitalNumeralsAsFormsPrintThem() {
        assertThat(of("0")).isEqualTo("零元整");
        assertThat(of("1234.50")).isEqualTo("壹仟贰佰叁拾肆元伍角整");
        assertThat(of("3521.40")).isEqualTo("叁仟伍佰贰拾壹元肆角整");
        assertThat(of("100.07")).isEqualTo("壹佰元零柒分");
        assertThat(of("0.05")).isEqualTo("伍分");
        assertThat(of("1005")).isEqualTo("壹仟零伍元整");
        assertThat(of("10000")).isEqualTo("壹万元整");
        assertThat(of("10005")).isEqualTo("壹万零伍元整");
        assertThat(of("120300")).isEqualTo("壹拾贰万零叁佰元整");
        assertThat(of("100000000")).isEqualTo("壹亿元整");
        assertThat(of("20.30")).isEqualTo("贰拾元叁角整");
    }
}
