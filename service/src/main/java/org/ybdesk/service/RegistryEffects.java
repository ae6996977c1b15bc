package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.catalog.IntakeCheck;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.registry.PersonCategory;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.core.casefile.CaseFile;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;

/**
 * What closing (办结) a registration or change case does to the registry, variant by variant (items 1–6), and what
 * the registry must look like for the variant to be possible at all. {@link #problems} is asked at 受理 (so an
 * impossible variant is refused there, with what is wrong) and again at 办结 inside the closing transaction;
 * {@link #apply} runs in that transaction before the outcome message is written, and records every change in the
 * audit log with its before and after (D90–D92).
 *
 * <p>The variants are the catalog's option labels (item 1 登记类型, item 2 变更类别 with the wording of 表2, item 3
 * 业务类型 of 表3, items 5/6 变更项目); a label this class does not know is a catalog error and refuses the step.
 */
final class RegistryEffects {
    /**
     * The variants and change fields the catalog offers, by their option label (the catalog's data, read from the
     * lexicon of the bundle: item 1 登记类型, item 2 变更类别 with 表2's words, item 3 业务类型 of 表3, items 5/6
     * 变更项目). A label no constant has is a catalog error, refused with {@code registry.variant.unknown}.
     */
    enum Option {
        UNIT_NEW, UNIT_SUSPEND, UNIT_CANCEL, UNIT_SUCCESSION,
        EMP_ADD, RES_ADD, SUSPEND, TERMINATE, RESUME, RETIRE, MOVE_WITHIN_POOL,
        CH_NAME, CH_GENDER, CH_ID, CH_BIRTH, CH_PHONE, CH_HOUSEHOLD, CH_LIVING, CH_OTHER;

        String label() {
            return Texts.get("lexicon.option." + name());
        }

        /** The option whose label is {@code text}, among {@code among}. */
        static Optional<Option> of(String text, java.util.Set<Option> among) {
            String t = text == null ? "" : text.trim();
            return among.stream().filter(o -> o.label().equals(t)).findFirst();
        }
    }

    private static final java.util.Set<Option> UNIT_TYPES = java.util.EnumSet.range(Option.UNIT_NEW,
            Option.UNIT_SUCCESSION);
    private static final java.util.Set<Option> PERSON_VARIANTS = java.util.EnumSet.range(Option.EMP_ADD,
            Option.MOVE_WITHIN_POOL);
    private static final java.util.Set<Option> CHANGE_FIELDS = java.util.EnumSet.range(Option.CH_NAME,
            Option.CH_OTHER);

    private final Desk desk;

    RegistryEffects(Desk desk) {
        this.desk = desk;
    }

