package org.ybdesk.core.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * Issue 10, item 11: all 28 items' templates rendered for success and failure. {date} is the outcome's day and the
 * only date in the text, {bank} the bank's name (never followed by a second 银行), {payee} named only when it is not
 * the applicant, no doubled punctuation where a value meets the template, and a refusal reads 未通过.
 */
class MessageTemplatesTest {
    private static final Pattern DOUBLED = Pattern.compile("[。，；：！？、][。，；：！？、]");
    private static final String OUTCOME_DAY = "2026年11月30日";

    static Map<String, String> values(String reason) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("agencySignature", "道里区医保中心");
        v.put("name", "张三");
        v.put("date", OUTCOME_DAY);
        v.put("phone", "0451-84661234");
        v.put("itemName", "事项");
        v.put("reason", reason);
        v.put("amount", "123.45");
        v.put("bank", "中国工商银行");
        v.put("accountTail", "1234");
        v.put("validity", "自2026年11月30日起长期有效（变更或取消备案前）");
        return v;
    }

    @Test
    void everyItemsSuccessAndFailureRenderCleanly() {
        List<String> problems = new ArrayList<>();
        for (ServiceItem item : Catalog.loadDefault().items()) {
            for (String kind : List.of("success", "failure")) {
                String t = kind.equals("success") ? item.messages().success() : item.messages().failure();
                // reasons typed with their own end punctuation, as clerks do
                for (String reason : List.of("材料不全。", "签名缺失；", "不符合条件！", "证明过期")) {
                    String text = MessageRenderer.render(t, values(reason));
                    String where = "item " + item.no() + " " + kind + ": " + text;
                    if (DOUBLED.matcher(text).find()) {
                        problems.add("doubled punctuation — " + where);
                    }
                    if (t.contains("{date}") && !text.contains(OUTCOME_DAY)) {
                        problems.add("no outcome day — " + where);
                    }
                    if (text.contains("未审核通过")) {
                        problems.add("未审核通过 — " + where);
                    }
                    if (text.contains("银行银行") || text.contains("{") || text.contains("[") || text.contains("*")) {
                        problems.add("raw or doubled text — " + where);
                    }
                    if (kind.equals("failure") && !text.contains("原因为：" + reason.replaceAll("[。；！]$", "") + "。")) {
                        problems.add("reason not as typed — " + where);
                    }
                }
                // {date} is the outcome's day: never 「于{date}申请的」「于{date}申报的」 (that day is the application's)
                if (t.matches(".*于\\{date}，?申[请报]的.*")) {
                    problems.add("item " + item.no() + " " + kind + " dates the application with the outcome day: " + t);
                }
            }
        }
        assertThat(problems).as(String.join(System.lineSeparator(), problems)).isEmpty();
    }

    @Test
    void thePayeeIsNamedOnlyWhenItIsNotTheApplicant() {
        ServiceItem item = Catalog.loadDefault().item(17);
        Map<String, String> own = values("");
        String text = MessageRenderer.render(item.messages().success(), own);
        assertThat(text).contains("您申请的门（急）诊费用报销已于2026年11月30日完成，报销金额123.45元，"
                + "已划入中国工商银行尾号为1234的账户，请查收！");
        Map<String, String> other = values("");
        other.put("payee", "李四");
        assertThat(MessageRenderer.render(item.messages().success(), other))
                .contains("已划入李四的中国工商银行尾号为1234的账户");
        long withPayee = Catalog.loadDefault().items().stream()
                .filter(i -> i.messages().success().contains("[{payee}的]")).count();
        assertThat(withPayee).as("items 17–24 pay a person's account").isEqualTo(8);
    }

    @Test
    void aRefusalReadsNotPassed() {
        String failure = Catalog.loadDefault().item(16).messages().failure();
        assertThat(MessageRenderer.render(failure, values("诊断证明不符合标准。")))
                .contains("门诊慢特病种待遇申请认定未通过。原因为：诊断证明不符合标准。如有疑问");
    }

    @Test
    void optionalPartsAndPunctuationRules() {
        assertThat(MessageRenderer.render("划入[{payee}的]{bank}。", Map.of("bank", "农行"))).isEqualTo("划入农行。");
        assertThat(MessageRenderer.render("划入[{payee}的]{bank}。", Map.of("bank", "农行", "payee", "王五")))
                .isEqualTo("划入王五的农行。");
        assertThat(MessageRenderer.render("原因为：{reason}。如有", Map.of("reason", "甲；乙。")))
                .isEqualTo("原因为：甲；乙。如有");
        assertThat(MessageRenderer.render("原因为：{reason}，请", Map.of("reason", "甲，")))
                .isEqualTo("原因为：甲，请");
        assertThatThrownBy(() -> MessageRenderer.render("{bank}", Map.of()))
                .hasMessageContaining("bank");
    }
}
