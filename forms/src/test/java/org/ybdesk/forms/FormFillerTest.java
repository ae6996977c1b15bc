package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.ServiceItem;

class FormFillerTest {
    private static final ReferenceForms FORMS = ReferenceForms.load();
    private static final Catalog CATALOG = Catalog.loadDefault();
    /** A valid 居民身份证 number (17th digit 3 → male; born 1984-02-11). */
    private static final String ID = "110105198402110034";

    @Test
    void placesGivenValuesAndLeavesTheRestBlank() {
        ReferenceForm t1 = FORMS.form(1);
        Map<String, String> values = Map.of(
                "unitName", "哈尔滨市示例科技有限公司",
                "creditCode", "91230100MA1B2C3D4E",
                "legalRepresentativeName", "张三",
                "bankName", "中国工商银行哈尔滨分行");
        FilledForm filled = FormFiller.fill(t1, values);

        assertThat(filled.value("unitName")).isEqualTo("哈尔滨市示例科技有限公司");
        assertThat(filled.value("creditCode")).isEqualTo("91230100MA1B2C3D4E");
        assertThat(filled.value("legalRepresentativeName")).isEqualTo("张三");
        assertThat(filled.value("mailingAddress")).isEmpty();
        assertThat(filled.value("legalRepresentativePhone")).isEmpty();

        List<FilledForm.Entry> entries = filled.entries();
        assertThat(entries).extracting(FilledForm.Entry::key)
                .containsAll(t1.keys().stream().filter(k -> !k.isEmpty()).toList());
        assertThat(entries).filteredOn(e -> !e.value().isEmpty()).extracting(FilledForm.Entry::key)
                .containsExactlyInAnyOrder("unitName", "creditCode", "legalRepresentativeName", "bankName");
        assertThat(entries).contains(new FilledForm.Entry("法定代表人·姓名", "legalRepresentativeName", "张三"),
                new FilledForm.Entry("通讯地址", "mailingAddress", ""),
                new FilledForm.Entry("经办人员·手机号码", "unitContactMobile", ""));
    }

    @Test
    void anEmptyCaseGivesAnAllBlankForm() {
        String blank = FormFiller.TEXT.get("fill.blank");
        for (ReferenceForm f : FORMS.all()) {
            FilledForm filled = FormFiller.fill(f, Map.of());
            assertThat(filled.entries()).as("表%d", f.no()).isNotEmpty();
            assertThat(filled.cells()).as("表%d", f.no()).allSatisfy(c -> {
                if (c.cell().kind() == CellKind.TEXT && !c.cell().placeholders().isEmpty()) {
                    assertThat(c.value()).contains(blank).doesNotContain("{");
                } else {
                    assertThat(c.value()).isEmpty();
                    assertThat(c.selected()).isEmpty();
                }
            });
            filled.sections().forEach(s -> assertThat(s.tableRows()).allSatisfy(
                    row -> assertThat(row).allSatisfy(v -> assertThat(v).isEmpty())));
        }
    }

    @Test
    void choicesTickTheMatchingBoxEvenWhenSpelledDifferently() {
        FilledForm t9 = FormFiller.fill(FORMS.form(9),
                Map.of("insuranceType", "城乡居民基本医疗保险", "registrationCategory", "新增"));
        FilledCell insurance = t9.cells().filter(c -> c.cell().keys().contains("insuranceType")).findFirst()
                .orElseThrow();
        assertThat(insurance.selected()).containsExactly("城乡居民医保");
        assertThat(insurance.checked("职工医保")).isFalse();
        assertThat(insurance.value()).isEqualTo("城乡居民基本医疗保险");

        FilledForm t1 = FormFiller.fill(FORMS.form(1), Map.of("insuranceType", "职工基本医疗保险、生育保险",
                "registrationType", "暂停参保"));
        assertThat(t1.cells().filter(c -> c.cell().keys().contains("insuranceType")).findFirst().orElseThrow()
                .selected()).containsExactly("职工基本医疗保险", "生育保险");
        assertThat(t1.cells().filter(c -> c.cell().keys().contains("registrationType")).findFirst().orElseThrow()
                .selected()).containsExactly("暂停登记");

        FilledCell unknown = FormFiller.fill(FORMS.form(3), Map.of("applicantIdentity", "退役军人")).cells()
                .filter(c -> c.cell().keys().contains("applicantIdentity")).findFirst().orElseThrow();
        assertThat(unknown.selected()).isEmpty();
        assertThat(unknown.value()).isEqualTo("退役军人");
    }

