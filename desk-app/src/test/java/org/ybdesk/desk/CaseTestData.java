package org.ybdesk.desk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;

/**
 * Valid cases for GUI tests, made through the services as the window would make them (the approach of the service
 * module's Samples/DeskFixture): IDs with correct check digits, a valid value for every intake field, all materials
 * on paper.
 */
final class CaseTestData {
    private static final AtomicInteger SEQ = new AtomicInteger(200);
    private static final Set<String> PERSON_PREFILLED = Set.of("name", "insuredName", "idType", "idNumber", "phone");
    private static final Set<String> UNIT_PREFILLED = Set.of("creditCode", "creditCodeOrUnitCode", "unitName",
            "institutionName", "pharmacyName");

    private CaseTestData() {
    }

    /** A valid resident ID of Harbin Daoli district. */
    static String residentId(String birth, boolean male) {
        int seq = SEQ.incrementAndGet() % 500 * 2 + (male ? 1 : 0);
        String first17 = "230102" + birth + String.format("%03d", seq);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String creditCode() {
        String org = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = ("91230102" + org + "X").substring(0, 17);
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    static String bankCard() {
        String payload = "621700000000" + String.format("%06d", SEQ.incrementAndGet());
        return payload + Validators.luhnCheckDigit(payload);
    }

    static Map<String, String> fields(ServiceItem item) {
        Map<String, String> f = new LinkedHashMap<>();
        Set<String> prefilled = item.applicantKind() == ApplicantKind.PERSON ? PERSON_PREFILLED : UNIT_PREFILLED;
        // the rulebook's required fields; optional ones (表 fields, 户名) stay empty
        item.leafFields().filter(spec -> !prefilled.contains(spec.key()) && spec.required())
                .forEach(spec -> f.putIfAbsent(spec.key(), value(spec)));
        return f;
    }

    static String value(FieldSpec spec) {
        return switch (spec.type()) {
            case TEXT -> "测试内容";
            case ADDRESS -> "哈尔滨市道里区中央大街1号";
            case NAME -> "王五";
            case ID_NUMBER -> residentId("19750505", false);
            case CREDIT_CODE -> creditCode();
            case PHONE -> "13812345678";
            case BANK_ACCOUNT -> bankCard();
            case DATE -> "2026-01-01";
            case PERIOD -> "2026-01-01至2026-06-30";
            case MONEY -> "100.00";
            case INTEGER -> "10";
            case CHOICE -> spec.label().contains("证件类型") ? "居民身份证" : spec.options().get(0);
            case BOOLEAN -> "是";
            case ADMIN_DIVISION -> "230102";
            case POSTAL_CODE -> "150000";
        };
    }

    /** Takes in an application for a person (state 待受理). */
    static CaseView create(Desk desk, int itemNo, String name, Actor clerk) {
        ServiceItem item = desk.catalog().item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        Applicant a = item.applicantKind() == ApplicantKind.PERSON
                ? new Applicant(IdType.RESIDENT_ID, residentId("19800101", true), name, "13912345678")
                : new Applicant(null, creditCode(), name, "0451-84660000");
        Map<String, String> fields = fields(item);
        // the changes (4–6) need the applicant registered with the value they change (issue 10)
        if (itemNo == 4) {
            desk.registry().registerUnit(new org.ybdesk.service.RegistryService.UnitInput(a.idNumber(), name, "企业",
                    null, null, null, null, null, null, null, null, null, null), clerk);
        }
        if (itemNo == 5 || itemNo == 6) {
            desk.registry().registerPerson(new org.ybdesk.service.RegistryService.PersonInput(a.idType(),
                    a.idNumber(), name, null, null, itemNo == 5 ? org.ybdesk.core.registry.InsuranceType.EMPLOYEE
                    : org.ybdesk.core.registry.InsuranceType.RESIDENT, null, null, "13912345678", null, null), clerk);
            fields.put("changeItem", "联系电话");
            fields.put("valueBefore", "13912345678");
            fields.put("valueAfter", "13700001111");
        }
        return desk.cases().create(new NewCase(itemNo, a, fields, m, null, null, null), clerk);
    }

    /** A step; 审核 and 复核 of paying items carry the amount they decide (1234.50, D87). */
    static CaseView act(Desk desk, String caseNo, CaseAction action, Actor actor) {
        ServiceItem item = desk.catalog().item(desk.cases().show(caseNo, null).summary().itemNo());
        boolean money = org.ybdesk.core.lifecycle.Lifecycle.decidesAmountAtReview(item)
                && (action == CaseAction.REVIEW || action == CaseAction.RECHECK);
        return desk.cases().act(caseNo, money ? Command.withAmount(action, org.ybdesk.core.money.Money.ofFen(123_450))
                : Command.of(action), null, actor);
    }

    static CaseView act(Desk desk, String caseNo, CaseAction action, List<String> reasons, Actor actor) {
        return desk.cases().act(caseNo, Command.withReasons(action, reasons), null, actor);
    }
}