    /** Whether the item changes the registry when it closes. */
    static boolean affects(ServiceItem item) {
        return item.no() >= 1 && item.no() <= 6;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** Every reason the case's variant cannot take effect on the registry as it is now; empty when it can. */
    List<String> problems(DSLContext tx, CaseFile c, ServiceItem item, Map<String, String> given) {
        if (!affects(item)) {
            return List.of();
        }
        Map<String, String> f = IntakeCheck.withDefaults(item, given);
        List<String> out = new ArrayList<>();
        switch (item.no()) {
            case 1 -> unitRegistrationProblems(tx, c, f, out);
            case 2 -> personRegistrationProblems(tx, c, f, InsuranceType.EMPLOYEE, f.get("changeType"), out);
            case 3 -> personRegistrationProblems(tx, c, f, InsuranceType.RESIDENT, f.get("businessType"), out);
            case 4 -> {
                UnitRecord u = unit(tx, unitCode(c.applicant().idNumber(), f));
                if (u == null) {
                    out.add(Texts.get("registry.unit.notRegistered", unitCode(c.applicant().idNumber(), f), item.name()));
                } else if (status(u) == InsuredStatus.TERMINATED) {
                    out.add(Texts.get("registry.unit.terminated", u.getCreditCode(), u.getName(), item.name()));
                }
            }
            case 5 -> personChangeProblems(tx, c, f, InsuranceType.EMPLOYEE, item, out);
            case 6 -> personChangeProblems(tx, c, f, InsuranceType.RESIDENT, item, out);
            default -> {
            }
        }
        return out;
    }

    private void unitRegistrationProblems(DSLContext tx, CaseFile c, Map<String, String> f, List<String> out) {
        String type = f.getOrDefault("registrationType", "");
        String code = c.applicant().idNumber();
        UnitRecord u = unit(tx, code);
        Optional<Option> variant = Option.of(type, UNIT_TYPES);
        if (variant.isEmpty()) {
            out.add(Texts.get("registry.variant.unknown", type, label(c.item(), "registrationType")));
            return;
        }
        switch (variant.get()) {
            case UNIT_NEW -> {
                if (u != null && status(u) == InsuredStatus.INSURED) {
                    out.add(Texts.get("registry.unit.alreadyInsured", code, u.getName()));
                }
            }
            case UNIT_SUSPEND -> {
                if (u == null) {
                    out.add(Texts.get("registry.unit.notRegisteredFor", code, type));
                } else if (status(u) != InsuredStatus.INSURED) {
                    out.add(Texts.get("registry.unit.notInsuredFor", code, u.getName(), status(u).label(), type));
                }
            }
            case UNIT_CANCEL -> {
                if (u == null) {
                    out.add(Texts.get("registry.unit.notRegisteredFor", code, type));
                } else if (status(u) == InsuredStatus.TERMINATED) {
                    out.add(Texts.get("registry.unit.alreadyCancelled", code, u.getName()));
                }
            }
            case UNIT_SUCCESSION -> {
                String former = f.getOrDefault("formerCreditCode", "").trim().toUpperCase();
                UnitRecord p = former.isEmpty() ? null : unit(tx, former);
                if (former.isEmpty()) {
                    out.add(Texts.get("registry.succession.formerMissing"));
                } else if (former.equals(code)) {
                    out.add(Texts.get("registry.succession.same", code));
                } else if (p == null) {
                    out.add(Texts.get("registry.succession.formerUnknown", former));
                } else if (status(p) == InsuredStatus.TERMINATED) {
                    out.add(Texts.get("registry.succession.formerCancelled", former, p.getName()));
                }
                if (u != null && status(u) == InsuredStatus.TERMINATED) {
                    out.add(Texts.get("registry.unit.terminated", code, u.getName(), type));
                }
            }
            default -> throw new IllegalStateException(variant.get().name());
        }
    }

    private void personRegistrationProblems(DSLContext tx, CaseFile c, Map<String, String> f,
                                            InsuranceType insurance, String variant, List<String> out) {
        String id = c.applicant().idNumber();
        PersonRecord p = person(tx, id);
        String v = variant == null ? "" : variant.trim();
        boolean employee = insurance == InsuranceType.EMPLOYEE;
        Optional<Option> o = Option.of(v, PERSON_VARIANTS);
        boolean ownWord = o.isPresent() && (employee ? o.get() != Option.RES_ADD
                : o.get() != Option.EMP_ADD && o.get() != Option.RETIRE && o.get() != Option.MOVE_WITHIN_POOL);
        if (!ownWord) {
            out.add(Texts.get("registry.variant.unknown", v, label(c.item(), employee ? "changeType" : "businessType")));
            return;
        }
        switch (o.get()) {
            case EMP_ADD, RES_ADD -> {
                if (p != null && status(p) != InsuredStatus.TERMINATED) {
                    out.add(Texts.get(status(p) == InsuredStatus.SUSPENDED ? "registry.person.suspendedUseResume"
                                    : "registry.person.alreadyInsured", c.applicant().name(), mask(id),
                            type(p).label(), status(p).label()));
                }
            }
            default -> {
                Option x = o.get();
                if (p == null) {
                    out.add(Texts.get("registry.person.notRegisteredFor", c.applicant().name(), mask(id), v));
                    return;
                }
                if (type(p) != insurance) {
                    out.add(Texts.get("registry.person.otherInsurance", c.applicant().name(), type(p).label(), v,
                            insurance.label()));
                    return;
                }
                InsuredStatus s = status(p);
                boolean ok = switch (x) {
                    case SUSPEND, RETIRE, MOVE_WITHIN_POOL -> s == InsuredStatus.INSURED;
                    case TERMINATE -> s != InsuredStatus.TERMINATED;
                    default -> s == InsuredStatus.SUSPENDED; // RESUME
                };
                if (!ok) {
                    out.add(Texts.get(x == Option.RESUME ? "registry.person.notSuspended" : "registry.person.statusFor",
                            c.applicant().name(), s.label(), v));
                }
                if (x == Option.RETIRE && ok && PersonCategory.RETIRED.name().equals(p.getPersonCategory())) {
                    out.add(Texts.get("registry.person.alreadyRetired", c.applicant().name()));
                }
                if (x == Option.MOVE_WITHIN_POOL && ok) {
                    String code = f.getOrDefault("creditCodeOrUnitCode", "").trim().toUpperCase();
                    UnitRecord u = code.isEmpty() ? null : unit(tx, code);
                    if (u == null) {
                        out.add(Texts.get("registry.move.unitUnknown",
                                code.isEmpty() ? Texts.get("registry.move.noCode") : code));
                    } else if (status(u) != InsuredStatus.INSURED) {
                        out.add(Texts.get("registry.move.unitNotInsured", code, u.getName(), status(u).label()));
                    } else if (Objects.equals(u.getId(), p.getUnitId())) {
                        out.add(Texts.get("registry.move.sameUnit", c.applicant().name(), u.getName()));
                    }
                }
            }
        }
    }

    private void personChangeProblems(DSLContext tx, CaseFile c, Map<String, String> f,
                                      InsuranceType insurance, ServiceItem item, List<String> out) {
        String id = c.applicant().idNumber();
        PersonRecord p = person(tx, id);
        if (p == null) {
            out.add(Texts.get("registry.person.notRegisteredChange", c.applicant().name(), mask(id), item.name()));
            return;
        }
        if (type(p) != insurance) {
            out.add(Texts.get("registry.person.otherInsurance", c.applicant().name(), type(p).label(), item.name(),
                    insurance.label()));
            return;
        }
        if (status(p) == InsuredStatus.TERMINATED) {
            out.add(Texts.get("registry.person.terminatedChange", c.applicant().name(), item.name()));
        }
        String what = f.getOrDefault("changeItem", "");
        String before = f.getOrDefault("valueBefore", "").trim();
        String after = f.getOrDefault("valueAfter", "").trim();
        Optional<Option> field = Option.of(what, CHANGE_FIELDS);
        if (field.isEmpty()) {
            out.add(Texts.get("registry.variant.unknown", what, label(c.item(), "changeItem")));
            return;
        }
        if (field.get() == Option.CH_OTHER) {
            return;
        }
        String current = currentValue(p, field.get());
        if (!current.isEmpty() && !same(field.get(), current, before)) {
            out.add(Texts.get("registry.change.beforeDiffers", what, current, before));
        }
        if (same(field.get(), current, after)) {
            out.add(Texts.get("registry.change.noChange", what, after));
        }
        out.addAll(afterProblems(tx, p, field.get(), what, after));
    }

    /** Whether the new value is valid for the registry field it goes into. */
    private List<String> afterProblems(DSLContext tx, PersonRecord p, Option field, String what, String after) {
        List<String> out = new ArrayList<>();
        String label = Texts.get("registry.change.afterLabel", what);
        switch (field) {
            case CH_NAME -> {
                out.addAll(InputHygiene.line(label, after, org.ybdesk.core.validation.FieldLimits.PERSON_NAME));
                if (out.isEmpty() && (after.length() > 50 || after.matches(".*\\d.*"))) {
                    out.add(Texts.get("registry.change.badName", after));
                }
            }
            case CH_GENDER -> {
                if (gender(after).isEmpty()) {
                    out.add(Texts.get("registry.change.badGender", after));
                }
            }
            case CH_ID -> {
                String id = Validators.normalizeId(after);
                Validators.idNumber(IdType.valueOf(p.getIdType()), id, desk.today())
                        .forEach(x -> out.add(Texts.get("field.problem", label, x)));
                if (out.isEmpty() && tx.fetchExists(PERSON, PERSON.ID_NUMBER.eq(id), PERSON.ID.ne(p.getId()))) {
                    out.add(Texts.get("registry.change.idTaken", id));
                }
            }
            case CH_BIRTH -> {
                InputHygiene.DateResult d = InputHygiene.date(label, after);
                if (!d.ok()) {
                    out.addAll(d.problems());
                } else if (d.date().isAfter(desk.today())) {
                    out.add(Texts.get("registry.change.birthFuture", d.date().toString()));
                }
            }
            case CH_PHONE -> Validators.landlineOrMobile(after).forEach(x -> out.add(Texts.get("field.problem", label, x)));
            case CH_HOUSEHOLD, CH_LIVING -> out.addAll(InputHygiene.line(label, after,
                    org.ybdesk.core.validation.FieldLimits.ADDRESS));
            default -> {
            }
        }
        return out;
    }

    private static String currentValue(PersonRecord p, Option what) {
        return switch (what) {
            case CH_NAME -> p.getName();
            case CH_GENDER -> p.getGender() == null ? "" : Gender.valueOf(p.getGender()).label();
            case CH_ID -> p.getIdNumber();
            case CH_BIRTH -> p.getBirthDate() == null ? "" : p.getBirthDate().toString();
            case CH_PHONE -> p.getPhone() == null ? "" : p.getPhone();
            case CH_HOUSEHOLD -> p.getHouseholdAddress() == null ? "" : p.getHouseholdAddress();
            case CH_LIVING -> p.getLivingAddress() == null ? "" : p.getLivingAddress();
            default -> "";
        };
    }

    /** Two values of a field compared as the field reads them (dates by day, IDs normalised, genders by label). */
    private static boolean same(Option what, String a, String b) {
        return switch (what) {
            case CH_BIRTH -> InputHygiene.parseDate(a).isPresent()
                    && InputHygiene.parseDate(a).equals(InputHygiene.parseDate(b));
            case CH_ID -> Validators.normalizeId(a).equals(Validators.normalizeId(b));
            case CH_GENDER -> gender(a).isPresent() && gender(a).equals(gender(b));
            case CH_PHONE -> a.replaceAll("[\\s-]", "").equals(b.replaceAll("[\\s-]", ""));
            default -> InputHygiene.tidy(a).equals(InputHygiene.tidy(b));
        };
    }

    private static Optional<Gender> gender(String text) {
        String t = text == null ? "" : text.trim();
        for (Gender g : Gender.values()) {
            if (g.label().equals(t) || g.name().equalsIgnoreCase(t)) {
                return Optional.of(g);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------------ effects

    /** Applies the closed case's variant to the registry and audits each changed record (before → after). */
    void apply(DSLContext tx, CaseFileRecord c, ServiceItem item, Map<String, String> given, Actor actor,
               OffsetDateTime now) {
        if (!affects(item)) {
            return;
        }
        // problems() was asked in the same transaction when the step was decided (CaseService.decide)
        Map<String, String> f = IntakeCheck.withDefaults(item, given);
        String ref = c.getCaseNo();
        switch (item.no()) {
            case 1 -> applyUnitRegistration(tx, c, f, actor, now, ref);
            case 2 -> applyPersonRegistration(tx, c, f, InsuranceType.EMPLOYEE, f.get("changeType"), actor, now, ref);
            case 3 -> applyPersonRegistration(tx, c, f, InsuranceType.RESIDENT, f.get("businessType"), actor, now, ref);
            case 4 -> {
                UnitRecord u = unit(tx, unitCode(c.getApplicantIdNumber(), f));
                Map<String, Object> before = unitAudit(u);
                u.setName(orKeep(f.get("unitName"), u.getName()));
                u.setAddress(orKeep(f.get("unitAddress"), u.getAddress()));
                u.setUnitType(orKeep(f.get("unitType"), u.getUnitType()));
                u.setBankName(orKeep(f.get("bankName"), u.getBankName()));
                u.setBankAccount(orKeep(f.get("bankAccountNumber"), u.getBankAccount()));
                u.setLegalRepName(orKeep(f.get("legalRepresentativeName"), u.getLegalRepName()));
                u.setLegalRepIdType(IdType.fromLabel(f.getOrDefault("legalRepresentativeIdType", ""))
                        .map(Enum::name).orElse(u.getLegalRepIdType()));
                u.setLegalRepIdNumber(orKeep(f.get("legalRepresentativeIdNumber"), u.getLegalRepIdNumber()));
                u.setLegalRepPhone(orKeep(f.get("legalRepresentativePhone"), u.getLegalRepPhone()));
                u.setContactName(orKeep(f.get("unitContactName"), u.getContactName()));
                u.setContactPhone(orKeep(f.get("unitContactPhone"), u.getContactPhone()));
                storeUnit(tx, u, before, "UNIT_CHANGE", actor, now, ref);
            }
            case 5, 6 -> applyPersonChange(tx, c, f, actor, now, ref);
            default -> {
            }
        }
    }

    private void applyUnitRegistration(DSLContext tx, CaseFileRecord c, Map<String, String> f, Actor actor,
                                       OffsetDateTime now, String ref) {
        Option type = Option.of(f.get("registrationType"), UNIT_TYPES).orElseThrow();
        String code = c.getApplicantIdNumber();
        UnitRecord u = unit(tx, code);
        switch (type) {
            case UNIT_NEW -> {
                if (u == null) {
                    registerUnit(tx, c, f, null, actor, now, ref);
                } else { // re-registration of a suspended or cancelled unit
                    Map<String, Object> before = unitAudit(u);
                    fillUnit(u, c, f);
                    u.setStatus(InsuredStatus.INSURED.name());
                    storeUnit(tx, u, before, "UNIT_STATUS", actor, now, ref);
                    c.setUnitId(u.getId());
                }
            }
            case UNIT_SUSPEND, UNIT_CANCEL -> {
                Map<String, Object> before = unitAudit(u);
                u.setStatus((type == Option.UNIT_SUSPEND ? InsuredStatus.SUSPENDED : InsuredStatus.TERMINATED).name());
                storeUnit(tx, u, before, "UNIT_STATUS", actor, now, ref);
                c.setUnitId(u.getId());
            }
            case UNIT_SUCCESSION -> {
                String former = f.get("formerCreditCode").trim().toUpperCase();
                if (u == null) {
                    u = registerUnit(tx, c, f, former, actor, now, ref);
                } else {
                    Map<String, Object> before = unitAudit(u);
                    fillUnit(u, c, f);
                    u.setStatus(InsuredStatus.INSURED.name());
                    u.setPredecessorCreditCode(former);
                    storeUnit(tx, u, before, "UNIT_SUCCESSION", actor, now, ref);
                    c.setUnitId(u.getId());
                }
                UnitRecord p = unit(tx, former);
                Map<String, Object> before = unitAudit(p);
                p.setSuccessorCreditCode(code);
                storeUnit(tx, p, before, "UNIT_SUCCESSION", actor, now, ref);
            }
            default -> throw new IllegalStateException("checked in problems(): " + type);
        }
        c.update();
    }

    private UnitRecord registerUnit(DSLContext tx, CaseFileRecord c, Map<String, String> f, String predecessor,
                                    Actor actor, OffsetDateTime now, String ref) {
        UnitRecord u = tx.newRecord(UNIT);
        u.setCreditCode(c.getApplicantIdNumber());
        fillUnit(u, c, f);
        u.setStatus(InsuredStatus.INSURED.name());
        u.setPredecessorCreditCode(predecessor);
        u.setCreatedAt(now);
        u.setUpdatedAt(now);
        u.store();
        c.setUnitId(u.getId());
        Map<String, Object> after = unitAudit(u);
        after.put("caseNo", ref);
        desk.audited().record(tx, actor, now, "UNIT_REGISTER", "UNIT", u.getCreditCode(), null, after,
                RegistryService.unitRegistered(u, Backfills.occurredAt(c), Backfills.of(c)));
        return u;
    }

    private static void fillUnit(UnitRecord u, CaseFileRecord c, Map<String, String> f) {
        u.setName(c.getApplicantName());
        u.setUnitType(orKeep(f.get("unitNature"), u.getUnitType()));
        u.setAddress(orKeep(f.get("mailingAddress"), u.getAddress()));
        u.setLegalRepName(orKeep(f.get("legalRepresentativeName"), u.getLegalRepName()));
        u.setLegalRepIdType(IdType.fromLabel(f.getOrDefault("legalRepresentativeIdType", ""))
                .map(Enum::name).orElse(u.getLegalRepIdType()));
        u.setLegalRepIdNumber(orKeep(f.get("legalRepresentativeIdNumber"), u.getLegalRepIdNumber()));
        u.setLegalRepPhone(orKeep(f.get("legalRepresentativePhone"), u.getLegalRepPhone()));
        u.setBankName(orKeep(f.get("bankName"), u.getBankName()));
        u.setBankAccount(orKeep(f.get("bankAccountNumber"), u.getBankAccount()));
        u.setContactName(orKeep(f.get("unitContactName"), u.getContactName()));
        u.setContactPhone(orKeep(f.get("unitContactMobile"), u.getContactPhone()));
    }

    private void storeUnit(DSLContext tx, UnitRecord u, Map<String, Object> before, String action, Actor actor,
                           OffsetDateTime now, String ref) {
        u.setUpdatedAt(now);
        u.update();
        Map<String, Object> after = unitAudit(u);
        after.put("caseNo", ref);
        desk.audited().record(tx, actor, now, action, "UNIT", u.getCreditCode(), before, after, null);
    }

    private void applyPersonRegistration(DSLContext tx, CaseFileRecord c, Map<String, String> f,
                                         InsuranceType insurance, String variant, Actor actor, OffsetDateTime now,
                                         String ref) {
        PersonRecord p = person(tx, c.getApplicantIdNumber());
        Optional<PersonCategory> category = insurance == InsuranceType.EMPLOYEE
                ? PersonCategory.fromLabel(f.get("personCategory")) : Optional.empty();
        if (p == null) { // 增加/新增 of someone not yet registered here
            p = tx.newRecord(PERSON);
            p.setIdType(IdType.fromLabel(f.getOrDefault("idType", "")).orElse(IdType.RESIDENT_ID).name());
            p.setIdNumber(c.getApplicantIdNumber());
            p.setName(c.getApplicantName());
            p.setNameInitials(NameIndex.initials(c.getApplicantName()));
            PersonRecord np = p;
            Validators.idFacts(c.getApplicantIdNumber(), desk.today()).ifPresent(x -> {
                np.setGender(x.gender().name());
                np.setBirthDate(x.birthDate());
            });
            if (insurance == InsuranceType.RESIDENT && p.getBirthDate() == null && f.get("birthDate") != null) {
                p.setBirthDate(LocalDate.parse(f.get("birthDate")));
            }
            p.setInsuranceType(insurance.name());
            p.setStatus(InsuredStatus.INSURED.name());
            p.setPersonCategory(category.map(Enum::name).orElse(null));
            p.setPhone(f.get("phone"));
            p.setHouseholdAddress(f.get("householdAddress"));
            p.setUnitId(unitIdFor(tx, f, category));
            p.setAccountBalanceFen(0L);
            p.setCreatedAt(now);
            p.setUpdatedAt(now);
            p.store();
            c.setPersonId(p.getId());
            c.update();
            desk.audited().record(tx, actor, now, "PERSON_REGISTER", "PERSON", p.getIdNumber(), null,
                    withCase(personAudit(tx, p), ref), RegistryService.personRegistered(tx, p, Backfills.occurredAt(c), Backfills.of(c)));
            return;
        }
        Map<String, Object> before = personAudit(tx, p);
        String action = "PERSON_STATUS";
        switch (Option.of(variant, PERSON_VARIANTS).orElseThrow()) {
            case EMP_ADD, RES_ADD -> { // a terminated person joins again
                p.setStatus(InsuredStatus.INSURED.name());
                p.setInsuranceType(insurance.name());
                if (insurance == InsuranceType.EMPLOYEE) {
                    p.setUnitId(unitIdFor(tx, f, category));
                }
            }
            case SUSPEND -> p.setStatus(InsuredStatus.SUSPENDED.name());
            case TERMINATE -> p.setStatus(InsuredStatus.TERMINATED.name());
            case RESUME -> {
                p.setStatus(InsuredStatus.INSURED.name());
                if (insurance == InsuranceType.EMPLOYEE) {
                    Long unitId = unitIdFor(tx, f, category);
                    if (unitId != null || category.orElse(null) == PersonCategory.FLEXIBLE_EMPLOYMENT) {
                        p.setUnitId(unitId);
                    }
                }
            }
            case RETIRE -> {
                action = "PERSON_CATEGORY";
                category = Optional.of(PersonCategory.RETIRED);
            }
            case MOVE_WITHIN_POOL -> {
                action = "PERSON_UNIT";
                p.setUnitId(unit(tx, f.get("creditCodeOrUnitCode").trim().toUpperCase()).getId());
            }
            default -> throw new IllegalStateException("checked in problems(): " + variant);
        }
        if (category.isPresent()) {
            p.setPersonCategory(category.get().name());
        }
        if (f.get("phone") != null && !f.get("phone").isBlank()) {
            p.setPhone(f.get("phone"));
        }
        storePerson(tx, p, p.getIdNumber(), before, action, actor, now, ref);
        c.setPersonId(p.getId());
        c.update();
    }

    /** The unit a person registers with: the registered unit of the code given, none for 灵活就业人员. */
    private static Long unitIdFor(DSLContext tx, Map<String, String> f, Optional<PersonCategory> category) {
        String code = f.get("creditCodeOrUnitCode");
        if (code == null || code.isBlank() || category.orElse(null) == PersonCategory.FLEXIBLE_EMPLOYMENT) {
            return null;
        }
        return tx.select(UNIT.ID).from(UNIT).where(UNIT.CREDIT_CODE.eq(code.trim().toUpperCase())).fetchOne(UNIT.ID);
    }

    private void applyPersonChange(DSLContext tx, CaseFileRecord c, Map<String, String> f, Actor actor,
                                   OffsetDateTime now, String ref) {
        PersonRecord p = person(tx, c.getApplicantIdNumber());
        Map<String, Object> before = personAudit(tx, p);
        String oldId = p.getIdNumber();
        String after = f.getOrDefault("valueAfter", "").trim();
        Option what = Option.of(f.getOrDefault("changeItem", ""), CHANGE_FIELDS).orElseThrow();
        switch (what) {
            case CH_NAME -> {
                p.setName(InputHygiene.tidy(after));
                p.setNameInitials(NameIndex.initials(p.getName()));
            }
            case CH_GENDER -> p.setGender(gender(after).orElseThrow().name());
            case CH_ID -> {
                String id = Validators.normalizeId(after);
                p.setIdNumber(id);
                Validators.idFacts(id, desk.today()).ifPresent(x -> {
                    p.setGender(x.gender().name());
                    p.setBirthDate(x.birthDate());
                });
            }
            case CH_BIRTH -> p.setBirthDate(InputHygiene.parseDate(after).orElseThrow());
            case CH_PHONE -> p.setPhone(after);
            case CH_HOUSEHOLD -> p.setHouseholdAddress(InputHygiene.tidy(after));
            case CH_LIVING -> p.setLivingAddress(InputHygiene.tidy(after));
            default -> {
                // 其他: recorded in the case only
            }
        }
        String phone = f.get("phone");
        if (what != Option.CH_PHONE && phone != null && !phone.isBlank()) {
            p.setPhone(phone);
        }
        if (!oldId.equals(p.getIdNumber())) {
            // the old number no longer names a row: its last record says so (an empty content), then the new one
            p.setUpdatedAt(now);
            p.update();
            desk.audited().record(tx, actor, now, "PERSON_CHANGE", "PERSON", oldId, before,
                    withCase(new LinkedHashMap<>(Map.of("idNumber", p.getIdNumber())), ref), null);
        }
        storePerson(tx, p, p.getIdNumber(), before, "PERSON_CHANGE", actor, now, ref);
        c.setPersonId(p.getId());
        c.update();
    }

    private void storePerson(DSLContext tx, PersonRecord p, String entityId, Map<String, Object> before,
                             String action, Actor actor, OffsetDateTime now, String ref) {
        p.setUpdatedAt(now);
        p.update();
        Map<String, Object> after = personAudit(tx, p);
        desk.audited().record(tx, actor, now, action, "PERSON", entityId, before, withCase(after, ref), null);
    }

    /** A unit as its audit records show it: the registry fields the cases change, succession included. */
    static Map<String, Object> unitAudit(UnitRecord u) {
        Map<String, Object> m = RegistryService.unitMap(u);
        m.put("legalRepIdType", u.getLegalRepIdType());
        m.put("legalRepIdNumber", u.getLegalRepIdNumber());
        m.put("legalRepPhone", u.getLegalRepPhone());
        m.put("bankName", u.getBankName());
        m.put("contactName", u.getContactName());
        m.put("contactPhone", u.getContactPhone());
        m.put("predecessorCreditCode", u.getPredecessorCreditCode());
        m.put("successorCreditCode", u.getSuccessorCreditCode());
        return m;
    }

    /** A person as its audit records show it: category and addresses besides what the province is sent. */
    static Map<String, Object> personAudit(DSLContext tx, PersonRecord p) {
        Map<String, Object> m = RegistryService.personMap(tx, p);
        m.put("personCategory", p.getPersonCategory());
        m.put("householdAddress", p.getHouseholdAddress());
        m.put("livingAddress", p.getLivingAddress());
        return m;
    }

    private static Map<String, Object> withCase(Map<String, Object> m, String ref) {
        Map<String, Object> out = new LinkedHashMap<>(m);
        out.put("caseNo", ref);
        return out;
    }

    // ------------------------------------------------------------------------------------------------ lookups

    /** The catalog's label of a field of the case's item (for messages naming it). */
    private static String label(ServiceItem item, String key) {
        return item.field(key).map(x -> x.label()).orElse(key);
    }

    private static String unitCode(String applicantId, Map<String, String> f) {
        String code = f.get("creditCodeOrUnitCode");
        return (code == null || code.isBlank() ? applicantId : code).trim().toUpperCase();
    }

    private static UnitRecord unit(DSLContext tx, String code) {
        return tx.selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(code)).forUpdate().fetchOne();
    }

    private static PersonRecord person(DSLContext tx, String idNumber) {
        return tx.selectFrom(PERSON).where(PERSON.ID_NUMBER.eq(idNumber)).orderBy(PERSON.ID).limit(1).forUpdate()
                .fetchOne();
    }

    private static InsuredStatus status(UnitRecord u) {
        return InsuredStatus.valueOf(u.getStatus());
    }

    private static InsuredStatus status(PersonRecord p) {
        return InsuredStatus.valueOf(p.getStatus());
    }

    private static InsuranceType type(PersonRecord p) {
        return InsuranceType.valueOf(p.getInsuranceType());
    }

    private static String orKeep(String value, String current) {
        return value == null || value.isBlank() ? current : InputHygiene.tidy(value);
    }

    private static String mask(String id) {
        return CaseViews.mask(id);
    }
}
