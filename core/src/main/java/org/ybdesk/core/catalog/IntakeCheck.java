package org.ybdesk.core.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ybdesk.core.i18n.Messages;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;

/**
 * Checks the intake values of a case against its item's required fields: presence, type, options and the format
 * validators. Returns the values normalized (dates ISO, IDs upper-case, amounts in yuan with two decimals), every
 * problem at once (the case is refused until they are fixed) and every warning (something unusual the clerk must
 * confirm before the case is recorded: a bank card failing Luhn, an unknown or abolished admin-division code, a birth
 * date before 1900; D94–D96), each naming the field by its rulebook label.
 */
public final class IntakeCheck {
    private static final Messages TEXT = Messages.bundle("org.ybdesk.core.catalog.messages");

    /** Normalized values, problems and warnings; {@link #ok()} when there are no problems. */
    public record Result(Map<String, String> values, List<String> problems, List<String> warnings) {
        public Result {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }

        /** Without warnings. */
        public Result(Map<String, String> values, List<String> problems) {
            this(values, problems, List.of());
        }

        /** No problems (there may be warnings to confirm). */
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private IntakeCheck() {
    }

    /** Checks {@code values} (keyed by leaf field key) for {@code item} as of {@code today} (the caller's Clock). */
    public static Result check(ServiceItem item, Map<String, String> values, LocalDate today) {
        return check(item, values, java.util.Set.of(), today);
    }

    /**
     * Checks {@code values} (keyed by leaf field key) for {@code item}; unknown keys are problems too. An empty field
     * whose key is in {@code refusedElsewhere} is not reported as missing: its value was refused already (e.g. the
     * applicant's name it is filled from), and 「请填写」 would send the clerk the wrong way. {@code today} is the
     * caller's day from its Clock (birth dates may not be after it).
     */
    public static Result check(ServiceItem item, Map<String, String> values, java.util.Set<String> refusedElsewhere,
                               LocalDate today) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        values = withDefaults(item, values);
        List<String> warnings = new ArrayList<>();
        Leaf leaf = new Leaf(item, out, problems, warnings, refusedElsewhere, today);
        for (String key : values.keySet()) {
            if (item.leafFields().noneMatch(f -> f.key().equals(key))) {
                problems.add(TEXT.get("field.unknown", InputHygiene.visible(key), item.name()));
            }
        }
        for (FieldSpec f : item.requiredFields()) {
            if (f.composite()) {
                IdType idType = idTypeOf(f.parts(), values).orElse(null);
                for (FieldSpec p : f.parts()) {
                    leaf.check(p, f.label() + "·" + p.label(), values.get(p.key()), idType, p.requiredFor(values));
                }
            } else {
                IdType idType = idTypeOf(item.requiredFields(), values).orElse(null);
                leaf.check(f, f.label(), values.get(f.key()), idType, f.requiredFor(values));
            }
        }
        return new Result(out, problems, warnings);
    }

    /** What one check collects into. */
    private record Leaf(ServiceItem item, Map<String, String> out, List<String> problems, List<String> warnings,
                        java.util.Set<String> refusedElsewhere, LocalDate today) {
        void check(FieldSpec f, String label, String raw, IdType idType, boolean required) {
            checkLeaf(item, f, label, raw, idType, out, problems, warnings, refusedElsewhere, today, required);
        }
    }

    /** The values with each empty field that has a {@code defaultValue} set to it. */
    public static Map<String, String> withDefaults(ServiceItem item, Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>(values);
        item.leafFields().filter(f -> f.defaultValue() != null).forEach(f -> {
            String given = v.get(f.key());
            if (given == null || given.isBlank()) {
                v.put(f.key(), f.defaultValue());
            }
        });
        return v;
    }

    // ------------------------------------------------------------------------------------------------ materials

