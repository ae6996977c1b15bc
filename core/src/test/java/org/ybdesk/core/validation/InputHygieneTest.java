package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.money.Money;

/** Input hygiene: invisible and control characters, lengths, strict dates, amounts paid. */
class InputHygieneTest {
    /** The tests' day: never today's date. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 16);


    @Test
    void theExampleMessageNamesFieldPositionAndCode() {
        assertThat(InputHygiene.line("姓名", "张三\u202E", 64))
                .containsExactly("姓名含有改变文字方向的不可见字符（第3个字符 U+202E），请删除后重新输入");
        assertThat(InputHygiene.line("姓名", "张\u0007三", 64))
                .containsExactly("姓名含有不可见的控制字符（第2个字符 U+0007），请删除后重新输入");
    }

    @Test
    void nulIsRefusedEvenWhereTrimWouldDropIt() {
        assertThat("\u0000".trim()).isEmpty(); // why trim() is not a cleaning step
        assertThat(InputHygiene.line("姓名", "\u0000", 64)).singleElement().asString()
                .contains("空字符").contains("U+0000");
        assertThat(InputHygiene.requiredLine("姓名", "\u0000", 64)).singleElement().asString().contains("空字符");
        assertThat(InputHygiene.line("姓名", "张三\u0000", 64)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0001", "\u001B[31m", "\u007F", "\u0085", "\u009B", "\t", "\n", "\r", "\u2028",
            "\u2029", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069",
            "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\uFFF9",
            "\uD800", "\uDC00", "\uFFFF", "\uFDD0"})
    void everyRefusedCharacterIsRefusedInsideASingleLine(String bad) {
        List<String> p = InputHygiene.line("单位名称", "某某" + bad + "公司", 200);
        assertThat(p).as(InputHygiene.visible(bad)).hasSize(1);
        assertThat(p.get(0)).startsWith("单位名称含有").contains("第3个字符").endsWith("请删除后重新输入");
        assertThat(InputHygiene.isCleanLine("某某" + bad + "公司")).isFalse();
    }

    @Test
    void tabsAndLineBreaksOnlyInMultiLineTexts() {
        assertThat(InputHygiene.lines("备注", "第一行\n第二行\r\n\t缩进", 2000)).isEmpty();
        assertThat(InputHygiene.line("备注", "第一行\n第二行", 2000)).hasSize(1);
        assertThat(InputHygiene.lines("备注", "第一行\u202E\u0000", 2000)).hasSize(2);
        // spaces and line breaks around a value are not inside it
        assertThat(InputHygiene.line("姓名", " 张三\n", 64)).isEmpty();
        assertThat(InputHygiene.tidy(" \u3000张三\r\n")).isEqualTo("张三");
        assertThat(InputHygiene.tidy("\u0000张三")).isEqualTo("\u0000张三");
        assertThat(InputHygiene.tidyOrNull("  ")).isNull();
    }

    @Test
    void rareChineseCharactersAndMiddleDotNamesAreWelcome() {
        assertThat(InputHygiene.line("姓名", "刘䶮", 64)).isEmpty(); // U+4DAE, Extension A
        assertThat(InputHygiene.line("姓名", "王\uD840\uDC00", 64)).isEmpty(); // U+20000, Extension B
        assertThat(InputHygiene.line("姓名", "\uD87E\uDC00明", 64)).isEmpty(); // U+2F800, compatibility supplement
        assertThat(InputHygiene.line("姓名", "阿卜杜·热合曼", 64)).isEmpty();
        assertThat(InputHygiene.line("姓名", "Zhang San-Li O'Neil", 64)).isEmpty();
        assertThat(InputHygiene.line("地址", "哈尔滨市道里区（经纬街）１２号３单元", 300)).isEmpty();
        assertThat(InputHygiene.requiredLine("姓名", "刘䶮", 64)).isEmpty();
    }

    @Test
    void positionsCountCharactersAsPeopleSeeThem() {
        // the Extension B character before the override counts as one character
        assertThat(InputHygiene.line("姓名", "\uD840\uDC00\u202E", 64)).singleElement().asString()
                .contains("第2个字符 U+202E");
        List<String> many = InputHygiene.line("姓名", "\u0001a\u0002b\u0003c\u0004d\u0005e\u0006f\u0007", 64);
        assertThat(many).singleElement().asString().contains("第1、3、5、7、9等个字符");
        List<String> kinds = InputHygiene.line("姓名", "\u0000\u0001\u202E\u200B", 64);
        assertThat(kinds).hasSize(4); // one message per kind, all at once
    }

    @Test
    void lengthsAreCheckedAsTheDatabaseCountsThem() {
        assertThat(InputHygiene.line("姓名", "张".repeat(64), 64)).isEmpty();
        assertThat(InputHygiene.line("姓名", "张".repeat(65), 64))
                .containsExactly("姓名过长：最多64个字符，当前为65个字符，请删减后重新输入");
        // an Extension B character takes two units of the column
        assertThat(InputHygiene.line("姓名", "\uD840\uDC00".repeat(33), 64)).hasSize(1);
        assertThat(InputHygiene.requiredLine("姓名", "  ", 64)).containsExactly("请填写姓名");
        assertThat(InputHygiene.requiredLine("姓名", null, 64)).containsExactly("请填写姓名");
        assertThat(InputHygiene.line("姓名", null, 64)).isEmpty();
    }

    @Test
    void visibleShowsHostileCharactersAsCodes() {
        assertThat(InputHygiene.visible("张\u202E三\u0000")).isEqualTo("张〔不可见字符 U+202E〕三〔不可见字符 U+0000〕");
        assertThat(InputHygiene.visible("刘䶮\uD840\uDC00")).isEqualTo("刘䶮\uD840\uDC00");
        assertThat(InputHygiene.visible(null)).isEmpty();
    }

    // ---------------------------------------------------------------- dates

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-28", "2026/2/28", "2026.02.28", "20260228", "2026年2月28日", " 2026-02-28 ",
            "２０２６-０２-２８"})
    void datesAsPeopleTypeThem(String text) {
        assertThat(InputHygiene.date("受理日期", text).date()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(IntakeCheck.parseDate(text)).contains(LocalDate.of(2026, 2, 28));
    }

    @Test
    void daysThatDoNotExistAreRefusedNeverClamped() {
        assertThat(InputHygiene.date("受理日期", "2026-02-30").problems())
                .containsExactly("受理日期“2026-02-30”不是有效的日期：2026年2月只有28天，请核对");
        assertThat(InputHygiene.date("受理日期", "20260230").problems())
                .containsExactly("受理日期“20260230”不是有效的日期：2026年2月只有28天，请核对");
        assertThat(InputHygiene.date("受理日期", "2026-04-31").problems().get(0)).contains("4月只有30天");
        assertThat(InputHygiene.date("受理日期", "2028-02-29").ok()).isTrue();
        assertThat(InputHygiene.date("受理日期", "2026-13-01").problems().get(0)).contains("没有13月");
        assertThat(InputHygiene.date("受理日期", "2026-00-10").problems().get(0)).contains("没有0月");
        assertThat(InputHygiene.date("受理日期", "2026-01-00").problems().get(0)).contains("只有31天");
        assertThat(InputHygiene.date("受理日期", "昨天").problems().get(0)).contains("请按 2026-01-31 的格式填写");
        assertThat(InputHygiene.date("受理日期", "2026-02-2\u0000").problems().get(0)).contains("空字符");
        assertThat(InputHygiene.date("受理日期", "").problems()).containsExactly("请填写受理日期");
        assertThat(IntakeCheck.parseDate("20260230")).isEmpty();
        assertThat(IntakeCheck.parseDate("2026-02-30")).isEmpty();
        assertThat(InputHygiene.parseDate("+2026-02-01")).isEmpty();
    }

    @Test
    void strictFormattersAreStrict() {
        assertThat(InputHygiene.ISO_DATE.getResolverStyle()).hasToString("STRICT");
        assertThat(InputHygiene.COMPACT_DATE.getResolverStyle()).hasToString("STRICT");
    }

    @Test
    void intakeDateFieldsAreStrict() {
        ServiceItem item = Catalog.loadDefault().items().stream()
                .filter(i -> i.leafFields().anyMatch(f -> f.type() == org.ybdesk.core.catalog.FieldType.DATE))
                .findFirst().orElseThrow();
        var dateField = item.leafFields().filter(f -> f.type() == org.ybdesk.core.catalog.FieldType.DATE)
                .findFirst().orElseThrow();
        var result = IntakeCheck.check(item, java.util.Map.of(dateField.key(), "20260230"), TODAY);
        assertThat(result.problems()).anySatisfy(p -> assertThat(p).contains("2026年2月只有28天"));
        var hostile = IntakeCheck.check(item, java.util.Map.of(dateField.key(), "2026-01-0\u202E1"), TODAY);
        assertThat(hostile.problems()).anySatisfy(p -> assertThat(p).contains("U+202E"));
    }

    @Test
    void intakeTextFieldsAreCleanAndBounded() {
        ServiceItem item = Catalog.loadDefault().items().stream()
                .filter(i -> i.leafFields().anyMatch(f -> f.type() == org.ybdesk.core.catalog.FieldType.ADDRESS
                        || f.type() == org.ybdesk.core.catalog.FieldType.TEXT))
                .findFirst().orElseThrow();
        var field = item.leafFields().filter(f -> f.type() == org.ybdesk.core.catalog.FieldType.ADDRESS
                || f.type() == org.ybdesk.core.catalog.FieldType.TEXT).findFirst().orElseThrow();
        assertThat(IntakeCheck.check(item, java.util.Map.of(field.key(), "某\u0000地"), TODAY).problems())
                .anySatisfy(p -> assertThat(p).contains("空字符"));
        assertThat(IntakeCheck.check(item, java.util.Map.of(field.key(), "某".repeat(501)), TODAY).problems())
                .anySatisfy(p -> assertThat(p).contains("过长"));
        assertThat(IntakeCheck.check(item, java.util.Map.of("no\u202Esuch", "x"), TODAY).problems())
                .anySatisfy(p -> assertThat(p).contains("〔不可见字符 U+202E〕").doesNotContain("\u202E"));
    }

    // ---------------------------------------------------------------- money

    @Test
    void amountsPaidArePositiveAndBounded() {
        assertThat(InputHygiene.paidAmount("支付金额", Money.ofFen(1))).isEmpty();
        assertThat(InputHygiene.paidAmount("支付金额", InputHygiene.MAX_PAID)).isEmpty();
        assertThat(InputHygiene.paidAmount("支付金额", Money.ZERO))
                .containsExactly("支付金额须大于零（当前为0.00元），请核对");
        assertThat(InputHygiene.paidAmount("申报金额", Money.ofFen(-500)).get(0)).contains("须大于零").contains("-5.00");
        assertThat(InputHygiene.paidAmount("支付金额", InputHygiene.MAX_PAID.plus(Money.ofFen(1))).get(0))
                .contains("超过上限100000000.00元");
        assertThat(InputHygiene.paidAmount("支付金额", (Money) null)).containsExactly("请填写支付金额");
        assertThat(InputHygiene.paidYuan("支付金额", "¥1,234.50").amount()).isEqualTo(Money.ofFen(123450));
        assertThat(InputHygiene.paidYuan("支付金额", "１２.５").amount()).isEqualTo(Money.ofFen(1250));
        assertThat(InputHygiene.paidYuan("支付金额", "0").problems().get(0)).contains("须大于零");
        assertThat(InputHygiene.paidYuan("支付金额", "-1").problems().get(0)).contains("须大于零");
        assertThat(InputHygiene.paidYuan("支付金额", "1.234").problems().get(0)).contains("格式不正确");
        assertThat(InputHygiene.paidYuan("支付金额", "NaN").problems().get(0)).contains("格式不正确");
        assertThat(InputHygiene.paidYuan("支付金额", "1e9").problems().get(0)).contains("格式不正确");
        assertThat(InputHygiene.paidYuan("支付金额", "9999999999999").problems().get(0)).contains("超过上限");
        assertThat(InputHygiene.paidYuan("支付金额", "1\u0000").problems().get(0)).contains("空字符");
        assertThat(InputHygiene.paidYuan("支付金额", " ").problems()).containsExactly("请填写支付金额");
    }
}