    @Test
    void aSinglePersonFillsTheFirstLineOfABatchForm() {
        Map<String, String> values = new HashMap<>(Map.of("name", "李四", "idType", "居民身份证", "idNumber", ID,
                "declaredWage", "4500.00", "changeType", "增加", "phone", "13800138000",
                "creditCodeOrUnitCode", "23010012345"));
        values.put("name[1]", "王五");
        FilledForm t2 = FormFiller.fill(FORMS.form(2), values);
        assertThat(t2.tableValue("name", 0)).isEqualTo("李四");
        assertThat(t2.tableValue("idNumber", 0)).isEqualTo(ID);
        assertThat(t2.tableValue("changeType", 0)).isEqualTo("增加");
        assertThat(t2.tableValue("name", 1)).isEqualTo("王五");
        assertThat(t2.tableValue("idNumber", 1)).isEmpty();
        assertThat(t2.tableValue("name", 2)).isEmpty();
        FilledSection table = t2.sections().get(0);
        assertThat(table.tableRows()).hasSize(9);
        assertThat(table.tableRows().get(0).get(0)).isEqualTo("1");
        assertThat(table.tableRows().get(1).get(0)).isEqualTo("2");
        assertThat(table.tableRows().get(2)).allSatisfy(v -> assertThat(v).isEmpty());
        assertThat(t2.value("creditCodeOrUnitCode")).isEqualTo("23010012345");
        assertThat(t2.entries()).contains(new FilledForm.Entry("姓名#1", "name", "李四"),
                new FilledForm.Entry("姓名#2", "name", "王五"));
        assertThat(t2.entries()).noneMatch(e -> e.label().endsWith("#3"));
        assertThat(t2.entries()).extracting(FilledForm.Entry::label)
                .contains("单位名称（盖章）：", "灵活就业人员", "年 月 日");
    }

    @Test
    void theItemAddsPresetsItsNameAndWhatTheIdNumberTells() {
        ServiceItem item11 = CATALOG.item(11);
        Map<String, String> values = Map.of("name", "赵六", "idNumber", ID, "destinationAddress", "海南省三亚市某路1号");
        FilledForm t9 = FormFiller.fill(FORMS.form(9), item11, values);
        FilledCell category = t9.cells().filter(c -> c.cell().keys().contains("filingPersonCategory"))
                .findFirst().orElseThrow();
        assertThat(category.selected()).containsExactly("异地安置退休人员");
        assertThat(t9.value("gender")).isEqualTo("男");
        assertThat(t9.value("destinationAddress")).isEqualTo("海南省三亚市某路1号");

        FilledForm t9for15 = FormFiller.fill(FORMS.form(9), CATALOG.item(15), Map.of("transferAddress", "北京市"));
        assertThat(t9for15.value("transferAddress")).isEqualTo("北京市");

        Map<String, String> given = Map.of("gender", "女", "idNumber", ID);
        assertThat(FormFiller.caseValues(FORMS.form(3), CATALOG.item(3), given))
                .containsEntry("gender", "女").containsEntry("birthDate", "1984-02-11")
                .containsEntry(FormKeys.ITEM_NAME, CATALOG.item(3).name());
        assertThat(FormFiller.caseValues(FORMS.form(3), CATALOG.item(3), Map.of("idNumber", "123")))
                .doesNotContainKeys("gender", "birthDate");
    }

    @Test
    void datesArePrintedInThePapersStyle() {
        FilledForm t3 = FormFiller.fill(FORMS.form(3), Map.of("birthDate", "1984-02-11"));
        assertThat(t3.value("birthDate")).isEqualTo("1984年2月");
        FilledForm t4 = FormFiller.fill(FORMS.form(4), Map.of("fillDate", "2026/1/5"));
        assertThat(t4.value("fillDate")).isEqualTo("2026年1月5日");
        FilledForm odd = FormFiller.fill(FORMS.form(4), Map.of("fillDate", "明天"));
        assertThat(odd.value("fillDate")).isEqualTo("明天");
    }

