package org.ybdesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.OUTBOX;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.ItemGroup;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;

/**
 * Upload without a blocking queue (D124), against the real provincial server (a separate process, {@link Province})
 * on a real PostgreSQL: one message the province cannot read (HTTP 400 for any batch carrying it) holds back only its
 * own case's chain — every unrelated case and registration uploads in the same round —, is quarantined at its third
 * rejection, shown with its reason, and sent again after an administrator's retry.
 *
 * <p>How the poisoned message is made: its outbox row's {@code created_at} is moved to the year 10000 (a PC clock
 * gone wild), so its envelope's {@code inf_time} and {@code msgid} cannot be read by the server's EnvelopeCheck —
 * 400 {@code INVALID_ENVELOPE} for the whole batch, exactly the "field's known failure" of issue 12. No server hook.
 */
class ChainUploadTest {
    @TempDir
    Path dir;

    private Province province;
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (province != null) {
            province.close();
        }
    }

    private Desk desk(String folder) {
        Desk d = DeskFixture.open(dir.resolve(folder), Mode.PRODUCTION);
        open.add(d);
        return d;
    }

    private static int personItem(Desk d) {
        return d.catalog().items().stream()
                .filter(i -> i.applicantKind() == ApplicantKind.PERSON && i.group() != ItemGroup.OUT_OF_AREA_FILING
                        && i.group() != ItemGroup.REGISTRATION && i.group() != ItemGroup.CHANGE)
                .mapToInt(ServiceItem::no).findFirst().orElseThrow();
    }

    /** A received and accepted case: two messages of one chain. */
    private static String acceptedCase(Desk d, Actor clerk) {
        String id = DeskFixture.registerPersons(d, clerk, 1).get(0);
        String no = CaseData.create(d, personItem(d), DeskFixture.name(0), id, clerk).summary().caseNo();
        d.cases().act(no, Command.of(CaseAction.ACCEPT), null, clerk);
        return no;
    }

    private static List<Long> seqsOf(Desk d, String caseNo) {
        return d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).where(OUTBOX.ENTITY_TYPE.eq("CASE"),
                OUTBOX.ENTITY_ID.eq(caseNo)).orderBy(OUTBOX.SEQ).fetch(OUTBOX.SEQ);
    }

    private static String status(Desk d, long seq) {
        return d.db().dsl().select(OUTBOX.STATUS).from(OUTBOX).where(OUTBOX.SEQ.eq(seq)).fetchOne(OUTBOX.STATUS);
    }

    /** Messages the province holds for a case (any outcome). */
    private long atProvince(String caseNo) throws Exception {
        return province.count("select count(*) from received_message where case_no = ?", caseNo);
    }

    @Test
    void onePoisonedMessageHoldsBackOnlyItsOwnCaseWhichIsQuarantinedShownAndRetried() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心一号窗口");
        Desk d = desk("a");
        Actor clerk = DeskFixture.clerk(d);
        String before = acceptedCase(d, clerk);
        String poisoned = acceptedCase(d, clerk);
        String after = acceptedCase(d, clerk);
        List<Long> chain = seqsOf(d, poisoned);
        assertThat(chain).hasSize(2);
        long bad = chain.get(0); // the receipt; the acceptance waits behind it
        OffsetDateTime original = d.db().dsl().select(OUTBOX.CREATED_AT).from(OUTBOX).where(OUTBOX.SEQ.eq(bad))
                .fetchOne(OUTBOX.CREATED_AT);
        d.db().dsl().update(OUTBOX).set(OUTBOX.CREATED_AT, original.withYear(10000)).where(OUTBOX.SEQ.eq(bad))
                .execute();
        SyncStore store = new SyncStore(d);
        Uploader up = new Uploader(store, new ProvinceClient(cfg));

        // round 1: the batch gets 400, its halves find the message; everything else is acknowledged in this round
        Uploader.Report r1 = up.run();
        assertThat(r1.complete()).as(String.valueOf(r1.error())).isTrue();
        assertThat(r1.rejected()).isEqualTo(1);
        assertThat(r1.quarantined()).isZero();
        assertThat(status(d, bad)).isEqualTo("PENDING");
        for (int i = 1; i < chain.size(); i++) {
            assertThat(status(d, chain.get(i))).as("behind the poisoned message").isEqualTo("PENDING");
        }
        assertThat(seqsOf(d, before)).allSatisfy(s -> assertThat(status(d, s)).isEqualTo("ACKED"));
        assertThat(seqsOf(d, after)).allSatisfy(s -> assertThat(status(d, s)).isEqualTo("ACKED"));
        assertThat(atProvince(after)).isEqualTo(2);
        assertThat(atProvince(poisoned)).as("nothing of the poisoned case reached the province").isZero();

        // unrelated work keeps flowing while the poisoned chain waits; the third rejection quarantines it
        List<String> later = new ArrayList<>();
        for (int round = 2; round <= 3; round++) {
            later.add(acceptedCase(d, clerk));
            Uploader.Report r = up.run();
            assertThat(r.complete()).isTrue();
            assertThat(r.rejected()).isEqualTo(1);
            assertThat(r.quarantined()).isEqualTo(round == 3 ? 1 : 0);
            assertThat(atProvince(later.get(later.size() - 1))).isEqualTo(2);
        }
        assertThat(status(d, bad)).isEqualTo(SyncStore.QUARANTINED);
        assertThat(store.counts().quarantined()).isEqualTo(1);

        // shown: the chain, the message, the province's reason, since when, and how many wait behind it
        List<SyncStore.QuarantinedChain> q = store.quarantined();
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.entityType()).isEqualTo("CASE");
            assertThat(c.entityId()).isEqualTo(poisoned);
            assertThat(c.seq()).isEqualTo(bad);
            assertThat(c.reason()).contains("HTTP 400").contains("整批未处理").contains("+10000");
            assertThat(c.since()).isNotNull();
            assertThat(c.waiting()).isEqualTo(1);
        });
        try (SyncEngine engine = new SyncEngine(d, Optional.of(cfg), Duration.ofSeconds(1), Duration.ofSeconds(1))) {
            assertThat(engine.status().quarantinedChains()).isEqualTo(1);
            assertThat(engine.status().quarantineReason()).contains("HTTP 400");
        }
        assertThat(d.db().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_QUARANTINE"))).isEqualTo(1);

        // a quarantined chain is no longer tried: a round sends nothing of it and rejects nothing
        Uploader.Report quiet = up.run();
        assertThat(quiet.rejected()).isZero();
        assertThat(quiet.sent()).isZero();

        // retry: a clerk may not; the head may (audited); with the row repaired the chain goes through
        assertThatThrownBy(() -> store.retry(bad, clerk)).isInstanceOf(ServiceException.class)
                .hasMessageContaining("管理员或负责人");
        assertThatThrownBy(() -> store.retry(chain.get(1), head(d))).isInstanceOf(ServiceException.class)
                .hasMessageContaining(String.valueOf(chain.get(1)));
        d.db().dsl().update(OUTBOX).set(OUTBOX.CREATED_AT, original).where(OUTBOX.SEQ.eq(bad)).execute();
        assertThat(store.retry(bad, head(d))).containsExactly(bad);
        assertThat(d.db().dsl().fetchCount(AUDIT_LOG, AUDIT_LOG.ACTION.eq("SYNC_RETRY"))).isEqualTo(1);
        assertThat(store.quarantined()).isEmpty();
        Uploader.Report r4 = up.run();
        assertThat(r4.complete()).as(String.valueOf(r4.error())).isTrue();
        assertThat(chain).allSatisfy(s -> assertThat(status(d, s)).as("seq " + s).isEqualTo("ACKED"));
        assertThat(atProvince(poisoned)).isEqualTo(2);
        assertThat(store.counts().pending()).isZero();
    }

    @Test
    void aRowThisReleaseCannotSendIsQuarantinedAtTheThirdRoundWithoutBlockingOthers() throws Exception {
        province = Province.start(dir);
        SyncConfig cfg = province.registerDesk("道里区医保中心二号窗口");
        Desk d = desk("b");
        Actor clerk = DeskFixture.clerk(d);
        List<String> ids = DeskFixture.registerPersons(d, clerk, 3);
        long unreadable = d.db().dsl().select(OUTBOX.SEQ).from(OUTBOX).where(OUTBOX.ENTITY_ID.eq(ids.get(1)))
                .fetchOne(OUTBOX.SEQ);
        d.db().dsl().update(OUTBOX).set(OUTBOX.PAYLOAD_JSON, "{\"idNumber\": ").where(OUTBOX.SEQ.eq(unreadable))
                .execute();
        SyncStore store = new SyncStore(d);
        Uploader up = new Uploader(store, new ProvinceClient(cfg));
        for (int round = 1; round <= 3; round++) {
            DeskFixture.registerPersons(d, clerk, 1);
            Uploader.Report r = up.run();
            assertThat(r.complete()).isTrue();
            assertThat(r.rejected()).isEqualTo(1);
            assertThat(r.acked()).isEqualTo(round == 1 ? 3 : 1);
        }
        assertThat(status(d, unreadable)).isEqualTo(SyncStore.QUARANTINED);
        assertThat(store.quarantined()).singleElement().satisfies(c -> {
            assertThat(c.entityType()).isEqualTo("PERSON");
            assertThat(c.entityId()).isEqualTo(ids.get(1));
            assertThat(c.reason()).contains(String.valueOf(unreadable));
        });
        assertThat(store.counts().pending()).isZero();
        assertThat(province.count("select count(*) from registry_person")).isEqualTo(5);
    }

    /** The agency head (负责人): may retry quarantined messages, as an administrator may. */
    private static Actor head(Desk d) {
        if (d.users().list().stream().noneMatch(u -> u.username().equals("head"))) {
            d.users().add("head", "负责人丙", "passhead11", EnumSet.of(Role.HEAD), DeskFixture.residentId("19700101"),
                    d.users().login("admin", "passadmin1"));
        }
        return d.users().login("head", "passhead11");
    }
}
