package org.ybdesk.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.ybdesk.protocol.ReferenceData;
import org.ybdesk.protocol.RegistryDelta;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;
import org.ybdesk.service.SyncStore.ReferenceEntry;
import org.ybdesk.service.SyncStore.RemotePerson;
import org.ybdesk.service.SyncStore.RemoteUnit;

/**
 * Pulls reference data and registry deltas newer than the desk's versions. Each answer is applied in one local
 * transaction together with its version (after the answer was read whole), so a pull cut off midway resumes from the
 * last applied page.
 */
public final class Puller {
    /** Registry page size asked for. */
    public static final int PAGE = 500;
    /** A guard against a server that keeps saying "more" without moving on. */
    private static final int MAX_PAGES = 10_000;

    public record Report(int referenceEntries, int persons, int units, int keptLocal, int pages) {
    }

    private final SyncStore store;
    private final ProvinceClient client;

    public Puller(SyncStore store, ProvinceClient client) {
        if (store.desk().mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("engine.sandbox"));
        }
        this.store = store;
        this.client = client;
    }

    public Report run() throws Unanswered {
        int ref = pullReference();
        int persons = 0;
        int units = 0;
        int kept = 0;
        int pages = 0;
        while (pages < MAX_PAGES) {
            long since = store.state().registryVersion();
            RegistryDelta d = client.registry(since, PAGE);
            pages++;
            var applied = store.applyRegistry(d.version(),
                    d.persons() == null ? List.of() : d.persons().stream().map(Puller::person).toList(),
                    d.units() == null ? List.of() : d.units().stream().map(Puller::unit).toList());
            persons += applied.persons();
            units += applied.units();
            kept += applied.keptLocal();
            if (!d.more() || d.version() <= since) {
                break;
            }
        }
        return new Report(ref, persons, units, kept, pages);
    }

    int pullReference() throws Unanswered {
        long since = store.state().referenceVersion();
        ReferenceData d = client.reference(since);
        if (d.version() <= since || d.entries() == null) {
            return 0;
        }
        return store.applyReference(d.version(), d.entries().stream()
                .map(e -> new ReferenceEntry(e.kind(), e.key(), e.version(), text(content(e)))).toList());
    }

    /** A CALENDAR entry carries one year ({@code year}, holidays, make-up days): the calendar file holds a list. */
    private static JsonNode content(ReferenceData.Entry e) {
        JsonNode c = e.content();
        if (ReferenceData.CALENDAR.equals(e.kind()) && c != null && c.isObject() && c.has("year") && !c.has("years")) {
            var wrapped = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            wrapped.putArray("years").add(c);
            return wrapped;
        }
        return c;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "" : n.isTextual() ? n.asText() : n.toString();
    }

    private static RemotePerson person(RegistryDelta.Person p) {
        return new RemotePerson(p.idType(), p.idNumber(), p.name(), p.gender(), date(p.birthDate()),
                p.insuranceType(), p.status(), p.phone(), p.unitCreditCode(), p.version());
    }

    private static RemoteUnit unit(RegistryDelta.Unit u) {
        return new RemoteUnit(u.creditCode(), u.name(), u.unitType(), u.status(), u.admdvs(), u.version());
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.length() == 8 ? s.substring(0, 4) + "-" + s.substring(4, 6) + "-" + s.substring(6)
                    : s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
