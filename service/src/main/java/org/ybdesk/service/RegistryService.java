package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.PERSON;
import static org.ybdesk.db.jooq.Tables.UNIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.FieldLimits;
import org.ybdesk.core.validation.InputHygiene;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;

/** The registry of insured units and persons: registration with full validation, lookup and search. */
public final class RegistryService {
    private final Desk desk;

    RegistryService(Desk desk) {
        this.desk = desk;
    }

    /** What a clerk enters to register a person; gender and birth date are derived from the ID where it has them. */
    public record PersonInput(IdType idType, String idNumber, String name, Gender gender, LocalDate birthDate,
                              InsuranceType insuranceType, InsuredStatus status, String unitCreditCode, String phone,
                              String householdAddress, String livingAddress) {
    }

    public record PersonView(long id, IdType idType, String idNumber, String name, Gender gender, LocalDate birthDate,
                             InsuranceType insuranceType, InsuredStatus status, String unitCreditCode,
                             String unitName, String phone, String householdAddress, String livingAddress,
                             Money accountBalance) {
    }

    public record UnitInput(String creditCode, String name, String unitType, String address, String legalRepName,
                            IdType legalRepIdType, String legalRepIdNumber, String legalRepPhone, String bankName,
                            String bankAccount, String contactName, String contactPhone, String adminDivisionCode) {
    }

    public record UnitView(long id, String creditCode, String name, String unitType, String address,
                           String legalRepName, String legalRepIdNumber, String legalRepPhone, String bankName,
                           String bankAccount, String contactName, String contactPhone, String adminDivisionCode,
                           InsuredStatus status) {
    }

    // ---------------------------------------------------------------- persons

