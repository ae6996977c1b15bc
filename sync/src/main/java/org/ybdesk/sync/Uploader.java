package org.ybdesk.sync;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
import org.ybdesk.service.SyncStore.Chain;
import org.ybdesk.service.SyncStore.PendingMessage;

/**
 * Uploads the outbox, keeping order per chain (D124: a case, a person, a unit), not across the desk: the pending rows
 * by {@code seq}, skipping every chain with a quarantined message, in batches of at most the configured size, each as
 * an envelope whose {@code msgid} derives from the row only (stable across retries). The answers of one response are
 * recorded in one local transaction, after the whole response was read; the writer lock is never held while a
 * request is under way.
 *
 * <p>A batch the province rejects as malformed (HTTP 400) or too large (413) is split in halves, in order, until the
 * message it cannot read is alone: that message counts one rejection ({@link SyncStore#recordRejection}, the third
 * quarantines it), its chain waits for the rest of the run, every other chain flows on. A row this release cannot
 * send (unknown type, unreadable JSON, no envelope) is rejected the same way without a request. A batch without an
 * answer (refused connection, timeout, 5xx, 401/403) leaves its rows pending with one more attempt and the error and
 * ends the run; a response answering only the first k messages records those k and stops at message k+1.
 *
 * <p>Issue 13 (D136): an answer "not yet" ({@code infcode} 1, e.g. {@code NOT_YET_INSURED}: a back-filled filing whose
 * registration has not reached the province) is not a result: the message stays pending, the first such message of
 * its chain counts one rejection with the province's reason (the third quarantines it, visible and retried with
 * {@code ybdesk sync retry}), and its chain waits for the next run.
 */
