package org.ybdesk.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;

/** Valid cases made through the services as the window makes them (as desk-app's CaseTestData). */
final class CaseData {
    private static final AtomicInteger SEQ = new AtomicInteger((int) (System.nanoTime() % 400));
    private static final Set<String> PERSON_PREFILLED = Set.of("name", "insuredName", "idType", "idNumber", "phone");
    private static final Set<String> UNIT_PREFILLED = Set.of("creditCode", "creditCodeOrUnitCode", "unitName",
            "institutionName", "pharmacyName");

    private CaseData() {
    }

    static String creditCode() {
        String org = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = ("91230102" + org + "X").substring(0, 17);
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    static String value(FieldSpec spec) {
        return switch (spec.type()) {
            case TEXT -> "测试内容";
            case ADDRESS -> "哈尔滨市道里区中央大街1号";
            case NAME -> "王五";
            case ID_NUMBER -> DeskFixture.residentId("19750505");
            case CREDIT_CODE -> creditCode();
            case PHONE -> "13812345678";
            case BANK_ACCOUNT -> {
                String payload = "621700000000" + String.format("%06d", SEQ.incrementAndGet());
                yield payload + Validators.luhnCheckDigit(payload);
            }
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

    /** Takes in an application (state 待受理) for item {@code itemNo} from a person with ID {@code idNumber}. */
    static CaseView create(Desk desk, int itemNo, String name, String idNumber, Actor clerk) {
        return desk.cases().create(newCase(desk, itemNo, name, idNumber), clerk);
    }

    /** The application {@link #create} takes in: every field of the item filled, every material on paper. */
    static NewCase newCase(Desk desk, int itemNo, String name, String idNumber) {
        ServiceItem item = desk.catalog().item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        Map<String, String> f = new LinkedHashMap<>();
        Set<String> prefilled = item.applicantKind() == ApplicantKind.PERSON ? PERSON_PREFILLED : UNIT_PREFILLED;
        item.leafFields().filter(spec -> !prefilled.contains(spec.key())).forEach(spec -> f.putIfAbsent(spec.key(),
                value(spec)));
        Applicant a = item.applicantKind() == ApplicantKind.PERSON
                ? new Applicant(IdType.RESIDENT_ID, idNumber, name, "13912345678")
                : new Applicant(null, creditCode(), name, "0451-84660000");
        return new NewCase(itemNo, a, f, m, null, null, null);
    }
}