    /** Registers a person; every problem at once. */
    public PersonView registerPerson(PersonInput in, Actor actor) {
        List<String> problems = new ArrayList<>();
        List<String> idFlaws = InputHygiene.line(Texts.get("label.idNumber"), in.idNumber(), FieldLimits.ID_NUMBER);
        problems.addAll(idFlaws);
        problems.addAll(InputHygiene.line(Texts.get("label.name"), in.name(), FieldLimits.PERSON_NAME));
        problems.addAll(InputHygiene.line(Texts.get("label.phone"), in.phone(), FieldLimits.PHONE));
        problems.addAll(InputHygiene.line(Texts.get("label.personUnit"), in.unitCreditCode(), FieldLimits.ID_NUMBER));
        problems.addAll(InputHygiene.line(Texts.get("label.householdAddress"), in.householdAddress(),
                FieldLimits.ADDRESS));
        problems.addAll(InputHygiene.line(Texts.get("label.livingAddress"), in.livingAddress(), FieldLimits.ADDRESS));
        String id = in.idNumber() == null ? "" : Validators.normalizeId(in.idNumber());
        if (in.idType() == null) {
            problems.add(Texts.get("field.missing", Texts.get("label.idType")));
        } else if (idFlaws.isEmpty()) { // an unreadable number: its format checks would only repeat the problem
            Validators.idNumber(in.idType(), id, desk.today()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.idNumber"), p)));
        }
        if (in.name() == null || in.name().isBlank()) {
            problems.add(Texts.get("field.missing", Texts.get("label.name")));
        }
        if (in.insuranceType() == null) {
            problems.add(Texts.get("field.missing", Texts.get("label.insuranceType")));
        }
        Gender gender = in.gender();
        LocalDate birth = in.birthDate();
        var facts = Validators.idFacts(id, desk.today());
        if (facts.isPresent()) {
            if (gender != null && gender != facts.get().gender()) {
                problems.add(Texts.get("person.gender.mismatch", facts.get().gender().label()));
            }
            if (birth != null && !birth.equals(facts.get().birthDate())) {
                problems.add(Texts.get("person.birth.mismatch", facts.get().birthDate().toString()));
            }
            gender = facts.get().gender();
            birth = facts.get().birthDate();
        }
        if (in.phone() != null && !in.phone().isBlank() && InputHygiene.isCleanLine(in.phone())) {
            Validators.landlineOrMobile(in.phone()).forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.phone"), p)));
        }
        Long unitId = null;
        if (in.unitCreditCode() != null && !in.unitCreditCode().isBlank() && InputHygiene.isCleanLine(in.unitCreditCode())) {
            unitId = desk.db().dsl().select(UNIT.ID).from(UNIT).where(UNIT.CREDIT_CODE.eq(
                    in.unitCreditCode().trim().toUpperCase())).fetchOne(UNIT.ID);
            if (unitId == null) {
                problems.add(Texts.get("person.unit.unknown", in.unitCreditCode().trim()));
            }
        }
        if (in.idType() != null && problems.isEmpty()
                && desk.db().dsl().fetchExists(PERSON, PERSON.ID_TYPE.eq(in.idType().name()), PERSON.ID_NUMBER.eq(id))) {
            problems.add(Texts.get("person.exists", id));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        Gender g = gender;
        LocalDate b = birth;
        Long u = unitId;
        return desk.db().write(tx -> {
            PersonRecord r = tx.newRecord(PERSON);
            r.setIdType(in.idType().name());
            r.setIdNumber(id);
            r.setName(InputHygiene.tidy(in.name()));
            r.setNameInitials(NameIndex.initials(InputHygiene.tidy(in.name())));
            r.setGender(g == null ? null : g.name());
            r.setBirthDate(b);
            r.setInsuranceType(in.insuranceType().name());
            r.setStatus((in.status() == null ? InsuredStatus.INSURED : in.status()).name());
            r.setUnitId(u);
            r.setPhone(blankToNull(in.phone()));
            r.setHouseholdAddress(blankToNull(in.householdAddress()));
            r.setLivingAddress(blankToNull(in.livingAddress()));
            r.setAccountBalanceFen(0L);
            r.setCreatedAt(desk.now());
            r.setUpdatedAt(desk.now());
            r.store();
            Map<String, Object> after = personMap(tx, r);
            desk.audited().record(tx, actor, desk.now(), "PERSON_REGISTER", "PERSON", id, null, after,
                    personRegistered(tx, r));
            return toView(r, tx.selectFrom(UNIT).where(UNIT.ID.eq(u == null ? -1L : u)).fetchOne());
        });
    }

    public Optional<PersonView> findPerson(String idNumber) {
        String id = Validators.normalizeId(idNumber == null ? "" : idNumber);
        return desk.db().dsl().select().from(PERSON).leftJoin(UNIT).on(UNIT.ID.eq(PERSON.UNIT_ID))
                .where(PERSON.ID_NUMBER.eq(id)).limit(1)
                .fetchOptional(r -> toView(r.into(PERSON), r.get(UNIT.ID) == null ? null : r.into(UNIT)));
    }

    /**
     * Finds persons by ID number (whole or leading part), name (leading part), pinyin initials of the name, or the
     * unit's credit code or name.
     */
    public List<PersonView> searchPersons(String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        Condition c;
        String upper = q.toUpperCase();
        boolean unitCode = upper.length() == 18 && !Validators.residentId(upper, desk.today()).isEmpty()
                && Validators.creditCode(upper).isEmpty();
        if (unitCode) {
            c = UNIT.CREDIT_CODE.eq(upper);
        } else if (upper.matches("[0-9X]{4,18}")) {
            c = PERSON.ID_NUMBER.startsWith(upper);
        } else if (q.matches("[A-Za-z]{1,12}")) {
            c = PERSON.NAME_INITIALS.eq(q.toLowerCase());
        } else {
            // a name: persons whose name starts with it, then persons of units whose name starts with it — two
            // indexed prefix scans (one OR across the join would scan every person)
            List<PersonView> byName = persons(PERSON.NAME.startsWith(q), limit);
            if (byName.size() >= limit) {
                return byName;
            }
            List<PersonView> out = new ArrayList<>(byName);
            for (PersonView p : persons(PERSON.UNIT_ID.in(desk.db().dsl().select(UNIT.ID).from(UNIT)
                    .where(UNIT.NAME.startsWith(q))), limit)) {
                if (out.size() < limit && out.stream().noneMatch(x -> x.id() == p.id())) {
                    out.add(p);
                }
            }
            return out;
        }
        return persons(c, limit);
    }

    private List<PersonView> persons(Condition c, int limit) {
        return desk.db().dsl().select().from(PERSON).leftJoin(UNIT).on(UNIT.ID.eq(PERSON.UNIT_ID)).where(c)
                .orderBy(PERSON.NAME, PERSON.ID).limit(limit)
                .fetch(r -> toView(r.into(PERSON), r.get(UNIT.ID) == null ? null : r.into(UNIT)));
    }

    // ---------------------------------------------------------------- units

    public UnitView registerUnit(UnitInput in, Actor actor) {
        List<String> problems = new ArrayList<>();
        problems.addAll(InputHygiene.line(Texts.get("label.creditCode"), in.creditCode(), FieldLimits.ID_NUMBER));
        problems.addAll(InputHygiene.line(Texts.get("label.unitName"), in.name(), FieldLimits.UNIT_NAME));
        problems.addAll(InputHygiene.line(Texts.get("label.unitType"), in.unitType(), FieldLimits.UNIT_TYPE));
        problems.addAll(InputHygiene.line(Texts.get("label.unitAddress"), in.address(), FieldLimits.ADDRESS));
        problems.addAll(InputHygiene.line(Texts.get("label.legalRepName"), in.legalRepName(),
                FieldLimits.LEGAL_REP_NAME));
        problems.addAll(InputHygiene.line(Texts.get("label.legalRepId"), in.legalRepIdNumber(), FieldLimits.ID_NUMBER));
        problems.addAll(InputHygiene.line(Texts.get("label.legalRepPhone"), in.legalRepPhone(), FieldLimits.PHONE));
        problems.addAll(InputHygiene.line(Texts.get("label.bankName"), in.bankName(), FieldLimits.BANK_NAME));
        problems.addAll(InputHygiene.line(Texts.get("label.bankAccount"), in.bankAccount(), FieldLimits.BANK_ACCOUNT));
        problems.addAll(InputHygiene.line(Texts.get("label.contactName"), in.contactName(), FieldLimits.CONTACT_NAME));
        problems.addAll(InputHygiene.line(Texts.get("label.contactPhone"), in.contactPhone(), FieldLimits.PHONE));
        problems.addAll(InputHygiene.line(Texts.get("label.unitDivision"), in.adminDivisionCode(), 12));
        String code = in.creditCode() == null ? "" : InputHygiene.tidy(in.creditCode()).toUpperCase();
        boolean readable = problems.isEmpty();
        if (in.name() == null || in.name().isBlank()) {
            problems.add(Texts.get("field.missing", Texts.get("label.unitName")));
        }
        if (readable) { // unreadable input: the format checks would only repeat the problems above
            Validators.creditCode(code)
                    .forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.creditCode"), p)));
            if (in.legalRepIdNumber() != null && !in.legalRepIdNumber().isBlank()) {
                IdType t = in.legalRepIdType() == null ? IdType.RESIDENT_ID : in.legalRepIdType();
                Validators.idNumber(t, in.legalRepIdNumber(), desk.today())
                        .forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.legalRepId"), p)));
            }
            checkPhone(problems, Texts.get("label.legalRepPhone"), in.legalRepPhone());
            checkPhone(problems, Texts.get("label.contactPhone"), in.contactPhone());
            if (in.bankAccount() != null && !in.bankAccount().isBlank()) {
                Validators.bankAccount(in.bankAccount(), true)
                        .forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.bankAccount"), p)));
            }
            if (in.adminDivisionCode() != null && !in.adminDivisionCode().isBlank()) {
                Validators.adminDivision(in.adminDivisionCode())
                        .forEach(p -> problems.add(Texts.get("field.problem", Texts.get("label.unitDivision"), p)));
            }
        }
        if (problems.isEmpty() && desk.db().dsl().fetchExists(UNIT, UNIT.CREDIT_CODE.eq(code))) {
            problems.add(Texts.get("unit.exists", code));
        }
        if (!problems.isEmpty()) {
            throw new ServiceException(problems);
        }
        return desk.db().write(tx -> {
            UnitRecord r = tx.newRecord(UNIT);
            r.setCreditCode(code);
            r.setName(InputHygiene.tidy(in.name()));
            r.setUnitType(blankToNull(in.unitType()));
            r.setAddress(blankToNull(in.address()));
            r.setLegalRepName(blankToNull(in.legalRepName()));
            r.setLegalRepIdType(in.legalRepIdType() == null ? null : in.legalRepIdType().name());
            r.setLegalRepIdNumber(blankToNull(in.legalRepIdNumber()));
            r.setLegalRepPhone(blankToNull(in.legalRepPhone()));
            r.setBankName(blankToNull(in.bankName()));
            r.setBankAccount(blankToNull(in.bankAccount()));
            r.setContactName(blankToNull(in.contactName()));
            r.setContactPhone(blankToNull(in.contactPhone()));
            r.setAdminDivisionCode(in.adminDivisionCode() == null || in.adminDivisionCode().isBlank() ? null
                    : Validators.normalizeId(in.adminDivisionCode()));
            r.setStatus(InsuredStatus.INSURED.name());
            r.setCreatedAt(desk.now());
            r.setUpdatedAt(desk.now());
            r.store();
            Map<String, Object> after = unitMap(r);
            desk.audited().record(tx, actor, desk.now(), "UNIT_REGISTER", "UNIT", code, null, after,
                    unitRegistered(r));
            return toView(r);
        });
    }

    public Optional<UnitView> findUnit(String creditCode) {
        String code = creditCode == null ? "" : creditCode.trim().toUpperCase();
        return desk.db().dsl().selectFrom(UNIT).where(UNIT.CREDIT_CODE.eq(code)).fetchOptional(RegistryService::toView);
    }

    public List<UnitView> searchUnits(String query, int limit) {
        String q = query == null ? "" : query.trim();
        if (q.isEmpty()) {
            return List.of();
        }
        return desk.db().dsl().selectFrom(UNIT)
                .where(UNIT.CREDIT_CODE.startsWith(q.toUpperCase()).or(UNIT.NAME.contains(q)))
                .orderBy(UNIT.NAME).limit(limit).fetch(RegistryService::toView);
    }

    public List<PersonView> personsOfUnit(String creditCode, int limit) {
        return desk.db().dsl().select().from(PERSON).join(UNIT).on(UNIT.ID.eq(PERSON.UNIT_ID))
                .where(UNIT.CREDIT_CODE.eq(creditCode.trim().toUpperCase())).orderBy(PERSON.NAME).limit(limit)
                .fetch(r -> toView(r.into(PERSON), r.into(UNIT)));
    }

    // ---------------------------------------------------------------- mapping

    private static void checkPhone(List<String> problems, String label, String phone) {
        if (phone != null && !phone.isBlank()) {
            Validators.landlineOrMobile(phone).forEach(p -> problems.add(Texts.get("field.problem", label, p)));
        }
    }

    static String blankToNull(String s) {
        return InputHygiene.tidyOrNull(s);
    }

    static PersonView toView(PersonRecord r, UnitRecord unit) {
        return new PersonView(r.getId(), IdType.valueOf(r.getIdType()), r.getIdNumber(), r.getName(),
                r.getGender() == null ? null : Gender.valueOf(r.getGender()), r.getBirthDate(),
                InsuranceType.valueOf(r.getInsuranceType()), InsuredStatus.valueOf(r.getStatus()),
                unit == null ? null : unit.getCreditCode(), unit == null ? null : unit.getName(), r.getPhone(),
                r.getHouseholdAddress(), r.getLivingAddress(), Money.ofFen(r.getAccountBalanceFen()));
    }

    static UnitView toView(UnitRecord r) {
        return new UnitView(r.getId(), r.getCreditCode(), r.getName(), r.getUnitType(), r.getAddress(),
                r.getLegalRepName(), r.getLegalRepIdNumber(), r.getLegalRepPhone(), r.getBankName(),
                r.getBankAccount(), r.getContactName(), r.getContactPhone(), r.getAdminDivisionCode(),
                InsuredStatus.valueOf(r.getStatus()));
    }

    /**
     * A person as audit records and outbox messages carry it; the unit travels by its credit code (the province
     * knows units by it, not by this desk's row id).
     */
    static Map<String, Object> personMap(DSLContext tx, PersonRecord r) {
        Map<String, Object> m = personMap(r);
        if (r.getUnitId() != null) {
            m.put("unitCreditCode", tx.select(UNIT.CREDIT_CODE).from(UNIT).where(UNIT.ID.eq(r.getUnitId()))
                    .fetchOne(UNIT.CREDIT_CODE));
        }
        return m;
    }

    static Map<String, Object> personMap(PersonRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idType", r.getIdType());
        m.put("idNumber", r.getIdNumber());
        m.put("name", r.getName());
        m.put("gender", r.getGender());
        m.put("birthDate", r.getBirthDate());
        m.put("insuranceType", r.getInsuranceType());
        m.put("status", r.getStatus());
        m.put("unitId", r.getUnitId());
        m.put("phone", r.getPhone());
        m.put("accountBalanceFen", r.getAccountBalanceFen());
        return m;
    }

    /** The change a registration sends: the person as {@link #personMap(DSLContext, PersonRecord)} shows them. */
    static PersonRegistered personRegistered(DSLContext tx, PersonRecord r) {
        return personRegistered(tx, r, null, null);
    }

    /**
     * As {@link #personRegistered(DSLContext, PersonRecord)}, caused by back-filled work (补录, issue 13): with when
     * it really happened and the back-fill (both null for work entered as it happened).
     */
    static PersonRegistered personRegistered(DSLContext tx, PersonRecord r, String occurredAt,
                                             org.ybdesk.protocol.change.Backfill backfill) {
        String unitCreditCode = r.getUnitId() == null ? null : tx.select(UNIT.CREDIT_CODE).from(UNIT)
                .where(UNIT.ID.eq(r.getUnitId())).fetchOne(UNIT.CREDIT_CODE);
        return new PersonRegistered(r.getIdType(), r.getIdNumber(), r.getName(), r.getGender(),
                r.getBirthDate() == null ? null : r.getBirthDate().toString(), r.getInsuranceType(), r.getStatus(),
                r.getUnitId(), r.getPhone(), r.getAccountBalanceFen(), unitCreditCode, occurredAt, backfill);
    }

    /** The change a unit's registration sends: the unit as {@link #unitMap(UnitRecord)} shows it. */
    static UnitRegistered unitRegistered(UnitRecord r) {
        return unitRegistered(r, null, null);
    }

    /** As {@link #unitRegistered(UnitRecord)}, caused by back-filled work (补录): with its occurrence and back-fill. */
    static UnitRegistered unitRegistered(UnitRecord r, String occurredAt, org.ybdesk.protocol.change.Backfill backfill) {
        return new UnitRegistered(r.getCreditCode(), r.getName(), r.getUnitType(), r.getAddress(),
                r.getLegalRepName(), r.getBankAccount(), r.getStatus(), occurredAt, backfill);
    }

    static Map<String, Object> unitMap(UnitRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", r.getCreditCode());
        m.put("name", r.getName());
        m.put("unitType", r.getUnitType());
        m.put("address", r.getAddress());
        m.put("legalRepName", r.getLegalRepName());
        m.put("bankAccount", r.getBankAccount());
        m.put("status", r.getStatus());
        return m;
    }

}
