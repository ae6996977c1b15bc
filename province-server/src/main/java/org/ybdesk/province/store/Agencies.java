package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.AGENCY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.org.Agency;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.province.Texts;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;

/**
 * The agencies of the province as a tree (issue 12): code, name, admin division, level and parent. A child is always
 * of a lower level than its parent (a township service point under its county agency). Every change regenerates the
 * reference data {@code AGENCIES} (key {@code all}) the desks pull. Bad input is refused with a Chinese sentence
 * ({@link IllegalArgumentException}) saying what to fix.
 */
public final class Agencies {
    private final ProvinceDb db;

    public Agencies(ProvinceDb db) {
        this.db = db;
    }

    /** Registers an agency; refuses an unknown parent, a level not below the parent's, a code taken. */
    public Agency add(String code, String name, String admdvs, String level, String parentCode) {
        Agency a = db.write(tx -> add(tx, code, name, admdvs, level, parentCode));
        publish();
        return a;
    }

    /** The same inside {@code tx} (desk registration creates a missing agency in its own transaction). */
    Agency add(DSLContext tx, String code, String name, String admdvs, String level, String parentCode) {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches(CaseNumbers.AGENCY_CODE)) {
            problems.add(Texts.get("agency.code", String.valueOf(code)));
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            problems.add(Texts.get("agency.name"));
        }
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            problems.add(Texts.get("agency.admdvs", String.valueOf(admdvs)));
        }
        AgencyLevel lv = AgencyLevel.parse(level).orElse(null);
        if (lv == null) {
            problems.add(Texts.get("agency.level", String.valueOf(level), levels()));
        }
        String parent = parentCode == null || parentCode.isBlank() ? null : parentCode.trim();
        if (parent != null) {
            AgencyRecord p = tx.selectFrom(AGENCY).where(AGENCY.CODE.eq(parent)).fetchOne();
            if (p == null) {
                problems.add(Texts.get("agency.parentUnknown", parent));
            } else if (lv != null && lv.ordinal() <= AgencyLevel.valueOf(p.getAgencyLevel()).ordinal()) {
                problems.add(Texts.get("agency.levelNotBelow", lv.name(), parent, p.getAgencyLevel()));
            }
        }
        if (code != null && tx.fetchExists(AGENCY, AGENCY.CODE.eq(code))) {
            problems.add(Texts.get("agency.exists", code));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(Texts.get("agency.refused", String.join("；", problems)));
        }
        AgencyRecord r = tx.newRecord(AGENCY);
        r.setCode(code);
        r.setName(name.trim());
        r.setAdmdvs(admdvs);
        r.setAgencyLevel(lv.name());
        r.setParentCode(parent);
        r.setCreatedAt(db.now());
        r.store();
        return toAgency(r);
    }

    /** Every agency, by code. */
    public List<Agency> list() {
        return db.dsl().selectFrom(AGENCY).orderBy(AGENCY.CODE).fetch(Agencies::toAgency);
    }

    public Optional<Agency> find(String code) {
        return db.dsl().selectFrom(AGENCY).where(AGENCY.CODE.eq(code)).fetchOptional(Agencies::toAgency);
    }

    /** Regenerates the reference data {@code AGENCIES} (key {@code all}) when it differs from the table. */
    public void publish() {
        new ReferenceStore(db).putIfChanged(org.ybdesk.protocol.Protocol.REFERENCE_AGENCIES, "all",
                org.ybdesk.protocol.ProtocolJson.mapper().valueToTree(list()));
    }

    static String levels() {
        return String.join("/", java.util.Arrays.stream(AgencyLevel.values()).map(Enum::name).toList());
    }

    static Agency toAgency(AgencyRecord r) {
        return new Agency(r.getCode(), r.getName(), r.getAdmdvs(), r.getAgencyLevel(), r.getParentCode());
    }
}
