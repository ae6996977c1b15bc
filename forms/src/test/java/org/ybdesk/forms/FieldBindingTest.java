package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.ServiceItem;

/**
 * Which of a citing item's required fields each table prints: reported for every (item, table) pair, and asserted
 * for the identity fields read off each paper table.
 */
class FieldBindingTest {
    private static final ReferenceForms FORMS = ReferenceForms.load();
    private static final Catalog CATALOG = Catalog.loadDefault();

    /**
     * Per table: the required leaf keys of its citing item(s) that were verified, by reading the paper form, to be
     * printed on it. Keys of fields the paper form has no place for (e.g. 证件类型 where only 身份证件号码 is printed,
     * 表9's 申请备案开始日期) are deliberately absent.
     */
    private static final Map<Integer, List<String>> IDENTITY = new LinkedHashMap<>();

    static {
        IDENTITY.put(1, List.of("registrationType", "creditCode", "unitNature", "mailingAddress",
                "legalRepresentativeName", "legalRepresentativeIdNumber", "legalRepresentativePhone", "bankName",
                "bankAccountNumber", "insuranceType", "unitContactName", "unitContactMobile"));
        IDENTITY.put(2, List.of("creditCodeOrUnitCode", "name", "personCategory", "insuranceType", "idType",
                "idNumber", "declaredWage", "changeType", "phone"));
        IDENTITY.put(3, List.of("name", "idType", "idNumber", "birthDate", "phone", "householdAddress",
                "applicantIdentity"));
        IDENTITY.put(4, List.of("creditCodeOrUnitCode", "unitName", "unitAddress", "unitType", "bankName",
                "bankAccountNumber", "legalRepresentativeName", "legalRepresentativeIdNumber",
                "legalRepresentativePhone", "unitContactName", "unitContactPhone"));
        IDENTITY.put(6, List.of("name", "idNumber", "phone", "changeItem", "valueBefore", "valueAfter"));
        IDENTITY.put(7, List.of("insuredName", "idNumber", "withdrawalReason", "unitName", "bankName",
                "bankAccountNumber", "payeeName", "payeeIdNumber", "payeeRelationship", "payeePhone"));
        IDENTITY.put(8, List.of("name", "idNumber", "insuranceType", "transferOutDivisionCode"));
        IDENTITY.put(9, List.of("name", "insuranceType", "registrationCategory", "idNumber", "phone",
                "treatmentPlace"));
        IDENTITY.put(10, List.of("name", "age", "insuranceType", "idNumber", "phone", "diseaseName"));
        IDENTITY.put(11, List.of("idNumber", "phone", "insuredPlaceAddress"));
        IDENTITY.put(12, List.of("institutionName", "creditCode", "registeredAddress", "licenseRegistrationNo",
                "institutionNature", "institutionGrade", "approvedBeds", "buildingArea", "legalRepresentativeName",
                "legalRepresentativeIdNumber", "legalRepresentativePhone", "actualControllerName",
                "actualControllerIdNumber", "actualControllerPhone", "bankName", "bankAccountNumber",
                "contactName", "contactMobile"));
        IDENTITY.put(13, List.of("pharmacyName", "creditCode", "drugLicenseNo", "registeredAddress",
                "businessScope", "economicType", "legalRepresentativeName", "legalRepresentativeIdNumber",
                "legalRepresentativePhone", "enterpriseHeadName", "enterpriseHeadIdNumber", "enterpriseHeadPhone",
                "actualControllerName", "actualControllerIdNumber", "actualControllerPhone"));
    }

    private static List<String> leafKeys(ServiceItem item) {
        return item.leafFields().map(FieldSpec::key).distinct().toList();
    }

    @Test
    void tableFiveIsDesignedAndPrintsEveryRequiredFieldOfItemFive() {
        ReferenceForm t5 = FORMS.form(5);
        ServiceItem item5 = CATALOG.item(5);
        assertThat(t5.designed()).isTrue();
        assertThat(t5.note()).isNotBlank();
        assertThat(item5.referenceForms()).containsExactly(5);
        assertThat(leafKeys(item5)).hasSize(9);
        assertThat(t5.keys()).containsAll(leafKeys(item5));
        assertThat(t5.orientation()).isEqualTo(FORMS.form(6).orientation());
    }