public final class Uploader {
    private static final Logger LOG = LoggerFactory.getLogger(Uploader.class);
    private static final java.time.format.DateTimeFormatter HEAD_TIME =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /**
     * What one run did; {@code error} is the Chinese reason it stopped early (null: every chain that could go went).
     * {@code rejected}: messages rejected as malformed in this run (their chains waited), {@code quarantined}: of
     * those, the ones set aside now.
     */
    public record Report(int batches, int sent, int acked, int duplicates, int refused, String error,
                         boolean unauthorized, long httpMillis, long localMillis, int rejected, int quarantined) {
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

    /** The counters of one run, and the chains held back in it. */
    private final class Run {
        final SyncStore.Identity agency = store.identity();
        final int windowNo = client.config().windowNo();
        final Set<Chain> held = new HashSet<>();
        int batches;
        int sent;
        int acked;
        int dup;
        int refused;
        int rejected;
        int quarantined;
        long http;
        long local;
        String error;
        boolean unauthorized;

        Report report() {
            return new Report(batches, sent, acked, dup, refused, error, unauthorized, http / 1_000_000,
                    local / 1_000_000, rejected, quarantined);
        }

        void reject(PendingMessage m, String reason) {
            rejected++;
            held.add(chain(m));
            if (store.recordRejection(m.seq(), reason)) {
                quarantined++;
                LOG.warn("outbox message {} ({} {}) quarantined: {}", m.seq(), m.entityType(), m.entityId(), reason);
            } else {
                LOG.info("outbox message {} ({} {}) rejected, its chain waits this round: {}", m.seq(),
                        m.entityType(), m.entityId(), reason);
            }
        }
    }

    private static Chain chain(PendingMessage m) {
        return new Chain(m.entityType(), m.entityId());
    }

    public Report run() {
        Run run = new Run();
        int limit = client.config().batchSize();
        while (true) {
            long l0 = System.nanoTime();
            List<PendingMessage> batch = store.pending(limit, run.held);
            if (batch.isEmpty()) {
                // the chain grew without messages (answers, notes, pulls): its head goes to the province alone
                if (store.anchorBehind()) {
                    try {
                        SyncStore.AuditAnchor anchor = store.auditAnchor().orElse(null);
                        anchored(upload(List.of(), anchor).anchor());
                    } catch (Unanswered e) {
                        LOG.info("audit head not anchored: {}", e.getMessage());
                        store.recordFailure(List.of(), e.getMessage());
                        run.error = e.getMessage();
                        run.unauthorized = e.unauthorized();
                    }
                }
                return run.report();
            }
            List<Outgoing> out = new ArrayList<>(batch.size());
            for (PendingMessage m : batch) {
                if (run.held.contains(chain(m))) {
                    continue; // an earlier message of its chain could not be sent
                }
                String problem = null;
                Envelope e = null;
                if (m.change() == null) {
                    problem = Texts.get(ChangeKind.ofMsgType(m.msgType()).isPresent() ? "error.payload"
                            : "error.msgType", m.msgType(), m.seq());
                } else {
                    try {
                        e = envelope(run.agency, run.windowNo, m);
                    } catch (RuntimeException ex) {
                        problem = Texts.get("error.envelope", m.seq(), String.valueOf(ex.getMessage()));
                    }
                }
                if (problem != null) {
                    run.reject(m, problem);
                } else {
                    out.add(new Outgoing(m, e));
                }
            }
            run.local += System.nanoTime() - l0;
            if (!send(run, out)) {
                return run.report();
            }
        }
    }

    /** A pending message and its envelope. */
    private record Outgoing(PendingMessage message, Envelope envelope) {
    }

    /**
     * Sends {@code part} (in order) and records the answers. A 400 or 413 splits it in halves, sent one after the
     * other, down to one message, which is then rejected alone. Returns false when the run must end (no answer).
     */
    private boolean send(Run run, List<Outgoing> part) {
        List<Outgoing> go = part.stream().filter(o -> !run.held.contains(chain(o.message()))).toList();
        if (go.isEmpty()) {
            return true;
        }
        List<Envelope> envelopes = go.stream().map(Outgoing::envelope).toList();
        List<Long> seqs = envelopes.stream().map(Envelope::seq).toList();
        run.batches++;
        run.sent += envelopes.size();
        long h0 = System.nanoTime();
        SyncStore.AuditAnchor anchor = store.auditAnchor().orElse(null);
        UploadResponse response;
        try {
            Sent s = upload(envelopes, anchor);
            response = s.response();
            anchor = s.anchor();
        } catch (Unanswered e) {
            run.http += System.nanoTime() - h0;
            if (e.badRequest() || e.tooLarge()) {
                if (go.size() == 1) {
                    // alone and still unreadable for the province (or over its body limit): this message is it
                    run.reject(go.get(0).message(), e.getMessage());
                    return true;
                }
                LOG.info("upload of {} messages from seq {} not readable for the province ({}): sending halves",
                        seqs.size(), seqs.get(0), e.getMessage());
                int half = go.size() / 2;
                return send(run, go.subList(0, half)) && send(run, go.subList(half, go.size()));
            }
            LOG.info("upload of {} messages from seq {} unanswered: {}", seqs.size(), seqs.get(0), e.getMessage());
            store.recordFailure(seqs, e.getMessage());
            run.error = e.getMessage();
            run.unauthorized = e.unauthorized();
            return false;
        }
        long h1 = System.nanoTime();
        run.http += h1 - h0;
        List<Answer> answers = new ArrayList<>(envelopes.size());
        List<UploadResult> answered = new ArrayList<>(envelopes.size());
        List<Outgoing> waiting = new ArrayList<>();
        List<UploadResult> results = response.results() == null ? List.of() : response.results();
        int n = Math.min(results.size(), envelopes.size());
        int got = 0;
        for (int i = 0; i < n; i++) {
            UploadResult r = results.get(i);
            Envelope e = envelopes.get(i);
            if (r == null || !e.msgid().equals(r.msgid())) {
                break;
            }
            got++;
            if (r.waiting()) {
                // not judged yet (D136): stays pending, its chain waits
                waiting.add(go.get(i));
                continue;
            }
            answers.add(new Answer(e.seq(), r.accepted(), r.infRefmsgid(), r.errCode(), r.errMsg()));
            answered.add(r);
        }
        afterResponse.accept(response);
        store.recordAnswers(answers);
        for (Outgoing w : waiting) {
            if (!run.held.contains(chain(w.message()))) {
                UploadResult r = results.get(go.indexOf(w));
                run.reject(w.message(), r.errMsg() == null ? String.valueOf(r.errCode()) : r.errMsg());
            }
        }
        anchored(anchor);
        run.local += System.nanoTime() - h1;
        LOG.debug("batch of {} from seq {}: server {} ms, desk {} ms", envelopes.size(), seqs.get(0),
                (h1 - h0) / 1_000_000, (System.nanoTime() - h1) / 1_000_000);
        afterBatch.run();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).accepted()) {
                run.acked++;
                if (answered.get(i).duplicate()) {
                    run.dup++;
                }
            } else {
                run.refused++;
            }
        }
        if (got < envelopes.size()) {
            String err = Texts.get("error.answers", envelopes.get(got).msgid());
            store.recordFailure(seqs.subList(got, seqs.size()), err);
            run.error = err;
            return false;
        }
        return true;
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
