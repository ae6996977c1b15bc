package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.REGISTRY_PERSON;
import static org.ybdesk.province.jooq.Tables.REGISTRY_UNIT;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.protocol.RegistryConflict;
import org.ybdesk.protocol.change.Backfill;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;
import org.ybdesk.province.Refusal;
import org.ybdesk.province.Texts;

/**
 * What registering one registry record at the province takes (D105): a person by ID number or a unit by credit
 * code. {@link Uploads} runs one path for both: required fields, the registry lock, an insert that does nothing when
 * the record is registered already, and then the refusal naming who registered it first and when.
 *
 * @param table the registry table
 * @param key the column the record is unique by (the ID number, the credit code)
 * @param keyValue the record's key, normalised
 * @param required the fields that must not be blank, by name (for the refusal)
 * @param values the record's own columns
 * @param agency the column of the registering desk's agency
 * @param admdvs the column of its admin division
 * @param registeredOn the column of the day of registration
 * @param msgid the column of the registering message
 * @param version the column of the registry version
 * @param refusalCode the refusal's code when the record is registered already
 * @param refusalKey the refusal's message ({0} key, {1} day, {2} desk, {3} agency)
 * @param kind {@code PERSON} or {@code UNIT} (the registry conflict's kind, issue 13)
 * @param name the record's name (a person's, a unit's)
 * @param occurredAtField the column of when the registration happened at its window
 * @param occurredAt the message's {@code occurredAt} (null: the envelope's time)
 * @param backfill the message's 补录 details (null: not back-filled)
 */
record Registration(Table<?> table, TableField<?, String> key, String keyValue, Map<String, String> required,
                    Map<Field<?>, Object> values, Field<String> agency, Field<String> admdvs,
                    Field<LocalDate> registeredOn, Field<String> msgid, Field<Long> version, String refusalCode,
                    String refusalKey, String kind, String name, Field<java.time.LocalDateTime> occurredAtField,
                    String occurredAt, Backfill backfill) {

    static Registration person(PersonRegistered p) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("idType", p.idType());
        required.put("idNumber", p.idNumber());
        required.put("name", p.name());
        String id = p.idNumber() == null ? null : Validators.normalizeId(p.idNumber());
        String birth = p.birthDate();
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(REGISTRY_PERSON.ID_TYPE, p.idType());
        v.put(REGISTRY_PERSON.ID_NUMBER, id);
        v.put(REGISTRY_PERSON.NAME, p.name() == null ? null : p.name().trim());
        v.put(REGISTRY_PERSON.GENDER, p.gender());
        v.put(REGISTRY_PERSON.BIRTH_DATE, birth == null || birth.isBlank() ? null : LocalDate.parse(birth.strip()));
        v.put(REGISTRY_PERSON.INSURANCE_TYPE, p.insuranceType());
        v.put(REGISTRY_PERSON.STATUS, Optional.ofNullable(p.status()).orElse("INSURED"));
        v.put(REGISTRY_PERSON.PHONE, p.phone());
        v.put(REGISTRY_PERSON.UNIT_CREDIT_CODE, p.unitCreditCode());
        return new Registration(REGISTRY_PERSON, REGISTRY_PERSON.ID_NUMBER, id, required, v,
                REGISTRY_PERSON.INSURED_AGENCY_CODE, REGISTRY_PERSON.ADMDVS, REGISTRY_PERSON.REGISTERED_ON,
                REGISTRY_PERSON.MSGID, REGISTRY_PERSON.VERSION, Refusal.ALREADY_INSURED, "refuse.alreadyInsured",
                RegistryConflict.PERSON, p.name() == null ? null : p.name().trim(), REGISTRY_PERSON.OCCURRED_AT,
                p.occurredAt(), p.backfill());
    }

    static Registration unit(UnitRegistered u) {
        Map<String, String> required = new LinkedHashMap<>();
        required.put("creditCode", u.creditCode());
        required.put("name", u.name());
        String code = u.creditCode() == null ? null : Validators.normalizeId(u.creditCode());
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(REGISTRY_UNIT.CREDIT_CODE, code);
        v.put(REGISTRY_UNIT.NAME, u.name() == null ? null : u.name().trim());
        v.put(REGISTRY_UNIT.UNIT_TYPE, u.unitType());
        v.put(REGISTRY_UNIT.STATUS, Optional.ofNullable(u.status()).orElse("INSURED"));
        return new Registration(REGISTRY_UNIT, REGISTRY_UNIT.CREDIT_CODE, code, required, v,
                REGISTRY_UNIT.INSURED_AGENCY_CODE, REGISTRY_UNIT.ADMDVS, REGISTRY_UNIT.REGISTERED_ON,
                REGISTRY_UNIT.MSGID, REGISTRY_UNIT.VERSION, Refusal.UNIT_ALREADY_REGISTERED, "refuse.unitRegistered",
                RegistryConflict.UNIT, u.name() == null ? null : u.name().trim(), REGISTRY_UNIT.OCCURRED_AT,
                u.occurredAt(), u.backfill());
    }

    /** The refusal for blank required fields, or null when all are given. */
    Refusal missing() {
        List<String> absent = new ArrayList<>();
        required.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                absent.add(name);
            }
        });
        return absent.isEmpty() ? null
                : new Refusal(Refusal.INVALID_INPUT, Texts.get("refuse.input.missing", String.join("、", absent)));
    }

    /** The refusal naming the first registration of this record. */
    Refusal registeredBefore(LocalDate on, String deskName, String agencyCode) {
        return new Refusal(refusalCode, Texts.get(refusalKey, keyValue, on.toString(), deskName, agencyCode));
    }
}