    @Test
    void identityKeysBindOnEveryTranscribedTable() {
        assertThat(IDENTITY.keySet()).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> e : IDENTITY.entrySet()) {
            ReferenceForm form = FORMS.form(e.getKey());
            List<ServiceItem> citing = citing(form.no());
            assertThat(citing).as("items citing 表%d", form.no()).isNotEmpty();
            for (String key : e.getValue()) {
                // 表3 prints the household address in the appendix's sub-cells, split by AddressParts (issue 14)
                boolean split = "householdAddress".equals(key) && form.keys().contains(AddressParts.REST);
                if (!form.keys().contains(key) && !split) {
                    problems.add("表" + form.no() + " does not print " + key);
                }
                for (ServiceItem item : citing) {
                    if (!leafKeys(item).contains(key)) {
                        problems.add("表" + form.no() + ": " + key + " is not a required field of item " + item.no());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void table9BindsEachFilingItemsAddresses() {
        ReferenceForm t9 = FORMS.form(9);
        for (int no = 11; no <= 15; no++) {
            ServiceItem item = CATALOG.item(no);
            List<String> unbound = leafKeys(item).stream().filter(k -> !t9.keys().contains(k)).toList();
            // 证件类型 and 申请备案开始日期 have no place on the paper 表9
            assertThat(unbound).as("item %d", no).containsExactlyInAnyOrder("idType", "filingStartDate");
        }
    }

    /** Reports, for every item that cites a table, the share of its required leaf keys the table prints. */
    @Test
    void coverageOfCitingItemsIsReported() {
        StringBuilder report = new StringBuilder("\nrequired-field coverage (item → table: bound/required, missing)\n");
        int pairs = 0;
        for (ServiceItem item : CATALOG.items()) {
            // the fields the rulebook requires: conditional ones of the case's own side (issue 13: item 10's 办理方向,
            // 表8 as received, the refund card) are not the table's to print
            List<String> required = item.leafFields().filter(f -> f.required() || f.requiredWhen() == null)
                    .map(FieldSpec::key).distinct().toList();
            for (ReferenceForm form : FORMS.forItem(item)) {
                pairs++;
                List<String> bound = required.stream().filter(form.keys()::contains).toList();
                List<String> missing = required.stream().filter(k -> !form.keys().contains(k)).toList();
                double share = required.isEmpty() ? 1 : (double) bound.size() / required.size();
                report.append(String.format("  item %2d → 表%-2d %2d/%-2d %3.0f%%  missing %s%n", item.no(),
                        form.no(), bound.size(), required.size(), share * 100, missing));
                if (form.no() != 11) {
                    // 表11 is a one-page 个人承诺书 attached to 表9; the others carry the item's identity
                    assertThat(share).as("item %d → 表%d", item.no(), form.no()).isGreaterThanOrEqualTo(0.3);
                }
            }
        }
        System.out.println(report);
        assertThat(pairs).isEqualTo(18);
    }

    /** Keys that are neither a citing item's required field nor a desk key: the ones this module invented. */
    @Test
    void inventedKeysAreListed() {
        Set<String> everyLeafKey = new TreeSet<>();
        CATALOG.items().forEach(i -> everyLeafKey.addAll(leafKeys(i)));
        StringBuilder report = new StringBuilder("\nkeys not among the citing items' required fields\n");
        for (ReferenceForm form : FORMS.all()) {
            Set<String> citingKeys = new TreeSet<>();
            citing(form.no()).forEach(i -> citingKeys.addAll(leafKeys(i)));
            List<String> invented = form.keys().stream().filter(k -> !citingKeys.contains(k))
                    .filter(k -> !FormKeys.DESK_KEYS.contains(k)).toList();
            report.append("  表").append(form.no()).append(": ").append(invented).append('\n');
            if (form.designed()) {
                assertThat(invented).as("a designed form invents only unit/filler/remark lines")
                        .containsExactlyInAnyOrder("unitName", "unitContactPhone", "remark", "fillerName");
            }
        }
        System.out.println(report);
        assertThat(everyLeafKey).contains("unitName", "unitContactPhone");
    }

    private static List<ServiceItem> citing(int table) {
        return CATALOG.items().stream().filter(i -> i.referenceForms().contains(table)).toList();
    }
}
