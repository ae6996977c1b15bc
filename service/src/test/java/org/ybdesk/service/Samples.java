package org.ybdesk.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.validation.Validators;

/** Valid sample values for tests: IDs and credit codes with correct check characters, intake fields by type. */
final class Samples {
    private static final AtomicInteger SEQ = new AtomicInteger(100);

    /** Keys CaseService fills from the applicant's identity. */
    static final java.util.Set<String> PERSON_PREFILLED = java.util.Set.of("name", "insuredName", "idType",
            "idNumber", "phone");
    static final java.util.Set<String> UNIT_PREFILLED = java.util.Set.of("creditCode", "creditCodeOrUnitCode",
            "unitName", "institutionName", "pharmacyName");

    private Samples() {
    }

    /** A valid resident ID: Harbin Daoli district, born on the given date (yyyyMMdd), odd sequence = male. */
    static String residentId(String birth, boolean male) {
        int seq = SEQ.incrementAndGet() % 500 * 2 + (male ? 1 : 0);
        String first17 = "230102" + birth + String.format("%03d", seq);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String residentId() {
        return residentId("19800101", true);
    }

    /** A valid unified social credit code of an enterprise (91) registered in 230102. */
    static String creditCode() {
        String org = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = "91230102" + org + "X";
        first17 = first17.substring(0, 17);
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    /** A 19-digit UnionPay card number with a valid Luhn digit. */
    static String bankCard() {
        String payload = "621700000000" + String.format("%06d", SEQ.incrementAndGet());
        return payload + Validators.luhnCheckDigit(payload);
    }

    /** A valid value for every required leaf field of the item that is not already given. */
    static Map<String, String> fields(ServiceItem item, Map<String, String> given) {
        Map<String, String> f = new LinkedHashMap<>(given);
        var prefilled = item.applicantKind() == org.ybdesk.core.catalog.ApplicantKind.PERSON ? PERSON_PREFILLED
                : UNIT_PREFILLED;
        // fields the rulebook requires; optional ones (表 fields, 户名) stay empty unless a test gives them
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
}
