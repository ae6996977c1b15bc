package org.ybdesk.service;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.ybdesk.db.AuditCheck;

/**
 * The result of {@code audit verify} for people (D71): ok or every problem found, in Chinese, with the chain's head
 * (sequence number, the first 16 hex digits of its hash and its time) to compare with the printed ledger, and the
 * head the province last accepted.
 */
public record AuditReport(AuditCheck.Result result, List<String> problems) {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public boolean ok() {
        return result.ok();
    }

    public long rows() {
        return result.rows();
    }

    public Long firstBadSeq() {
        return result.firstBadSeq();
    }

    public AuditCheck.Head head() {
        return result.head();
    }

    /** "第 N 条 · 哈希 0123456789abcdef · 时间": the head as printed on the ledger; a fixed text when the log is empty. */
    public String headLine() {
        return headLine(result.head());
    }

    /** The head the province last accepted, as a line; null when none was. */
    public String anchorLine() {
        AuditCheck.Head a = result.anchor();
        return a == null ? null : Texts.get("audit.content.anchor", String.valueOf(a.seq()), shortHash(a.hash()),
                time(a.at()));
    }

    public static String headLine(AuditCheck.Head h) {
        return h == null ? Texts.get("audit.content.head.none")
                : Texts.get("audit.content.head", String.valueOf(h.seq()), shortHash(h.hash()), time(h.at()));
    }

    public static String shortHash(String hash) {
        return hash == null ? "" : hash.substring(0, Math.min(16, hash.length()));
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(Desk.ZONE));
    }

    static AuditReport of(AuditCheck.Result r) {
        List<String> out = new ArrayList<>();
        for (AuditCheck.Finding f : r.findings()) {
            out.add(describe(f));
        }
        return new AuditReport(r, List.copyOf(out));
    }

    private static String describe(AuditCheck.Finding f) {
        String seq = f.seq() == null ? "" : String.valueOf(f.seq());
        return switch (f.kind()) {
            case CHAIN_BROKEN -> Texts.get("audit.content.chainBroken", seq);
            case CONTENT_CHANGED -> Texts.get("audit.content.changed", entity(f), seq);
            case NOT_AUDITED -> Texts.get("audit.content.notAudited", entity(f));
            case ROW_MISSING -> f.entityId() == null ? Texts.get("audit.content.outboxMissing", seq)
                    : Texts.get("audit.content.rowMissing", entity(f), seq);
            case OUTBOX_CHANGED -> Texts.get("audit.content.outboxChanged", f.entityId(), seq);
            case OUTBOX_NOT_AUDITED -> Texts.get("audit.content.outboxNotAudited", f.entityId());
            case TAIL_MISSING -> Texts.get("audit.content.tailMissing", seq);
            case ANCHOR_MISMATCH -> Texts.get("audit.content.anchorMismatch", seq, shortHash(f.entityId()));
            case RESEALED -> Texts.get("audit.content.resealed", seq);
        };
    }

    private static String entity(AuditCheck.Finding f) {
        String kind = switch (f.entityType()) {
            case "CASE" -> Texts.get("audit.content.kind.case");
            case "PERSON" -> Texts.get("audit.content.kind.person");
            case "UNIT" -> Texts.get("audit.content.kind.unit");
            default -> f.entityType();
        };
        return kind + " " + f.entityId();
    }
}
