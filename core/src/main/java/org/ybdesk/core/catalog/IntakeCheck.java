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
 * validators. Returns the values normalized (dates ISO, IDs upper-case, amounts in yuan with two decimals) and every
 * problem at once, each naming the field by its rulebook label.
 */
public final class IntakeCheck {
    private static final Messages TEXT = Messages.bundle("org.ybdesk.core.catalog.messages");

    /** Normalized values and problems; {@link #ok()} when there are none. */
    public record Result(Map<String, String> values, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private IntakeCheck() {
    }

    /** Checks {@code values} (keyed by leaf field key) for {@code item}. Unknown keys are problems too. */
    public static Result check(ServiceItem item, Map<String, String> values) {
        return check(item, values, java.util.Set.of());
    }

    /**
     * As {@link #check(ServiceItem, Map)}, but an empty field whose key is in {@code refusedElsewhere} is not
     * reported as missing: its value was refused already (e.g. the applicant's name it is filled from), and
     * 「请填写」 would send the clerk the wrong way.
     */
    public static Result check(ServiceItem item, Map<String, String> values, java.util.Set<String> refusedElsewhere) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        values = withDefaults(item, values);
        for (String key : values.keySet()) {
            if (item.leafFields().noneMatch(f -> f.key().equals(key))) {
                problems.add(TEXT.get("field.unknown", InputHygiene.visible(key), item.name()));
            }
        }
        for (FieldSpec f : item.requiredFields()) {
            if (f.composite()) {
                IdType idType = idTypeOf(f.parts(), values).orElse(null);
                for (FieldSpec p : f.parts()) {
                    checkLeaf(item, p, f.label() + "·" + p.label(), values.get(p.key()), idType, out, problems,
                            refusedElsewhere, p.requiredFor(values));
                }
            } else {
                IdType idType = idTypeOf(item.requiredFields(), values).orElse(null);
                checkLeaf(item, f, f.label(), values.get(f.key()), idType, out, problems, refusedElsewhere,
                        f.requiredFor(values));
            }
        }
        return new Result(out, problems);
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
            if (required && received.getOrDefault(m.no(), MaterialStatus.MISSING) == MaterialStatus.MISSING) {
                out.add(m);
            }
        });
        return out;
    }

    /** True when not one of the item's materials is received: such an application is never accepted. */
    public static boolean noneReceived(ServiceItem item, Map<Integer, MaterialStatus> received) {
        return !item.materials().isEmpty() && item.materials().stream()
                .allMatch(m -> received.getOrDefault(m.no(), MaterialStatus.MISSING) == MaterialStatus.MISSING);
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
                                  Map<String, String> out, List<String> problems, java.util.Set<String> refusedElsewhere,
                                  boolean required) {
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
        String normalized = v;
        switch (f.type()) {
            case ID_NUMBER -> {
                normalized = Validators.normalizeId(v);
                found.addAll(Validators.idNumber(idType == null ? IdType.RESIDENT_ID : idType, normalized));
            }
            case CREDIT_CODE -> {
                normalized = v.toUpperCase();
                found.addAll(Validators.creditCode(normalized));
            }
            case PHONE -> found.addAll(Validators.landlineOrMobile(v));
            case BANK_ACCOUNT -> {
                normalized = v.replace(" ", "");
                found.addAll(Validators.bankAccount(normalized, item.applicantKind() != ApplicantKind.PERSON));
            }
            case ADMIN_DIVISION -> found.addAll(Validators.adminDivision(v));
            case POSTAL_CODE -> found.addAll(Validators.postalCode(v));
            case DATE -> {
                InputHygiene.DateResult d = InputHygiene.date(label, v);
                if (!d.ok()) {
                    problems.addAll(d.problems());
                    return;
                }
                normalized = d.date().toString();
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
        out.put(f.key(), normalized);
    }

    /**
     * Dates as a person types them: 2026-11-25, 2026/11/25, 2026.11.25, 20261125, 2026年11月25日; strictly, so a day
     * that does not exist (2026-02-30, 20260230) is empty, never moved to a nearby day.
     */
    public static Optional<LocalDate> parseDate(String text) {
        return text == null ? Optional.empty() : InputHygiene.parseDate(text);
    }
}