    /**
     * Whether each of the item's materials is required before 受理 given the intake values (one rule for every
     * item: {@link MaterialSpec#requiredFor}), in the catalog's order.
     */
    public static Map<MaterialSpec, Boolean> materialNeeds(ServiceItem item, Map<String, String> values) {
        Map<String, String> v = withDefaults(item, values == null ? Map.of() : values);
        Map<MaterialSpec, Boolean> out = new LinkedHashMap<>();
        for (MaterialSpec m : item.materials()) {
            out.put(m, m.requiredFor(v));
        }
        return out;
    }

    /** The materials required by the values that are not received. */
    public static List<MaterialSpec> missingRequired(ServiceItem item, Map<String, String> values,
                                                     Map<Integer, MaterialStatus> received) {
        List<MaterialSpec> out = new ArrayList<>();
        materialNeeds(item, values).forEach((m, required) -> {
            if (received.getOrDefault(m.no(), MaterialStatus.MISSING).blocksAcceptance(required)) {
                out.add(m);
            }
        });
        return out;
    }

    /** True when not one of the item's materials is received: such an application is never accepted. */
    public static boolean noneReceived(ServiceItem item, Map<Integer, MaterialStatus> received) {
        return !item.materials().isEmpty() && item.materials().stream()
                .noneMatch(m -> received.getOrDefault(m.no(), MaterialStatus.MISSING).received());
    }

    /**
     * Every reason the materials block 受理, at once, in Chinese: each required material not received (named with
     * its number and, for a value-dependent one, the value that requires it), and — when nothing at all is
     * received — that an application without any material cannot be accepted.
     */
    public static List<String> materialProblems(ServiceItem item, Map<String, String> values,
                                                Map<Integer, MaterialStatus> received) {
        List<String> problems = new ArrayList<>();
        List<MaterialSpec> missing = missingRequired(item, values, received);
        if (!missing.isEmpty()) {
            problems.add(TEXT.get("material.missingRequired", String.join("；",
                    missing.stream().map(m -> describe(m)).toList())));
        }
        if (noneReceived(item, received)) {
            problems.add(TEXT.get("material.noneReceived", item.name()));
        }
        return problems;
    }

    /** 「1. 名称」, with 「（在职职工）」 after a material that the values made required. */
    public static String describe(MaterialSpec m) {
        String base = m.no() + ". " + m.name();
        return m.requiredWhen() != null && m.condition() != null
                ? TEXT.get("material.describe.conditional", base, m.condition()) : base;
    }

    /** The ID type chosen in a sibling 证件类型 field, if any. */
    private static Optional<IdType> idTypeOf(List<FieldSpec> siblings, Map<String, String> values) {
        return siblings.stream().filter(s -> s.label().contains(TEXT.get("lexicon.idTypeLabel")) && !s.composite())
                .map(s -> values.get(s.key())).filter(v -> v != null && !v.isBlank())
                .findFirst().flatMap(v -> IdType.fromLabel(v.trim()));
    }

