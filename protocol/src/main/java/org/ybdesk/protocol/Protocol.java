package org.ybdesk.protocol;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.Optional;

/**
 * Constants and rules of the desk ↔ province protocol (JSON over HTTP, see docs/protocol.md and
 * docs/protocol/openapi.yaml). Both sides depend on this module and nothing else of each other.
 */
public final class Protocol {
    /** Interface version carried in every envelope ({@code infver}). */
    public static final String VERSION = "V1.0";

    /** Paths (all under the server's base URL). */
    public static final String PATH_UPLOAD = "/api/v1/upload";
    public static final String PATH_REFERENCE = "/api/v1/reference";
    public static final String PATH_REGISTRY = "/api/v1/registry";
    public static final String PATH_HEALTH = "/api/v1/health";
    /** Who the province knows this desk as ({@link org.ybdesk.protocol.org.DeskInfo}). */
    public static final String PATH_DESK = "/api/v1/desk";
    /** The case feed ({@link org.ybdesk.protocol.org.CaseFeed}, long polling with {@code wait}). */
    public static final String PATH_FEED = "/api/v1/cases/feed";
    /** One case with its history: {@code /api/v1/cases/{no}}; {@code …/claim}, {@code …/release}. */
    public static final String PATH_CASES = "/api/v1/cases";
    /** A supervisor moves a lost desk's cases ({@link org.ybdesk.protocol.org.ReassignRequest}). */
    public static final String PATH_REASSIGN = "/api/v1/cases/reassign";
    /** The county view ({@link org.ybdesk.protocol.org.CountyCases}). */
    public static final String PATH_COUNTY = "/api/v1/county/cases";
    /** Resolves an e-voucher code ({@link org.ybdesk.protocol.voucher.VoucherResolveRequest}, issue 13). */
    public static final String PATH_VOUCHER_RESOLVE = "/api/v1/vouchers/resolve";
    /** The longest a desk waits for a voucher's resolution before it treats itself as offline (seconds). */
    public static final int VOUCHER_TIMEOUT_SECONDS = 5;
    /** Refusals of a resolution: not a voucher code (400), no such voucher (404), no longer valid (422). */
    public static final String VOUCHER_INVALID = "VOUCHER_INVALID";
    public static final String VOUCHER_UNKNOWN = "VOUCHER_UNKNOWN";
    public static final String VOUCHER_EXPIRED = "VOUCHER_EXPIRED";
    /** Registry conflicts of the desk's agency (issue 13, D134). */
    public static final String PATH_CONFLICTS = "/api/v1/conflicts";
    /** Header carrying the desk's token: {@code Authorization: Bearer <token>}. */
    public static final String AUTH_HEADER = "Authorization";
    public static final String BEARER = "Bearer ";

    /** {@code opter_type}: 1 经办人 (a clerk at a window), as on the national platform. */
    public static final String OPERATOR_CLERK = "1";
    /** {@code opter_type}: 9 the desk itself (system actions such as pulls). */
    public static final String OPERATOR_SYSTEM = "9";

    /** The most messages one upload request may carry; the server refuses bigger batches with 413. */
    public static final int MAX_BATCH = 500;

    /**
     * The largest upload request body in bytes (32 MiB: 500 messages of up to 64 KiB input each); the server answers
     * a larger body, declared or streamed (chunked), with 413.
     */
    public static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    /** {@code inf_time} format, as on the national platform. */
    public static final DateTimeFormatter INF_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /**
     * Transaction codes ({@code infno}) by the desk's outbox message type. Upload codes are 4xxx, pulls 9xxx. The
     * mapping (and each kind's record) is {@link org.ybdesk.protocol.change.ChangeKind}.
     */
    public static final Map<String, String> INFNO_BY_MSG_TYPE = org.ybdesk.protocol.change.ChangeKind.infnoByMsgType();
    public static final String INFNO_REFERENCE = "9101";
    public static final String INFNO_REGISTRY = "9102";
    /** Reference data kinds of the organisation (issue 12): the agencies with their levels, and the routing. */
    public static final String REFERENCE_AGENCIES = "AGENCIES";
    public static final String REFERENCE_ROUTING = "ROUTING";
    /** The longest a feed request may wait for an entry (seconds). */
    public static final int MAX_FEED_WAIT_SECONDS = 30;

    private Protocol() {
    }

    public static Optional<String> infno(String msgType) {
        return Optional.ofNullable(INFNO_BY_MSG_TYPE.get(msgType));
    }

    /**
     * The message id: agency code + {@code yyyyMMddHHmmss} of the change + a 10-digit sequence made of the desk's
     * 3-digit window number and its 7-digit outbox sequence. Stable across retries (it is derived from the outbox row only),
     * so the server recognises a re-sent message; unique across the desks of one agency (the window number).
     */
    public static String msgid(String agencyCode, LocalDateTime occurredAt, int windowNo, long seq) {
        if (windowNo < 0 || windowNo > 999) {
            throw new IllegalArgumentException("window number out of range 0–999: " + windowNo);
        }
        if (seq < 0 || seq > 9_999_999L) {
            throw new IllegalArgumentException("outbox sequence out of range: " + seq);
        }
        return agencyCode + MSGID_TIME.format(occurredAt) + String.format("%03d%07d", windowNo, seq);
    }
}
