package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.APP_USER;
import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;
import static org.ybdesk.db.jooq.Tables.REFERENCE_DATA;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.org.Agency;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.protocol.org.Routing;

/**
 * What this desk knows of its organisation (issue 12), read from the province's reference data: the agencies
 * ({@code AGENCIES}, key {@code all}) and which level performs which stage ({@code ROUTING}, key = the 统筹区's admin
 * division or {@code *}). A desk whose own agency is not among the agencies is standalone: it routes nothing.
 */
final class Organisation {
    static final String REF_AGENCIES = "AGENCIES";
    static final String REF_ROUTING = "ROUTING";
    private static final TypeReference<List<Agency>> AGENCY_LIST = new TypeReference<>() {
    };

    private Organisation() {
    }

    /** Every agency the province listed (empty when none arrived yet). */
    static List<Agency> agencies(DSLContext dsl) {
        return active(dsl, REF_AGENCIES, Holdings.KEY_ALL).map(Organisation::parseAgencies).orElse(List.of());
    }

    /** The agency list of a reference entry; an entry that does not parse refuses (IllegalArgumentException). */
    static List<Agency> parseAgencies(String json) {
        try {
            List<Agency> list = ProtocolJson.mapper().readValue(json, AGENCY_LIST);
            for (Agency a : list) {
                if (a.code() == null || AgencyLevel.parse(a.level()).isEmpty()) {
                    throw new IllegalArgumentException("agency without code or level: " + a);
                }
            }
            return list;
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The routing of a reference entry; an entry that does not parse refuses (IllegalArgumentException). */
    static Routing parseRouting(String json) {
        try {
            return ProtocolJson.mapper().readValue(json, Routing.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static Optional<Agency> agency(DSLContext dsl, String code) {
        return agencies(dsl).stream().filter(a -> a.code().equals(code)).findFirst();
    }

    /** The level of this desk's agency, when the desk knows its organisation. */
    static Optional<AgencyLevel> ownLevel(DSLContext dsl, String ownAgencyCode) {
        return agency(dsl, ownAgencyCode).flatMap(a -> AgencyLevel.parse(a.level()));
    }

    /** The routing of the desk's 统筹区, else the province-wide default ({@code *}); empty when neither arrived. */
    static Optional<Routing> routing(DSLContext dsl, String adminDivision) {
        Optional<String> own = active(dsl, REF_ROUTING, adminDivision);
        return own.or(() -> active(dsl, REF_ROUTING, Routing.ANY)).map(Organisation::parseRouting);
    }

    /** Whether an active user of this desk holds {@code role}. */
    static boolean hasActiveUser(DSLContext dsl, Role role) {
        return dsl.select(APP_USER.ROLES).from(APP_USER).where(APP_USER.ACTIVE.isTrue()).fetch(APP_USER.ROLES)
                .stream().anyMatch(r -> UserService.decode(r).contains(role));
    }

    /** This desk's window number (窗口号), 0 when none is set yet. */
    static int ownWindow(DSLContext dsl) {
        Integer w = dsl.select(DESK_IDENTITY.WINDOW_NO).from(DESK_IDENTITY).where(DESK_IDENTITY.ID.eq(1))
                .fetchOne(DESK_IDENTITY.WINDOW_NO);
        return w == null ? 0 : w;
    }

    /** 「某某乡镇服务点 2号窗口」, the agency named by the list where it knows the code. */
    static String deskLabel(DSLContext dsl, String agencyCode, String agencyName, Integer windowNo) {
        String name = agencyName != null ? agencyName
                : agencyCode == null ? "" : agency(dsl, agencyCode).map(Agency::name).orElse(agencyCode);
        return windowNo == null ? name : Texts.get("holding.desk", name, String.valueOf(windowNo));
    }

    private static Optional<String> active(DSLContext dsl, String kind, String key) {
        return dsl.select(REFERENCE_DATA.CONTENT).from(REFERENCE_DATA)
                .where(REFERENCE_DATA.KIND.eq(kind), REFERENCE_DATA.ACTIVE.isTrue(),
                        REFERENCE_DATA.VERSION.like(key + "@%").or(REFERENCE_DATA.VERSION.eq(key)))
                .orderBy(REFERENCE_DATA.IMPORTED_AT.desc()).limit(1).fetchOptional(REFERENCE_DATA.CONTENT);
    }
}