    private static void checkLeaf(ServiceItem item, FieldSpec f, String label, String raw, IdType idType,
                                  Map<String, String> out, List<String> problems, List<String> warnings,
                                  java.util.Set<String> refusedElsewhere, LocalDate today, boolean required) {
        List<String> flaws = InputHygiene.line(label, raw, FieldLimits.INTAKE_FIELD);
        if (!flaws.isEmpty()) {
            problems.addAll(flaws);
            return;
        }
        String v = raw == null ? "" : InputHygiene.tidy(raw);
        if (v.isEmpty()) {
            if (required && !refusedElsewhere.contains(f.key())) {
                problems.add(TEXT.get("field.missing", label));
            }
            return;
        }
        List<String> found = new ArrayList<>();
        List<String> unusual = new ArrayList<>();
        String normalized = v;
        switch (f.type()) {
            case ID_NUMBER -> {
                normalized = Validators.normalizeId(v);
                IdType t = idType == null ? IdType.RESIDENT_ID : idType;
                found.addAll(Validators.idNumber(t, normalized, today));
                unusual.addAll(Validators.idNumberWarnings(t, normalized, today));
            }
            case CREDIT_CODE -> {
                normalized = v.toUpperCase();
                found.addAll(Validators.creditCode(normalized));
            }
            case PHONE -> found.addAll(Validators.landlineOrMobile(v));
            case BANK_ACCOUNT -> {
                normalized = v.replace(" ", "");
                boolean corporate = item.applicantKind() != ApplicantKind.PERSON;
                found.addAll(Validators.bankAccount(normalized, corporate));
                unusual.addAll(Validators.bankAccountWarnings(normalized, corporate));
            }
            case ADMIN_DIVISION -> {
                normalized = Validators.normalizeId(v);
                found.addAll(Validators.adminDivision(v));
                unusual.addAll(Validators.adminDivisionWarnings(v));
            }
            case POSTAL_CODE -> found.addAll(Validators.postalCode(v));
            case DATE -> {
                InputHygiene.DateResult d = InputHygiene.date(label, v);
                if (!d.ok()) {
                    problems.addAll(d.problems());
                    return;
                }
                normalized = d.date().toString();
                if (isBirthDate(f)) {
                    problems.addAll(Validators.birthDate(label, d.date(), today));
                    warnings.addAll(Validators.birthDateWarnings(label, d.date()));
                }
            }
            case PERIOD -> {
                String[] ends = v.split(TEXT.get("lexicon.periodSeparators"));
                Optional<LocalDate> a = ends.length == 2 ? parseDate(ends[0]) : Optional.empty();
                Optional<LocalDate> b = ends.length == 2 ? parseDate(ends[1]) : Optional.empty();
                if (a.isEmpty() || b.isEmpty()) {
                    found.add(TEXT.get("field.period"));
                } else if (b.get().isBefore(a.get())) {
                    found.add(TEXT.get("field.period.order"));
                } else {
                    normalized = TEXT.get("field.period.format", a.get().toString(), b.get().toString());
                }
            }
            case MONEY -> {
                Optional<Money> m = Money.parseYuan(v);
                if (m.isEmpty() || m.get().isNegative()) {
                    found.add(TEXT.get("field.money"));
                } else {
                    normalized = m.get().toYuanString();
                }
            }
            case INTEGER -> {
                if (!v.matches("\\d{1,9}")) {
                    found.add(TEXT.get("field.integer"));
                }
            }
            case CHOICE -> {
                if (!f.options().isEmpty() && !f.options().contains(v)) {
                    found.add(TEXT.get("field.choice", Messages.joinList(f.options())));
                }
            }
            case BOOLEAN -> {
                String yes = TEXT.get("lexicon.yes");
                String no = TEXT.get("lexicon.no");
                String lower = v.toLowerCase();
                String b = lower.equals(yes) || List.of("y", "yes", "true", "1").contains(lower) ? yes
                        : lower.equals(no) || List.of("n", "no", "false", "0").contains(lower) ? no : null;
                if (b == null) {
                    found.add(TEXT.get("field.boolean"));
                } else {
                    normalized = b;
                }
            }
            case NAME -> {
                if (v.length() > 50 || v.matches(".*\\d.*")) {
                    found.add(TEXT.get("field.name"));
                }
            }
            case TEXT, ADDRESS -> {
                if (v.length() > 500) {
                    found.add(TEXT.get("field.tooLong", "500"));
                }
            }
        }
        for (String p : found) {
            problems.add(TEXT.get("field.problem", label, p));
        }
        for (String w : unusual) {
            warnings.add(TEXT.get("field.problem", label, w));
        }
        out.put(f.key(), normalized);
    }

    /** A date field that holds someone's birth date (出生日期). */
    private static boolean isBirthDate(FieldSpec f) {
        return f.key().equals("birthDate") || f.label().contains(TEXT.get("lexicon.birthDateLabel"));
    }

    /**
     * Dates as a person types them: 2026-11-25, 2026/11/25, 2026.11.25, 20261125, 2026年11月25日; strictly, so a day
     * that does not exist (2026-02-30, 20260230) is empty, never moved to a nearby day.
     */
    public static Optional<LocalDate> parseDate(String text) {
        return text == null ? Optional.empty() : InputHygiene.parseDate(text);
    }
}
