package org.ybdesk.province;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.province.store.Desks;

/**
 * Checks of a batch's envelopes before anything is applied (docs/DECISIONS.md D54). A batch with a malformed
 * envelope is a desk defect, not a clerk's case: the whole request gets 400 with every problem listed and nothing is
 * applied. The token's agency and desk number are checked first ({@link #authorise}: 403).
 */
public final class EnvelopeCheck {
    static final Set<String> UPLOAD_INFNOS = Set.copyOf(Protocol.INFNO_BY_MSG_TYPE.values());
    private static final DateTimeFormatter MSGID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private EnvelopeCheck() {
    }

    /** 403 when an envelope speaks for another agency or another desk than the token's. */
    static void authorise(Desks.Desk desk, List<Envelope> messages) {
        for (Envelope e : messages) {
            if (e == null) {
                continue;
            }
            if (e.agencyCode() != null && !e.agencyCode().equals(desk.agencyCode())) {
                throw new ApiException(403, "AGENCY_MISMATCH",
                        Texts.get("auth.agencyMismatch", InputCheck.shown(e.agencyCode()), desk.agencyCode()));
            }
            if (e.admdvs() != null && !e.admdvs().equals(desk.admdvs())) {
                throw new ApiException(403, "ADMDVS_MISMATCH",
                        Texts.get("auth.admdvsMismatch", InputCheck.shown(e.admdvs()), desk.admdvs()));
            }
            if (e.windowNo() != null && windowNo(e.windowNo()) != desk.windowNo()) {
                throw new ApiException(403, "DESK_MISMATCH",
                        Texts.get("auth.deskMismatch", InputCheck.shown(e.windowNo()),
                                String.format("%03d", desk.windowNo())));
            }
        }
    }

    /** Every structural problem of the batch, in Chinese; empty when the batch may be processed. */
    static List<String> problems(List<Envelope> messages) {
        List<String> out = new ArrayList<>();
        long previousSeq = Long.MIN_VALUE;
        for (int i = 0; i < messages.size(); i++) {
            int n = i + 1;
            Envelope e = messages.get(i);
            if (e == null) {
                out.add(Texts.get("envelope.field.missing", n, "infno"));
                continue;
            }
            require(out, n, "infno", e.infno());
            require(out, n, "msgid", e.msgid());
            require(out, n, "inf_time", e.infTime());
            require(out, n, "agency_code", e.agencyCode());
            require(out, n, "admdvs", e.admdvs());
            require(out, n, "window_no", e.windowNo());
            if (e.infno() != null && !UPLOAD_INFNOS.contains(e.infno())) {
                out.add(Texts.get("envelope.infno.unknown", n, e.infno()));
            }
            if (e.infver() != null && !Protocol.VERSION.equals(e.infver())) {
                out.add(Texts.get("envelope.infver", n, e.infver(), Protocol.VERSION));
            }
            LocalDateTime infTime = null;
            if (e.infTime() != null) {
                try {
                    infTime = LocalDateTime.parse(e.infTime(), Protocol.INF_TIME);
                } catch (DateTimeParseException ex) {
                    out.add(Texts.get("envelope.infTime", n, e.infTime()));
                }
            }
            if (e.msgid() != null && e.agencyCode() != null) {
                Matcher m = Pattern.compile(Pattern.quote(e.agencyCode()) + "(\\d{14})(\\d{3})(\\d{7})")
                        .matcher(e.msgid());
                if (!m.matches()) {
                    out.add(Texts.get("envelope.msgid.format", n, e.msgid()));
                } else {
                    if (infTime != null && !m.group(1).equals(MSGID_TIME.format(infTime))) {
                        out.add(Texts.get("envelope.msgid.mismatch", n, e.msgid(), "inf_time"));
                    }
                    if (e.windowNo() != null && Integer.parseInt(m.group(2)) != windowNo(e.windowNo())) {
                        out.add(Texts.get("envelope.msgid.mismatch", n, e.msgid(), "window_no"));
                    }
                    if (Long.parseLong(m.group(3)) != e.seq()) {
                        out.add(Texts.get("envelope.msgid.mismatch", n, e.msgid(), "seq"));
                    }
                }
            }
            if (e.seq() <= previousSeq) {
                out.add(Texts.get("envelope.seq.order", n, e.seq(), previousSeq));
            }
            previousSeq = e.seq();
        }
        return out;
    }

    public static LocalDateTime infTime(Envelope e) {
        return LocalDateTime.parse(e.infTime(), Protocol.INF_TIME);
    }

    /** The desk number in {@code window_no} ("007" or "7"); -1 when it is not a number. */
    static int windowNo(String windowNo) {
        String s = windowNo.trim();
        return s.matches("\\d{1,3}") ? Integer.parseInt(s) : -1;
    }

    private static void require(List<String> out, int n, String field, String value) {
        if (value == null || value.isBlank()) {
            out.add(Texts.get("envelope.field.missing", n, field));
        }
    }
}
