package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FieldType;
import org.ybdesk.core.catalog.ServiceItem;

class IntakeFormTest {
    /** The tests' day: never today's date. */
    static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 16);

    private static final Catalog CATALOG = Catalog.loadDefault();

    @Test
    void everyItemHasAnIntakeFormWithEveryLeafFieldExactlyOnceInOrder() {
        assertThat(CATALOG.items()).hasSize(28);
        for (ServiceItem item : CATALOG.items()) {
            IntakeForm form = IntakeForm.of(item);
            List<String> expected = item.leafFields().map(FieldSpec::key).toList();
            assertThat(form.fields()).extracting(IntakeField::key).as("item %d", item.no())
                    .containsExactlyElementsOf(expected).doesNotHaveDuplicates();
            assertThat(form.groups()).as("item %d", item.no()).allSatisfy(g -> assertThat(g.fields()).isNotEmpty());
            for (IntakeField f : form.fields()) {
                FieldSpec spec = item.leafFields().filter(s -> s.key().equals(f.key())).findFirst().orElseThrow();
                assertThat(f.label()).isEqualTo(spec.label());
                assertThat(f.type()).isEqualTo(spec.type());
                assertThat(f.required()).isEqualTo(spec.required());
            }
        }
    }

    @Test
    void compositeFieldsBecomeGroupsOfTheirParts() {
        IntakeForm form = IntakeForm.of(CATALOG.item(1));
        List<IntakeGroup> composites = form.groups().stream().filter(IntakeGroup::composite).toList();
        assertThat(composites).extracting(IntakeGroup::key)
                .containsExactly("legalRepresentative", "bankAccount", "unitContact");
        IntakeGroup legal = composites.get(0);
        assertThat(legal.label()).isEqualTo("法定代表人信息（姓名、证件类型及号码、电话）");
        assertThat(legal.fields()).extracting(IntakeField::key).containsExactly("legalRepresentativeName",
                "legalRepresentativeIdType", "legalRepresentativeIdNumber", "legalRepresentativePhone");
        assertThat(legal.fields().get(2).fullLabel()).startsWith(legal.label()).endsWith("证件号码");
        assertThat(legal.fields().get(2).idTypeKey()).isEqualTo("legalRepresentativeIdType");
        // plain fields between composites stay in order, in untitled groups
        assertThat(form.groups().get(0).composite()).isFalse();
        assertThat(form.groups().get(0).fields()).extracting(IntakeField::key)
                .containsExactly("registrationType", "creditCode", "formerCreditCode", "unitNature", "mailingAddress");
    }

    @Test
    void widthsAndLengthsAreSaneForEveryField() {
        for (ServiceItem item : CATALOG.items()) {
            for (IntakeField f : IntakeForm.of(item).fields()) {
                String what = "item " + item.no() + " " + f.key() + " " + f.type();
                assertThat(f.width()).as(what).isBetween(1, IntakeForm.GRID_COLUMNS);
                assertThat(f.input().maxLength()).as(what).isPositive();
                assertThat(f.widget()).as(what).isNotNull();
                switch (f.type()) {
                    case ID_NUMBER, CREDIT_CODE -> {
                        assertThat(f.input().maxLength()).as(what).isEqualTo(18);
                        assertThat(f.input().upperCase()).as(what).isTrue();
                        assertThat(f.width()).as(what).isGreaterThanOrEqualTo(6);
                    }
                    case PHONE -> assertThat(f.input().maxLength()).as(what).isEqualTo(20);
                    case POSTAL_CODE, ADMIN_DIVISION -> {
                        assertThat(f.input().maxLength()).as(what).isEqualTo(6);
                        assertThat(f.input().mask()).as(what).isEqualTo("######");
                        assertThat(f.width()).as(what).isLessThanOrEqualTo(3);
                    }
                    case DATE -> {
                        assertThat(f.input().maxLength()).as(what).isEqualTo(10);
                        assertThat(f.widget()).as(what).isEqualTo(Widget.DATE);
                        assertThat(f.width()).as(what).isLessThanOrEqualTo(3);
                    }
                    case ADDRESS -> assertThat(f.width()).as(what).isEqualTo(IntakeForm.GRID_COLUMNS);
                    case NAME -> assertThat(f.input().maxLength()).as(what).isEqualTo(50);
                    case INTEGER -> assertThat(f.input().maxLength()).as(what).isEqualTo(9);
                    case BANK_ACCOUNT -> assertThat(f.input().maxLength()).as(what).isGreaterThanOrEqualTo(30);
                    case TEXT -> assertThat(f.input().maxLength()).as(what).isEqualTo(500);
                    case CHOICE, BOOLEAN -> {
                        assertThat(f.codeTable()).as(what).isNotNull();
                        assertThat(f.widget()).as(what).isIn(Widget.RADIO, Widget.COMBO);
                        int longest = f.codeTable().labels().stream().mapToInt(String::length).max().orElseThrow();
                        assertThat(f.input().maxLength()).as(what).isEqualTo(longest);
                    }
                    default -> {
                    }
                }
                if (f.type() != FieldType.CHOICE && f.type() != FieldType.BOOLEAN) {
                    assertThat(f.codeTable()).as(what).isNull();
                }
            }
        }
    }

    @Test
    void wideFieldsAreWiderThanNarrowOnes() {
        IntakeForm form = IntakeForm.of(CATALOG.item(10));
        int id = form.field("idNumber").orElseThrow().width();
        int address = form.field("transferOutAgencyAddress").orElseThrow().width();
        int postal = form.field("transferOutPostalCode").orElseThrow().width();
        int name = form.field("name").orElseThrow().width();
        assertThat(address).isGreaterThan(id);
        assertThat(id).isGreaterThan(name);
        assertThat(name).isGreaterThan(postal);
        assertThat(IntakeForm.of(CATALOG.item(17)).field("materialDetail").orElseThrow())
                .satisfies(f -> {
                    assertThat(f.width()).isEqualTo(12);
                    assertThat(f.widget()).isEqualTo(Widget.TEXT_AREA);
                });
    }

    @Test
    void choicesCarryTheirCodeTable() {
        IntakeForm item2 = IntakeForm.of(CATALOG.item(2));
        IntakeField idType = item2.field("idType").orElseThrow();
        assertThat(idType.commonTable()).isEqualTo(CodeTables.ID_TYPE);
        assertThat(idType.codeTable().labels()).containsExactlyElementsOf(
                CATALOG.item(2).field("idType").orElseThrow().options());
        assertThat(idType.widget()).isEqualTo(Widget.COMBO);
        assertThat(item2.field("idNumber").orElseThrow().idTypeKey()).isEqualTo("idType");
        IntakeField category = item2.field("personCategory").orElseThrow();
        assertThat(category.commonTable()).isEqualTo(CodeTables.PERSON_CATEGORY);
        assertThat(category.codeTable().codes()).extracting(CodeTable.Code::code)
                .containsExactly("EMPLOYED", "FLEXIBLE", "RETIRED");
        assertThat(category.widget()).isEqualTo(Widget.RADIO);
        assertThat(IntakeForm.of(CATALOG.item(1)).field("unitNature").orElseThrow().commonTable())
                .isEqualTo(CodeTables.UNIT_NATURE);
        assertThat(IntakeForm.of(CATALOG.item(1)).field("insuranceType").orElseThrow().commonTable())
                .isEqualTo(CodeTables.INSURANCE_TYPE);
        IntakeField reason = IntakeForm.of(CATALOG.item(9)).field("withdrawalReason").orElseThrow();
        assertThat(reason.commonTable()).isNull();
        assertThat(reason.codeTable().id()).isEqualTo("item9.withdrawalReason");
        assertThat(reason.codeTable().label()).isEqualTo("支取原因");
        IntakeField flag = IntakeForm.of(CATALOG.item(25)).field("hasInsuranceStaff").orElseThrow();
        assertThat(flag.commonTable()).isEqualTo(CodeTables.YES_NO);
    }

    @Test
    void checkingUsesTheCoreRulesAndReportsEveryProblemAtOnce() {
        IntakeForm form = IntakeForm.of(CATALOG.item(3));
        Map<String, String> values = new HashMap<>();
        values.put("name", "张三");
        values.put("idType", "居民身份证");
        values.put("idNumber", "110105198402110035");
        var result = form.check(values, TODAY);
        assertThat(result.ok()).isFalse();
        assertThat(result.problems().size()).isGreaterThanOrEqualTo(4);
        values.put("idNumber", "110105198402110034");
        values.put("birthDate", "1984-02-11");
        values.put("phone", "13800138000");
        values.put("householdAddress", "黑龙江省哈尔滨市南岗区");
        values.put("applicantIdentity", "大学生");
        assertThat(form.check(values, TODAY).problems()).isEmpty();
    }
}
