package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.DESK;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.impl.DSL;
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

    private final ProvinceDb db;

    public Desks(ProvinceDb db) {
        this.db = db;
    }

    /** Registers a desk with the next free number of its agency (from 1) and a fresh token. */
    public Registration add(String agencyCode, String admdvs, String name) {
        if (agencyCode == null || !agencyCode.matches("[0-9A-Za-z]{1,32}")) {
            throw new IllegalArgumentException("agency code must be 1-32 letters or digits: " + agencyCode);
        }
        if (admdvs == null || !admdvs.matches("\\d{6}")) {
            throw new IllegalArgumentException("admin-division code must be 6 digits: " + admdvs);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        String token = Tokens.newToken();
        Desk desk = db.write(tx -> {
            Integer max = tx.select(DSL.max(DESK.WINDOW_NO)).from(DESK).where(DESK.AGENCY_CODE.eq(agencyCode))
                    .fetchOne(0, Integer.class);
            int no = max == null ? 1 : max + 1;
            if (no > 999) {
                throw new IllegalStateException("agency " + agencyCode + " has 999 desks already");
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
