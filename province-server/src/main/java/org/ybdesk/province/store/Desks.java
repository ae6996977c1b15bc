package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.AGENCY;
import static org.ybdesk.province.jooq.Tables.DESK;
import static org.ybdesk.province.jooq.Tables.PROVINCE_CASE;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.ArrayList;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.province.Texts;
import org.ybdesk.province.jooq.tables.records.AgencyRecord;
import org.ybdesk.province.jooq.tables.records.DeskRecord;
import org.ybdesk.province.Tokens;

/** Desks registered at the province: their number within the agency and a token stored as its SHA-256 only. */
public final class Desks {
    /** A registered desk as the server knows it. */
    public record Desk(long id, String agencyCode, int windowNo, String admdvs, String name) {
    }

    /** A new desk: its number and the token, shown once. */
    public record Registration(Desk desk, String token) {
    }

    /** The highest window number of a new desk (two digits in every case number). */
    public static final int MAX_WINDOW = 99;

    private final ProvinceDb db;

    public Desks(ProvinceDb db) {
        this.db = db;
    }

    /** The agency a new desk's agency is created as when it is not registered yet ({@code desk add} options). */
    public record NewAgency(String level, String parentCode, String name) {
        /** A county agency without parent, named like the desk (how desks of earlier releases were registered). */
        public static final NewAgency DEFAULT = new NewAgency(null, null, null);
    }

    /** Registers a desk with the next free window number of its agency (from 1) and a fresh token. */
    public Registration add(String agencyCode, String admdvs, String name) {
        return add(agencyCode, admdvs, name, null, NewAgency.DEFAULT);
    }

    /**
     * Registers a desk at window {@code windowNo} (1–99; null: the next free one) of its agency, creating the agency
     * when it is missing ({@code agency}: its level — default COUNTY —, parent and name — default the desk's name).
     * Every bad input is refused at once with a Chinese sentence ({@link IllegalArgumentException}).
     */
    public Registration add(String agencyCode, String admdvs, String name, Integer windowNo, NewAgency agency) {
        List<String> problems = new ArrayList<>();
        if (agencyCode == null || !agencyCode.matches(CaseNumbers.AGENCY_CODE)) {
            problems.add(Texts.get("agency.code", String.valueOf(agencyCode)));
        }
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            problems.add(Texts.get("agency.admdvs", String.valueOf(admdvs)));
        }
        if (name == null || name.isBlank() || name.trim().length() > 200) {
            problems.add(Texts.get("desk.name"));
        }
        if (windowNo != null && (windowNo < 1 || windowNo > MAX_WINDOW)) {
            problems.add(Texts.get("desk.windowRange", windowNo, MAX_WINDOW));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(Texts.get("desk.refused", String.join("；", problems)));
        }
        NewAgency na = agency == null ? NewAgency.DEFAULT : agency;
        String token = Tokens.newToken();
        boolean[] created = {false};
        Desk desk = db.write(tx -> {
            AgencyRecord a = tx.selectFrom(AGENCY).where(AGENCY.CODE.eq(agencyCode)).forUpdate().fetchOne();
            if (a == null) {
                new Agencies(db).add(tx, agencyCode, na.name() == null ? name.trim() : na.name(), admdvs,
                        na.level() == null ? "COUNTY" : na.level(), na.parentCode());
                created[0] = true;
            } else {
                List<String> differs = new ArrayList<>();
                if (!a.getAdmdvs().equals(admdvs)) {
                    differs.add(Texts.get("desk.agencyAdmdvs", a.getAdmdvs(), admdvs));
                }
                if (na.level() != null && !AgencyLevel.parse(na.level()).map(l -> l.name().equals(a.getAgencyLevel()))
                        .orElse(false)) {
                    differs.add(Texts.get("desk.agencyLevel", a.getAgencyLevel(), na.level()));
                }
                if (na.parentCode() != null && !na.parentCode().equals(a.getParentCode())) {
                    differs.add(Texts.get("desk.agencyParent", String.valueOf(a.getParentCode()), na.parentCode()));
                }
                if (!differs.isEmpty()) {
                    throw new IllegalArgumentException(Texts.get("desk.agencyDiffers", agencyCode,
                            String.join("；", differs)));
                }
            }
            List<Integer> taken = tx.select(DESK.WINDOW_NO).from(DESK).where(DESK.AGENCY_CODE.eq(agencyCode))
                    .orderBy(DESK.WINDOW_NO).fetch(DESK.WINDOW_NO);
            int no;
            if (windowNo != null) {
                if (taken.contains(windowNo)) {
                    throw new IllegalArgumentException(Texts.get("desk.windowTaken", agencyCode,
                            String.format("%02d", windowNo)));
                }
                no = windowNo;
            } else {
                no = 1;
                while (taken.contains(no)) {
                    no++;
                }
                if (no > MAX_WINDOW) {
                    throw new IllegalArgumentException(Texts.get("desk.windowsFull", agencyCode, MAX_WINDOW));
                }
            }
            DeskRecord r = tx.newRecord(DESK);
            r.setAgencyCode(agencyCode);
            r.setWindowNo(no);
            r.setAdmdvs(admdvs);
            r.setName(name.trim());
            r.setTokenHash(Tokens.hash(token));
            r.setLastSeq(0L);
            r.setCreatedAt(db.now());
            r.store();
            return toDesk(r);
        });
        if (created[0]) {
            new Agencies(db).publish();
        }
        return new Registration(desk, token);
    }

    /**
     * A new token for an existing window (the PC was reinstalled or replaced): the old token stops working, the
     * window keeps its number, its cases and its history; its per-case order starts again (a reinstalled desk's
     * outbox sequence starts again too).
     */
    public Registration replace(String agencyCode, int windowNo) {
        String token = Tokens.newToken();
        Desk desk = db.write(tx -> {
            DeskRecord r = tx.selectFrom(DESK).where(DESK.AGENCY_CODE.eq(String.valueOf(agencyCode)),
                    DESK.WINDOW_NO.eq(windowNo)).forUpdate().fetchOne();
            if (r == null) {
                throw new IllegalArgumentException(Texts.get("desk.unknown", String.valueOf(agencyCode),
                        String.format("%02d", windowNo)));
            }
            r.setTokenHash(Tokens.hash(token));
            r.setLastSeq(0L);
            r.update();
            tx.update(PROVINCE_CASE).set(PROVINCE_CASE.LAST_SEQ, 0L)
                    .where(PROVINCE_CASE.LAST_SEQ_DESK_ID.eq(r.getId())).execute();
            return toDesk(r);
        });
        return new Registration(desk, token);
    }

    public Optional<Desk> authenticate(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return db.dsl().selectFrom(DESK).where(DESK.TOKEN_HASH.eq(Tokens.hash(token.trim())))
                .fetchOptional(Desks::toDesk);
    }

    public List<Desk> list() {
        return db.dsl().selectFrom(DESK).orderBy(DESK.AGENCY_CODE, DESK.WINDOW_NO).fetch(Desks::toDesk);
    }

    static Desk toDesk(DeskRecord r) {
        return new Desk(r.getId(), r.getAgencyCode(), r.getWindowNo(), r.getAdmdvs(), r.getName());
    }
}