    @Test
    void alternativeKeysPrintOneValueAndJoinedKeysPrintBoth() {
        FilledForm t11 = FormFiller.fill(FORMS.form(11),
                Map.of("mailingAddress", "哈尔滨市南岗区1号", "insuredPlaceAddress", "哈尔滨市道里区2号"));
        assertThat(t11.value("mailingAddress")).isEqualTo("哈尔滨市南岗区1号");
        FilledForm t12 = FormFiller.fill(FORMS.form(12),
                Map.of("bankName", "中国银行", "bankAccountNumber", "123456789012", "accountTransferAmount", "1"));
        assertThat(t12.value("bankName")).isEqualTo("中国银行 123456789012");
        FilledForm t8 = FormFiller.fill(FORMS.form(8), Map.of("accountTransferAmount", "1234.50"));
        assertThat(t8.value("accountTransferAmount")).isEqualTo("¥1234.50");
    }

    @Test
    void placeholdersOfALetterAreFilledOrLeftAsBlanks() {
        String blank = FormFiller.TEXT.get("fill.blank");
        FilledForm letter = FormFiller.fill(FORMS.form(11), CATALOG.item(12),
                Map.of("idNumber", ID, "missingMaterial", "居住证明"));
        String text = letter.sections().get(0).rows().get(0).get(0).value();
        assertThat(text).contains(ID).contains(CATALOG.item(12).name()).contains("居住证明").doesNotContain("{");
        String empty = FormFiller.fill(FORMS.form(11), Map.of()).sections().get(0).rows().get(0).get(0).value();
        assertThat(empty).contains(blank).doesNotContain("{");
    }

    /** Issue 13 (D141): who signs for the applicant — the agent — is named at 表3's and 表9's signature places. */
    @Test
    void theAgentIsNamedWhereTheApplicantSigns() {
        String signer = "被委托人：李四（子女）";
        FilledForm t9 = FormFiller.fill(FORMS.form(9), Map.of(FormKeys.AGENT_SIGNER, signer));
        assertThat(all(t9)).filteredOn(c -> c.cell().kind() == CellKind.SIGN)
                .singleElement().satisfies(c -> assertThat(c.value()).isEqualTo(signer));
        FilledForm t3 = FormFiller.fill(FORMS.form(3), Map.of(FormKeys.AGENT_SIGNER, "监护人：王芳（父母）"));
        assertThat(t3.cells()).filteredOn(c -> c.cell().label().equals("申请人或监护人")).singleElement()
                .satisfies(c -> assertThat(c.value()).startsWith(c.cell().text()).endsWith("\n监护人：王芳（父母）"));
        FilledForm t7 = FormFiller.fill(FORMS.form(7), Map.of(FormKeys.AGENT_NAME, "李四",
                FormKeys.AGENT_ID_NUMBER, ID, FormKeys.AGENT_PHONE, "13900001111"));
        assertThat(t7.value(FormKeys.AGENT_NAME)).isEqualTo("李四");
        assertThat(t7.value(FormKeys.AGENT_ID_NUMBER)).isEqualTo(ID);
        // without an agent the places stay as the paper has them
        assertThat(all(FormFiller.fill(FORMS.form(9), Map.of()))).filteredOn(c -> c.cell().kind() == CellKind.SIGN)
                .isNotEmpty().allSatisfy(c -> assertThat(c.value()).isEmpty());
    }

    private static List<FilledCell> all(FilledForm f) {
        return f.sections().stream().flatMap(s -> s.rows().stream()).flatMap(List::stream).toList();
    }

    @Test
    void signaturePlacesAreNeverFilled() {
        FilledForm t7 = FormFiller.fill(FORMS.form(7), Map.of("insuredName", "钱七"));
        assertThat(t7.footer()).filteredOn(c -> c.cell().kind() == CellKind.SIGN).isNotEmpty()
                .allSatisfy(c -> assertThat(c.value()).isEmpty());
        FilledForm t6 = FormFiller.fill(FORMS.form(6), Map.of("name", "孙八"));
        List<Column> cols = t6.sections().get(0).section().table().columns();
        int sign = cols.indexOf(cols.stream().filter(c -> c.kind() == CellKind.SIGN).findFirst().orElseThrow());
        assertThat(t6.sections().get(0).tableRows().get(0).get(sign)).isEmpty();
    }
}
