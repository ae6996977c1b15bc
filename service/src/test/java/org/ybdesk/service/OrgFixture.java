package org.ybdesk.service;

import static org.ybdesk.db.jooq.Tables.DESK_IDENTITY;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.org.Agency;
import org.ybdesk.protocol.org.CaseHolder;
import org.ybdesk.protocol.org.FeedEntry;
import org.ybdesk.protocol.org.Routing;

/**
 * The organisation of the issue-12 tests, as the province would send it: a county agency and a township service point
 * under it, the default routing (items 16–24: acceptance at the township, every other stage at the county), and
 * feed entries made from a desk's own outbox rows (what the province would relay after accepting them).
 */
final class OrgFixture {
    static final String COUNTY = "230102001";
    static final String TOWNSHIP = "230102101";
    static final String COUNTY_NAME = "哈尔滨市道里区医疗保障中心";
    static final String TOWNSHIP_NAME = "道里区新农镇医保服务点";

    private OrgFixture() {
    }

    static DeskFixture county(java.nio.file.Path dir, java.time.LocalDate day, int window) {
        DeskFixture f = new DeskFixture(dir, day, COUNTY, COUNTY_NAME, "道里区医保中心");
        setWindow(f, window);
        return f;
    }

    static DeskFixture township(java.nio.file.Path dir, java.time.LocalDate day, int window) {
        DeskFixture f = new DeskFixture(dir, day, TOWNSHIP, TOWNSHIP_NAME, "新农镇医保服务点");
        setWindow(f, window);
        return f;
    }

    static void setWindow(DeskFixture f, int window) {
        f.desk.db().write(tx -> tx.update(DESK_IDENTITY).set(DESK_IDENTITY.WINDOW_NO, window)
                .where(DESK_IDENTITY.ID.eq(1)).execute());
    }

    static String json(Object o) {
        try {
            return ProtocolJson.mapper().writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AGENCIES (and ROUTING when {@code routing}) as the province's reference pull delivers them. */
    static void organise(DeskFixture f, long version, boolean routing) {
        List<SyncStore.ReferenceEntry> entries = new ArrayList<>();
        entries.add(new SyncStore.ReferenceEntry(Organisation.REF_AGENCIES, Holdings.KEY_ALL, version, json(List.of(
                new Agency(COUNTY, COUNTY_NAME, "230102", "COUNTY", null),
                new Agency(TOWNSHIP, TOWNSHIP_NAME, "230102", "TOWNSHIP", COUNTY)))));
        if (routing) {
            Map<String, Map<String, String>> items = new java.util.LinkedHashMap<>();
            for (int i = 16; i <= 24; i++) {
                items.put(String.valueOf(i), Map.of("ACCEPT", "TOWNSHIP", "REFUSE", "TOWNSHIP",
                        "REQUEST_SUPPLEMENT", "TOWNSHIP", "RESUME", "TOWNSHIP", "*", "COUNTY"));
            }
            for (int i = 11; i <= 15; i++) {
                items.put(String.valueOf(i), Map.of("*", "TOWNSHIP"));
            }
            entries.add(new SyncStore.ReferenceEntry(Organisation.REF_ROUTING, Routing.ANY, version,
                    json(new Routing(Routing.ANY, items))));
        }
        new SyncStore(f.desk).applyReference(version, entries);
    }

    /**
     * The desk's outbox rows of {@code caseNo} after {@code afterSeq} as feed entries (versions from {@code version}
     * on), each carrying {@code holder} — what the province relays to the other parties of the case.
     */
    static List<FeedEntry> feed(DeskFixture from, String agency, int window, String caseNo, long afterSeq,
                                long version, CaseHolder holder) {
        List<FeedEntry> out = new ArrayList<>();
        long v = version;
        for (var r : from.desk.db().dsl().selectFrom(OUTBOX).where(OUTBOX.ENTITY_ID.eq(caseNo),
                OUTBOX.SEQ.gt(afterSeq)).orderBy(OUTBOX.SEQ).fetch()) {
            try {
                out.add(new FeedEntry(v++, caseNo, FeedEntry.CHANGE, agency + "-" + window + "-" + r.getSeq(),
                        ChangeKind.ofMsgType(r.getMsgType()).orElseThrow().infno(), null, agency, window, null,
                        r.getActorName(), null, ProtocolJson.mapper().readTree(r.getPayloadJson()), holder));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static long lastSeq(DeskFixture f) {
        Long s = f.desk.db().dsl().select(org.jooq.impl.DSL.max(OUTBOX.SEQ)).from(OUTBOX).fetchOne().value1();
        return s == null ? 0 : s;
    }

    static CaseHolder pool(String caseNo, String agency, String agencyName, String nextAction, String acceptor,
                           int acceptorWindow) {
        return new CaseHolder(caseNo, agency, agencyName, null, null, nextAction, null, acceptor, acceptorWindow);
    }

    static CaseHolder desk(String caseNo, String agency, String agencyName, int window, String nextAction,
                           String acceptor, int acceptorWindow) {
        return new CaseHolder(caseNo, agency, agencyName, window, agencyName + " " + window + "号窗口", nextAction,
                null, acceptor, acceptorWindow);
    }
}
