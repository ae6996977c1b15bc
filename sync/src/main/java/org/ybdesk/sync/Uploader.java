package org.ybdesk.sync;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.protocol.AuditHead;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;
import org.ybdesk.service.SyncStore;
import org.ybdesk.service.SyncStore.Answer;
import org.ybdesk.service.SyncStore.PendingMessage;

/**
 * Uploads the outbox in order of occurrence: the pending rows strictly by {@code seq}, in batches of at most the
 * configured size, each as an envelope whose {@code msgid} derives from the row only (stable across retries). The
 * answers of one response are recorded in one local transaction, after the whole response was read; the writer lock
 * is never held while a request is under way. A batch without an answer (refused connection, timeout, 5xx) leaves
 * its rows pending with one more attempt and the error, and ends the run: nothing after the first unanswered message
 * is sent. A response answering only the first k messages records those k and stops at message k+1.
 */
public final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    private static final java.time.format.DateTimeFormatter HEAD_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** What one run did; {@code error} is the Chinese reason it stopped early (null: the outbox is empty). */
    public record Report(int batches, int sent, int acked, int duplicates, int refused, String error,
                         boolean unauthorized, long httpMillis, long localMillis) {
        public boolean complete() {
            return error == null;
        }
    }

    private final SyncStore store;
    private final ProvinceClient client;
    private volatile Consumer<UploadResponse> afterResponse = r -> { };
    private volatile Runnable afterBatch = () -> { };

    public Uploader(SyncStore store, ProvinceClient client) {
        if (store.desk().mode() != Mode.PRODUCTION) {
            throw new ServiceException(Texts.get("engine.sandbox"));
        }
        this.store = store;
        this.client = client;
    }

    /**
     * Runs after a response was read and before its answers are committed. Fault tests make it throw to play a
     * desk killed between the two; a real desk leaves it alone.
     */
    public void setAfterResponse(Consumer<UploadResponse> hook) {
        this.afterResponse = hook == null ? r -> { } : hook;
    }

    /** Runs after each batch's answers were committed (the engine publishes its progress). */
    public void setAfterBatch(Runnable hook) {
        this.afterBatch = hook == null ? () -> { } : hook;
    }

    public Report run() {
        Desk desk = store.desk();
        SyncStore.Identity agency = store.identity();
        int windowNo = client.config().windowNo();
        int batches = 0;
        int sent = 0;
        int acked = 0;
        int dup = 0;
        int refused = 0;
        long http = 0;
        long local = 0;
        // halved when the server finds a request too large (413): a batch of big messages must not block the outbox
        int limit = client.config().batchSize();
        while (true) {
            long l0 = System.nanoTime();
            List<PendingMessage> batch = store.pending(limit);
            if (batch.isEmpty()) {
                // the chain grew without messages (answers, notes, pulls): its head goes to the province alone
                String err = null;
                boolean unauthorized = false;
                if (store.anchorBehind()) {
                    try {
                        SyncStore.AuditAnchor anchor = store.auditAnchor().orElse(null);
                        anchored(upload(List.of(), anchor).anchor());
                    } catch (Unanswered e) {
                        LOG.info("audit head not anchored: {}", e.getMessage());
                        store.recordFailure(List.of(), e.getMessage());
                        err = e.getMessage();
                        unauthorized = e.unauthorized();
                    }
                }
                return new Report(batches, sent, acked, dup, refused, err, unauthorized, http / 1_000_000,
                        local / 1_000_000);
            }
            List<Envelope> envelopes = new ArrayList<>(batch.size());
            for (PendingMessage m : batch) {
                if (m.change() == null) {
                    // cannot be sent, and nothing after it may go first: stop here, visibly
                    String err = Texts.get("error.msgType", m.msgType(), m.seq());
                    if (envelopes.isEmpty()) {
                        store.recordFailure(List.of(m.seq()), err);
                        return new Report(batches, sent, acked, dup, refused, err, false, http / 1_000_000, local / 1_000_000);
                    }
                    break;
                }
                envelopes.add(envelope(agency, windowNo, m));
            }
            List<Long> seqs = envelopes.stream().map(Envelope::seq).toList();
            UploadResponse response;
            batches++;
            sent += envelopes.size();
            long h0 = System.nanoTime();
            local += h0 - l0;
            SyncStore.AuditAnchor anchor = store.auditAnchor().orElse(null);
            try {
                Sent s = upload(envelopes, anchor);
                response = s.response();
                anchor = s.anchor();
            } catch (Unanswered e) {
                if (e.tooLarge() && envelopes.size() > 1) {
                    limit = Math.max(1, envelopes.size() / 2);
                    LOG.info("upload of {} messages from seq {} too large: trying {} at a time", seqs.size(),
                            seqs.get(0), limit);
                    continue;
                }
                LOG.info("upload of {} messages from seq {} unanswered: {}", seqs.size(), seqs.get(0), e.getMessage());
                store.recordFailure(seqs, e.getMessage());
                return new Report(batches, sent, acked, dup, refused, e.getMessage(), e.unauthorized(), http / 1_000_000,
                        local / 1_000_000);
            }
            long h1 = System.nanoTime();
            http += h1 - h0;
            List<Answer> answers = new ArrayList<>();
            List<UploadResult> results = response.results() == null ? List.of() : response.results();
            int n = Math.min(results.size(), envelopes.size());
            for (int i = 0; i < n; i++) {
                UploadResult r = results.get(i);
                Envelope e = envelopes.get(i);
                if (r == null || !e.msgid().equals(r.msgid())) {
                    break;
                }
                answers.add(new Answer(e.seq(), r.accepted(), r.infRefmsgid(), r.errCode(), r.errMsg()));
            }
            afterResponse.accept(response);
            store.recordAnswers(answers);
            anchored(anchor);
            local += System.nanoTime() - h1;
            LOG.debug("batch of {} from seq {}: server {} ms, desk {} ms", envelopes.size(), seqs.get(0),
                    (h1 - h0) / 1_000_000, (System.nanoTime() - h1) / 1_000_000);
            afterBatch.run();
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).accepted()) {
                    acked++;
                    if (results.get(i).duplicate()) {
                        dup++;
                    }
                } else {
                    refused++;
                }
            }
            if (answers.size() < envelopes.size()) {
                String err = Texts.get("error.answers", envelopes.get(answers.size()).msgid());
                store.recordFailure(seqs.subList(answers.size(), seqs.size()), err);
                return new Report(batches, sent, acked, dup, refused, err, false, http / 1_000_000, local / 1_000_000);
            }
        }
    }

    private record Sent(UploadResponse response, SyncStore.AuditAnchor anchor) {
    }

    /**
     * Uploads with the chain head; when the province holds a head the desk did not record (the desk stopped between
     * the province's answer and its own commit), it names that head and the desk proves it once: its own chain's hash
     * at that number, recomputed from the log. A rewritten chain fails that proof.
     */
    private Sent upload(List<Envelope> envelopes, SyncStore.AuditAnchor anchor) throws Unanswered {
        try {
            return new Sent(client.upload(request(envelopes, anchor)), anchor);
        } catch (Unanswered e) {
            Long want = e.proofSeq();
            if (want == null || anchor == null || (anchor.proof() != null && anchor.proof().seq() == want)) {
                throw e;
            }
            SyncStore.AuditAnchor proven = store.auditAnchorProving(want).orElseThrow(() -> e);
            return new Sent(client.upload(request(envelopes, proven)), proven);
        }
    }

    /** The batch with the desk's audit chain head and the proof of the head the province last accepted (D71). */
    static UploadRequest request(List<Envelope> envelopes, SyncStore.AuditAnchor anchor) {
        if (anchor == null) {
            return new UploadRequest(envelopes);
        }
        SyncStore.AuditHead h = anchor.head();
        SyncStore.AuditHead p = anchor.proof();
        return new UploadRequest(envelopes, new AuditHead(h.seq(), h.hash(), h.at() == null ? null
                : HEAD_TIME.format(h.at().atZoneSameInstant(Desk.ZONE))),
                p == null ? null : new AuditHead(p.seq(), p.hash(), null));
    }

    /** The province answered a request carrying {@code anchor}: it holds that head now. */
    private void anchored(SyncStore.AuditAnchor anchor) {
        if (anchor != null) {
            store.recordAnchored(anchor.head());
        }
    }

    /**
     * The envelope of an outbox row: everything derives from the row (its typed change and its actor, D103) and the
     * desk's fixed identity.
     */
    static Envelope envelope(SyncStore.Identity agency, int windowNo, PendingMessage m) {
        LocalDateTime at = m.createdAt().atZoneSameInstant(Desk.ZONE).toLocalDateTime();
        boolean clerk = m.operator() != null;
        return new Envelope(m.change().infno(), Protocol.msgid(agency.agencyCode(), at, windowNo, m.seq()),
                Protocol.INF_TIME.format(at), Protocol.VERSION,
                clerk ? Protocol.OPERATOR_CLERK : Protocol.OPERATOR_SYSTEM, clerk ? m.operator() : "desk" + windowNo,
                m.operatorName(), agency.agencyCode(), agency.adminDivisionCode(), String.valueOf(windowNo), m.seq(),
                ChangeKind.tree(m.change()));
    }
}
