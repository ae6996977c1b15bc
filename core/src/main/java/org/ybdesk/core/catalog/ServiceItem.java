package org.ybdesk.core.catalog;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One of the 28 service items of the provincial operating rules, as data.
 *
 * @param filingValidityMonths for out-of-area filings (11–15): how long a filing is valid from its start date;
 *                             null for long-term filings, valid until changed or cancelled (docs/DECISIONS.md)
 * @param paymentKind          for items with a payment step: what the payment is (reimbursement, allowance,
 *                             subsidy, withdrawal, settlement); null for items that pay nothing
 * @param statusLockMonths     for long-term out-of-area filings (11–13): how long after approval the person's filing
 *                             status may not change (「自审核通过之日起半年之内不允许变更状态」, D146); null otherwise
 * @param filingStartWindowMonths for out-of-area filings: how far before or after the application day the chosen
 *                             申请备案开始日期 may lie (D145); null for other items
 */
public record ServiceItem(
        int no,
        String code,
        ItemGroup group,
        String mainName,
        String name,
        String description,
        List<String> serviceObjects,
        ApplicantKind applicantKind,
        CaseType caseType,
        TimeLimit timeLimit,
        FlowVariant flow,
        List<Stage> stages,
        List<String> conditions,
        List<LegalBasis> legalBasis,
        List<String> channels,
        List<MaterialSpec> materials,
        List<Integer> referenceForms,
        List<FieldSpec> requiredFields,
        List<ProcessStep> process,
        MessageTemplates messages,
        RiskLevel riskLevel,
        List<RiskPoint> riskPoints,
        Integer filingValidityMonths,
        PaymentKind paymentKind,
        Integer statusLockMonths,
        Integer filingStartWindowMonths) {

    public ServiceItem {
        serviceObjects = copy(serviceObjects);
        stages = copy(stages);
        conditions = copy(conditions);
        legalBasis = copy(legalBasis);
        channels = copy(channels);
        materials = copy(materials);
        referenceForms = copy(referenceForms);
        requiredFields = copy(requiredFields);
        process = copy(process);
        riskPoints = copy(riskPoints);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /**
     * The required-field labels exactly as the rulebook prints them (fields taken from a reference table, see
     * {@link FieldSpec#fromForm()}, are not among them).
     */
    public List<String> requiredFieldLabels() {
        return requiredFields.stream().filter(f -> f.fromForm() == null).map(FieldSpec::label).toList();
    }

    /** All leaf fields (parts of composite fields, and plain fields). */
    public Stream<FieldSpec> leafFields() {
        return requiredFields.stream().flatMap(f -> f.composite() ? f.parts().stream() : Stream.of(f));
    }

    public Optional<FieldSpec> field(String key) {
        return Stream.concat(requiredFields.stream(), leafFields()).filter(f -> f.key().equals(key)).findFirst();
    }

    /** 主项 — 子项, e.g. 「基本医疗保险参保和变更登记 — 单位参保登记」. */
    public String fullName() {
        return mainName.equals(name) ? name : mainName + " — " + name;
    }
}
