package org.ybdesk.province.store;

import static org.ybdesk.province.jooq.Tables.DESK;
import static org.ybdesk.province.jooq.Tables.DESK_AUDIT_ANCHOR;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.jooq.Record2;
import org.ybdesk.protocol.AuditHead;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.province.ApiException;
import org.ybdesk.province.Texts;

/**
 * Keeps each desk's audit chain heads (D71) and refuses a batch that shows the desk's chain was cut back or rewritten:
 * its head's sequence number is below the last head stored for the desk, its proof (the desk's hash now at a sequence
 * number the province stored) differs or is missing, or its head's hash differs from the one stored at the same
 * sequence number. Requests without a head (desks older than D71) are not checked. The check and the storing of the
 * new head happen in one transaction holding the desk's row, before any message of the batch is applied.
 */
public final class AuditAnchors {
    public static final String REWOUND = "AUDIT_CHAIN_REWOUND";
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ProvinceDb db;

    public AuditAnchors(ProvinceDb db) {
        this.db = db;
    }

    /** Checks the request's head against the desk's stored heads and stores it; refuses with HTTP 409. */
    public void check(Desks.Desk desk, UploadRequest req) {
        AuditHead head = req.auditHead();
        if (head == null) {
            return;
        }
        if (head.seq() < 1 || head.hash() == null || !HASH.matcher(head.hash()).matches()
                || (head.time() != null && !head.time().matches("\\d{14}"))
                || (req.auditProof() != null && (req.auditProof().hash() == null
                        || !HASH.matcher(req.auditProof().hash()).matches()))) {
            // the time is yyyyMMddHHmmss as the desk writes it: nothing else (no NUL, no text) reaches the table
            throw new ApiException(400, "INVALID_ENVELOPE", Texts.get("anchor.invalid"));
        }
        AuditHead proof = req.auditProof();
        db.write(tx -> {
            tx.select(DESK.ID).from(DESK).where(DESK.ID.eq(desk.id())).forUpdate().fetch();
            Record2<Long, String> last = tx.select(DESK_AUDIT_ANCHOR.SEQ, DESK_AUDIT_ANCHOR.HASH)
                    .from(DESK_AUDIT_ANCHOR).where(DESK_AUDIT_ANCHOR.DESK_ID.eq(desk.id()))
                    .orderBy(DESK_AUDIT_ANCHOR.SEQ.desc()).limit(1).fetchOne();
            if (last != null) {
                if (head.seq() < last.value1()) {
                    throw rewound(Texts.get("anchor.behind", String.valueOf(head.seq()), String.valueOf(last.value1())));
                }
                if (proof == null) {
                    throw rewound(Texts.get("anchor.proofMissing", String.valueOf(last.value1())), last.value1());
                }
                String atProof = storedHash(tx, desk, proof.seq());
                if (atProof == null) {
                    throw rewound(Texts.get("anchor.proofMissing", String.valueOf(last.value1())), last.value1());
                }
                if (!atProof.equals(proof.hash())) {
                    throw rewound(Texts.get("anchor.proofDiffers", String.valueOf(proof.seq())));
                }
                String atHead = storedHash(tx, desk, head.seq());
                if (atHead != null && !atHead.equals(head.hash())) {
                    throw rewound(Texts.get("anchor.proofDiffers", String.valueOf(head.seq())));
                }
            }
            tx.insertInto(DESK_AUDIT_ANCHOR).set(DESK_AUDIT_ANCHOR.DESK_ID, desk.id())
                    .set(DESK_AUDIT_ANCHOR.SEQ, head.seq()).set(DESK_AUDIT_ANCHOR.HASH, head.hash())
                    .set(DESK_AUDIT_ANCHOR.HEAD_TIME, head.time())
                    .set(DESK_AUDIT_ANCHOR.RECEIVED_AT, db.now())
                    .onConflictDoNothing().execute();
            return null;
        });
    }

    private static String storedHash(org.jooq.DSLContext tx, Desks.Desk desk, long seq) {
        return tx.select(DESK_AUDIT_ANCHOR.HASH).from(DESK_AUDIT_ANCHOR)
                .where(DESK_AUDIT_ANCHOR.DESK_ID.eq(desk.id()), DESK_AUDIT_ANCHOR.SEQ.eq(seq))
                .fetchOne(DESK_AUDIT_ANCHOR.HASH);
    }

    private static ApiException rewound(String reason) {
        return rewound(reason, null);
    }

    private static ApiException rewound(String reason, Long anchoredSeq) {
        return new ApiException(409, REWOUND, Texts.get("anchor.rewound", reason), anchoredSeq);
    }
}
