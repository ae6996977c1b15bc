package org.ybdesk.province;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.CaseState;
import org.ybdesk.core.registry.Gender;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.core.registry.InsuredStatus;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.change.CaseForwarded;
import org.ybdesk.protocol.change.CaseHandOff;
import org.ybdesk.protocol.change.CaseReleased;
import org.ybdesk.protocol.org.AgencyLevel;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.change.CaseAttachment;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseNote;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStep;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;
import org.ybdesk.province.store.Desks;

/**
 * Checks every field of one uploaded message before anything of it is applied (issue 9 item 8): types, lengths,
 * enums, strict dates, ID-number and credit-code check digits (the desk's own {@link Validators}), amounts, and text
 * hygiene (no control characters, NUL, bidirectional overrides, zero-width characters, unpaired surrogates). Every
 * problem of the message is reported at once; a bad message is refused alone ({@link Refusal}) and the rest of its
 * batch proceeds. Unknown fields are tolerated (forward compatibility) but must pass the generic checks (size,
 * nesting, key names, hygiene of every string).
 */
public final class InputCheck {
    /** Largest {@code input} of one message, as UTF-8 JSON. */
    static final int MAX_INPUT_BYTES = 64 * 1024;
    /** Deepest nesting of objects and arrays inside {@code input}. */
    static final int MAX_DEPTH = 6;
    /** Longest refusal reason kept (the column's size). */
    static final int MAX_REASON = 1000;

    static final String INVALID_FIELD = "INVALID_FIELD";
    static final String UNSAFE_TEXT = "UNSAFE_TEXT";
    static final String INPUT_TOO_LARGE = "INPUT_TOO_LARGE";
    static final String FORBIDDEN_AGENCY = "FORBIDDEN_AGENCY";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /**
     * Birth dates before 1900 are real (D96: the desk records them after the clerk confirmed); only dates no living
     * person can have are refused.
     */
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1850, 1, 1);
    private static final Set<String> STATES = names(CaseState.values());
    private static final Set<String> ACTIONS = union(names(CaseAction.values()), Set.of("RECEIVE"));
    private static final Set<String> ID_TYPES = names(IdType.values());
    private static final Set<String> GENDERS = names(Gender.values());
    private static final Set<String> INSURANCE_TYPES = names(InsuranceType.values());
    private static final Set<String> STATUSES = names(InsuredStatus.values());
    private static final Set<String> KINDS = names(ApplicantKind.values());
    private static final Set<String> LEVELS = names(AgencyLevel.values());
    private static final Set<String> MATERIAL_STATUSES = names(MaterialStatus.values());
    private static final Set<String> OPERATOR_TYPES = Set.of(Protocol.OPERATOR_CLERK, Protocol.OPERATOR_SYSTEM);

    private InputCheck() {
    }

    /** One problem: a code for programs and a Chinese sentence. */
    record Problem(String code, String message) {
    }

    /**
     * A message read and checked: its typed change (null when the input is not an object of the kind's shape;
     * without the properties of the wrong JSON type when it is refused for them) and its refusal (null when every
     * field is acceptable).
     */
    public record Checked(Change change, Refusal refusal) {
    }

    /** Reads {@code e}'s input into the change its {@code infno} names and checks every field of it. */
    public static Checked check(Desks.Desk desk, Envelope e) {
        List<Problem> out = new ArrayList<>();
        JsonNode in = e.input();
        ChangeKind kind = ChangeKind.ofInfno(e.infno()).orElse(null); // EnvelopeCheck lets only these codes through
        if (in == null || !in.isObject() || kind == null) {
            return new Checked(null, refusal(List.of(problem(Refusal.INVALID_INPUT, "input.type", "input", "object"))));
        }
        // read first (the case number of a refused message is kept when it is the agency's own)
        List<Problem> shape = new ArrayList<>();
        Set<String> mistyped = new HashSet<>();
        Change change = Shape.read(kind, (ObjectNode) in, shape, mistyped);
        LocalDateTime at = EnvelopeCheck.infTime(e);
        // the envelope's free fields come from the clerk's account: checked here, refused per message
        Fields env = new Fields(out, Set.of());
        env.text("opter_type", e.opterType(), false, 1, false);
        if (e.opterType() != null && !OPERATOR_TYPES.contains(e.opterType())) {
            env.add(INVALID_FIELD, "input.enum", "opter_type", shown(e.opterType()), String.join("/", OPERATOR_TYPES));
        }
        env.text("opter", e.opter(), false, 64, false);
        env.text("opter_name", e.opterName(), false, 100, false);
        int bytes = in.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INPUT_BYTES) {
            out.add(problem(INPUT_TOO_LARGE, "input.tooLarge", bytes, MAX_INPUT_BYTES));
            return new Checked(change, refusal(out));
        }
        generic(in, "input", 0, out);
        if (!out.isEmpty()) {
            return new Checked(change, refusal(out));
        }
        out.addAll(shape);
        if (change == null) {
            return new Checked(null, refusal(out));
        }
        Fields f = new Fields(out, mistyped);
        LocalDate day = at.toLocalDate();
        if (change instanceof PersonRegistered p) {
            person(f, p, day);
            occurrence(f, p.occurredAt(), p.backfill(), at);
        } else if (change instanceof UnitRegistered u) {
            unit(f, u);
            occurrence(f, u.occurredAt(), u.backfill(), at);
        } else if (change instanceof CaseReceived r) {
            caseReceived(f, r, desk, day);
        } else if (change instanceof CaseStepped s) {
            caseStep(f, s, day);
        } else if (change instanceof CaseMaterials m) {
            caseNo(f, m.caseNo(), true);
            materials(f, m.materials(), true);
        } else if (change instanceof CaseAttachment a) {
            caseNo(f, a.caseNo(), true);
            f.text("fileName", a.fileName(), true, 250, false);
            f.pattern("mediaType", a.mediaType(), true, 100, "[A-Za-z0-9.+-]+/[A-Za-z0-9.+-]+");
            f.integer("sizeBytes", a.sizeBytes(), true, 1, 1L << 40);
            f.pattern("sha256", a.sha256(), true, 64, "[0-9a-fA-F]{64}");
        } else if (change instanceof CaseNote n) {
            caseNo(f, n.caseNo(), true);
            f.text("note", n.note(), true, 2000, true);
        } else if (change instanceof CaseHandOff h) {
            handOff(f, h);
        }
        return new Checked(change, refusal(out));
    }

    // ---------------------------------------------------------------------------------------- message types

    private static void person(Fields f, PersonRegistered p, LocalDate today) {
        String type = f.enumOf("idType", p.idType(), true, ID_TYPES);
        String id = f.text("idNumber", p.idNumber(), true, 40, false);
        if (type != null && id != null) {
            List<String> problems = Validators.idNumber(IdType.valueOf(type), id, today);
            if (!problems.isEmpty()) {
                f.add(INVALID_FIELD, "input.idNumber", "idNumber", String.join("；", problems));
            }
        }
        personName(f, "name", p.name(), true, 100);
        f.enumOf("gender", p.gender(), false, GENDERS);
        f.date("birthDate", p.birthDate(), false, EARLIEST_BIRTH, today);
        f.enumOf("insuranceType", p.insuranceType(), false, INSURANCE_TYPES);
        f.enumOf("status", p.status(), false, STATUSES);
        f.pattern("phone", p.phone(), false, 40, "[0-9+() -]+");
        creditCode(f, "unitCreditCode", p.unitCreditCode(), false);
        f.integer("unitId", p.unitId(), false, 0, Long.MAX_VALUE);
        f.integer("accountBalanceFen", p.accountBalanceFen(), false, 0, Long.MAX_VALUE);
    }

    /**
     * A registration's {@code occurredAt} (issue 13): optional, a real time, and not after the message's own time
     * (a registration cannot have happened after it was entered; a later one would lose every conflict it should win,
     * an absurdly early one is shown to both agencies in the conflict).
     */
    private static void occurrence(Fields f, String occurredAt, org.ybdesk.protocol.change.Backfill backfill,
                                   java.time.LocalDateTime at) {
        if (backfill != null) {
            f.text("backfill.paperRef", backfill.paperRef(), false, 100, false);
            f.text("backfill.enteredAt", backfill.enteredAt(), false, 40, false);
            f.text("backfill.enteredBy", backfill.enteredBy(), false, 100, false);
        }
        if (occurredAt == null || occurredAt.isBlank()) {
            return;
        }
        java.time.LocalDateTime t = org.ybdesk.province.store.Occurrence.parse(occurredAt);
        if (t == null || t.getYear() < 1900) {
            f.add(INVALID_FIELD, "input.dateTime", "occurredAt", shown(occurredAt));
        } else if (t.isAfter(at.plusMinutes(1))) {
            f.add(INVALID_FIELD, "input.occurredLater", shown(occurredAt), Protocol.INF_TIME.format(at));
        }
    }

    private static void unit(Fields f, UnitRegistered u) {
        creditCode(f, "creditCode", u.creditCode(), true);
        f.text("name", u.name(), true, 200, false);
        f.text("unitType", u.unitType(), false, 60, false);
        f.text("address", u.address(), false, 200, false);
        personName(f, "legalRepName", u.legalRepName(), false, 100);
        f.pattern("bankAccount", u.bankAccount(), false, 40, "[0-9 -]+");
        f.enumOf("status", u.status(), false, STATUSES);
    }

    private static void caseReceived(Fields f, CaseReceived r, Desks.Desk desk, LocalDate day) {
        String no = caseNo(f, r.caseNo(), true);
        if (no != null) {
            CaseNumbers.Parts parts = CaseNumbers.parse(no, desk.agencyCode()).orElse(null);
            if (parts == null) {
                f.add(FORBIDDEN_AGENCY, "refuse.forbiddenAgency", no, desk.agencyCode());
            } else if (parts.windowNo() != 0 && parts.windowNo() != desk.windowNo()) {
                // another window's number: only that window issues it (no two desks ever issue the same number)
                f.add(FORBIDDEN_AGENCY, "refuse.caseNoWindow", no, String.format("%02d", parts.windowNo()),
                        String.format("%02d", desk.windowNo()));
            } else if (parts.day().isBefore(day.minusDays(1)) || parts.day().isAfter(day.plusDays(1))) {
                // a number of another day cannot be reserved ahead (or re-issued for the past)
                f.add(FORBIDDEN_AGENCY, "refuse.caseNoDay", no, parts.day().toString(), day.toString());
            }
        }
        String agency = f.text("agencyCode", r.agencyCode(), false, 32, false);
        if (agency != null && !agency.equals(desk.agencyCode())) {
            f.add(FORBIDDEN_AGENCY, "auth.agencyMismatch", shown(agency), desk.agencyCode());
        }
        f.integer("itemNo", r.itemNo(), true, 1, 999);
        String kind = f.enumOf("applicantKind", r.applicantKind(), false, KINDS);
        applicantId(f, kind, r.applicantIdNumber(), r.fields(), day);
        if ("PERSON".equals(kind)) {
            personName(f, "applicantName", r.applicantName(), false, 100);
        } else {
            f.text("applicantName", r.applicantName(), false, 200, false);
        }
        String action = f.enumOf("action", r.action(), false, ACTIONS);
        if (action != null && !"RECEIVE".equals(action)) {
            f.add(INVALID_FIELD, "input.enum", "action", action, "RECEIVE");
        }
        f.enumOf("toState", r.toState(), false, STATES);
        f.enumOf("fromState", r.fromState(), false, STATES);
        f.text("channel", r.channel(), false, 32, false); // 受理渠道 as the catalog names it (医保服务大厅 …)
        if (r.backfill() != null) {
            f.text("backfill.paperRef", r.backfill().paperRef(), false, 100, false);
            f.text("backfill.enteredAt", r.backfill().enteredAt(), false, 40, false);
            f.text("backfill.enteredBy", r.backfill().enteredBy(), false, 100, false);
        }
        common(f, r);
        if (r.fields() != null) {
            r.fields().forEach((k, v) -> f.text("fields." + k, v, false, 2000, true));
        }
        materials(f, r.materials(), false);
    }

    private static void caseStep(Fields f, CaseStepped s, LocalDate day) {
        caseNo(f, s.caseNo(), true);
        f.integer("itemNo", s.itemNo(), false, 1, 999);
        f.text("agencyCode", s.agencyCode(), false, 32, false);
        String kind = f.enumOf("applicantKind", s.applicantKind(), false, KINDS);
        applicantId(f, kind, s.applicantIdNumber(), null, day);
        f.text("applicantName", s.applicantName(), false, 200, false);
        String action = f.enumOf("action", s.action(), true, ACTIONS);
        f.enumOf("fromState", s.fromState(), false, STATES);
        f.enumOf("toState", s.toState(), true, STATES);
        common(f, s);
        Long amount = f.integer("amountFen", s.amountFen(), false, 0, 100_000_000_000L);
        if ("PAY".equals(action) && (amount == null || amount <= 0)) {
            f.add(INVALID_FIELD, "input.amountPositive", "amountFen", String.valueOf(amount));
        }
        f.text("message", s.message(), false, 4000, true);
    }

    /** A hand-off (移交 4106, 释放 4107): the case, the stage it waits for, when and by whom, why. */
    private static void handOff(Fields f, CaseHandOff h) {
        caseNo(f, h.caseNo(), true);
        if (h instanceof CaseForwarded fw) {
            f.enumOf("toLevel", fw.toLevel(), true, LEVELS);
            f.pattern("toAgencyCode", fw.toAgencyCode(), false, 32, CaseNumbers.AGENCY_CODE);
            f.enumOf("nextAction", fw.nextAction(), true, ACTIONS);
            f.enumOf("state", fw.state(), false, STATES);
        } else if (h instanceof CaseReleased r) {
            f.enumOf("nextAction", r.nextAction(), false, ACTIONS);
            f.enumOf("state", r.state(), false, STATES);
        }
        f.dateTime("occurredAt", h.occurredAt(), false);
        f.text("actorName", h.actorName(), false, 100, false);
        f.text("reason", h.reason(), false, 500, true);
    }

    /** Fields every case step of the desk carries. */
    private static void common(Fields f, CaseStep s) {
        f.text("catalogVersion", s.catalogVersion(), false, 40, false);
        f.dateTime("occurredAt", s.occurredAt(), false);
        f.date("onDay", s.onDay(), false, null);
        f.integer("actorId", s.actorId(), false, 0, Long.MAX_VALUE);
        f.text("actorName", s.actorName(), false, 100, false);
        f.pattern("actorPersonId", s.actorPersonId(), false, 40, "[0-9A-Za-z]+");
        f.date("dueOn", s.dueOn(), false, EARLIEST, null);
        List<String> reasons = s.reasons();
        if (reasons != null) {
            if (reasons.size() > 50) {
                f.add(INVALID_FIELD, "input.type", "reasons", "array");
            } else {
                for (int i = 0; i < reasons.size(); i++) {
                    f.text("reasons[" + i + "]", reasons.get(i), true, 500, true);
                }
            }
        }
    }

    /**
     * A person's name as on an identity document: letters of any script (with their combining marks), spaces and
     * the separators names use (middle dot, full stop, hyphen, apostrophe); no digits, brackets or punctuation.
     */
    private static void personName(Fields f, String field, String value, boolean required, int max) {
        String v = f.text(field, value, required, max, false);
        if (v != null && !v.codePoints().allMatch(InputCheck::nameChar)) {
            f.add(INVALID_FIELD, "input.personName", field, shown(v));
        }
    }

    private static boolean nameChar(int c) {
        int t = Character.getType(c);
        return Character.isLetter(c) || t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || c == ' ' || c == '\u00B7' || c == '\u2022' || c == '\u30FB' || c == '.' || c == '-' || c == '\''
                || c == '\uFF0E';
    }

    private static String caseNo(Fields f, String value, boolean required) {
        String no = f.text("caseNo", value, required, 40, false);
        if (no != null && !CaseNumbers.wellFormed(no)) {
            f.add(INVALID_FIELD, "input.caseNo", shown(no));
            return null;
        }
        return no;
    }

    private static void materials(Fields f, Map<String, String> m, boolean required) {
        if (m == null) {
            f.absent("materials", required);
            return;
        }
        m.forEach((no, status) -> {
            if (!no.matches("\\d{1,3}")) {
                f.add(INVALID_FIELD, "input.materialNo", shown(no));
            }
            String v = f.text("materials." + no, status, true, 20, false);
            if (v != null && !MATERIAL_STATUSES.contains(v)) {
                f.add(INVALID_FIELD, "input.enum", "materials." + no, shown(v),
                        String.join("/", MATERIAL_STATUSES));
            }
        });
    }

    private static void creditCode(Fields f, String field, String value, boolean required) {
        String code = f.text(field, value, required, 18, false);
        if (code != null) {
            List<String> p = Validators.creditCode(code);
            if (!p.isEmpty()) {
                f.add(INVALID_FIELD, "input.creditCode", field, String.join("；", p));
            }
        }
    }

    /**
     * The applicant's number: a unit's 18-character credit code (or an older code of letters and digits), a
     * person's number valid as one of the document types (the type named in {@code fields.idType} when given).
     */
    private static void applicantId(Fields f, String kind, String value, Map<String, String> intake,
                                    LocalDate today) {
        String id = f.text("applicantIdNumber", value, false, 40, false);
        if (id == null) {
            return;
        }
        String n = Validators.normalizeId(id);
        if (!"PERSON".equals(kind)) {
            List<String> p = n.length() == 18 && "UNIT".equals(kind) ? Validators.creditCode(n) : List.of();
            if (!p.isEmpty() || !n.matches("[0-9A-Z-]{1,40}")) {
                f.add(INVALID_FIELD, "input.idNumber", "applicantIdNumber",
                        p.isEmpty() ? Texts.get("input.code.chars") : String.join("；", p));
            }
            return;
        }
        // the intake form's own field (a catalog field name, not a property of the message)
        String namedType = intake == null ? null : intake.get("idType");
        Optional<IdType> named = namedType == null ? Optional.empty() : IdType.fromLabel(namedType);
        List<IdType> candidates = named.map(List::of).orElseGet(() -> n.length() == 18
                ? List.of(IdType.RESIDENT_ID, IdType.HMT_RESIDENCE_PERMIT, IdType.FOREIGNER_PERMANENT_RESIDENCE)
                : List.of(IdType.PASSPORT, IdType.HK_MACAO_PASS, IdType.TAIWAN_PASS,
                        IdType.FOREIGNER_PERMANENT_RESIDENCE));
        List<String> first = null;
        for (IdType t : candidates) {
            List<String> p = Validators.idNumber(t, n, today);
            if (p.isEmpty()) {
                return;
            }
            first = first == null ? p : first;
        }
        f.add(INVALID_FIELD, "input.idNumber", "applicantIdNumber", String.join("；", first));
    }

    // ---------------------------------------------------------------------------------------- generic checks

    /** Size, nesting, key names and the hygiene of every string anywhere in the input. */
    private static void generic(JsonNode node, String path, int depth, List<Problem> out) {
        if (node.isContainerNode() && depth >= MAX_DEPTH) {
            out.add(problem(INVALID_FIELD, "input.tooDeep", path, MAX_DEPTH));
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> x = it.next();
                if (!x.getKey().matches("[A-Za-z0-9_.-]{1,64}")) {
                    out.add(problem(INVALID_FIELD, "input.key", path, shown(x.getKey())));
                    continue;
                }
                generic(x.getValue(), path + "." + x.getKey(), depth + 1, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                generic(node.get(i), path + "[" + i + "]", depth + 1, out);
            }
        } else if (node.isTextual()) {
            String bad = unsafe(node.asText(), true);
            if (bad != null) {
                out.add(problem(UNSAFE_TEXT, "input.unsafe", path, bad));
            }
        } else if (node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.asDouble())) {
            out.add(problem(INVALID_FIELD, "input.number", path));
        }
    }

    /**
     * The first character of {@code s} that must not be stored, as "U+XXXX at position n", or null when none:
     * control characters (NUL included; line breaks and tabs allowed in multi-line texts only), bidirectional
     * embeddings, overrides and isolates, zero-width characters and the byte-order mark, every other formatting
     * character (category Cf), line and paragraph separators, unpaired surrogates, noncharacters — the desk's
     * {@code org.ybdesk.core.validation.InputHygiene} refuses the same, so a text the desk accepts passes here.
     */
    static String unsafe(String s, boolean multiline) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad;
            if (Character.isHighSurrogate(c)) {
                bad = i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
                if (!bad) {
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                bad = true;
            } else if (c == '\n' || c == '\r' || c == '\t') {
                bad = !multiline;
            } else {
                bad = Character.isISOControl(c)
                        || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                        || (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF' || c == '\u061C'
                        || c == '\uFFFE' || c == '\uFFFF' || c == '\u2028' || c == '\u2029'
                        // every other invisible formatting character, as the desk's InputHygiene refuses them
                        || Character.getType(c) == Character.FORMAT;
            }
            if (bad) {
                return String.format("U+%04X", (int) c) + Texts.get("input.at", i + 1);
            }
        }
        return null;
    }

    /** A value for a Chinese sentence: at most 40 characters, every unsafe character written as U+XXXX. */
    static String shown(String v) {
        if (v == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder();
        int n = Math.min(v.length(), 40);
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            String one = String.valueOf(c);
            if (Character.isSurrogate(c) || unsafe(one, false) != null) {
                b.append(String.format("U+%04X", (int) c));
            } else {
                b.append(c);
            }
        }
        return v.length() > n ? b.append('…').toString() : b.toString();
    }

    private static Refusal refusal(List<Problem> out) {
        if (out.isEmpty()) {
            return null;
        }
        String msg = Texts.get("input.refused", out.stream().map(Problem::message).collect(Collectors.joining("；")));
        return new Refusal(out.get(0).code(), msg.length() > MAX_REASON ? msg.substring(0, MAX_REASON - 1) + "…"
                : msg);
    }

    private static Problem problem(String code, String key, Object... args) {
        return new Problem(code, Texts.get(key, args));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Checks of the typed values of one change, collecting problems; the name of a field is the label of its
     * problems. A field already refused for its JSON type ({@code mistyped}) is not checked again.
     */
    private static final class Fields {
        final List<Problem> out;
        final Set<String> mistyped;

        Fields(List<Problem> out, Set<String> mistyped) {
            this.out = out;
            this.mistyped = mistyped;
        }

        void add(String code, String key, Object... args) {
            out.add(problem(code, key, args));
        }

        /** An absent value: a problem when required (and not already refused for its type). */
        void absent(String field, boolean required) {
            if (required && !mistyped.contains(field)) {
                add(Refusal.INVALID_INPUT, "refuse.input.missing", field);
            }
        }

        /** A string value (trimmed); null when absent (a problem when required) or not acceptable. */
        String text(String field, String raw, boolean required, int max, boolean multiline) {
            if (raw == null) {
                absent(field, required);
                return null;
            }
            String bad = unsafe(raw, multiline);
            if (bad != null) {
                add(UNSAFE_TEXT, "input.unsafe", field, bad);
                return null;
            }
            String s = raw.strip();
            if (s.isEmpty()) {
                absent(field, required);
                return null;
            }
            int len = s.codePointCount(0, s.length());
            if (len > max) {
                add(INVALID_FIELD, "input.tooLong", field, len, max);
                return null;
            }
            return s;
        }

        String enumOf(String field, String value, boolean required, Set<String> allowed) {
            String v = text(field, value, required, 40, false);
            if (v != null && !allowed.contains(v)) {
                add(INVALID_FIELD, "input.enum", field, shown(v), String.join("/", new java.util.TreeSet<>(allowed)));
                return null;
            }
            return v;
        }

        String pattern(String field, String value, boolean required, int max, String regex) {
            String v = text(field, value, required, max, false);
            if (v != null && !v.matches(regex)) {
                add(INVALID_FIELD, "input.format", field, shown(v));
                return null;
            }
            return v;
        }

        Long integer(String field, Number value, boolean required, long min, long max) {
            if (value == null) {
                absent(field, required);
                return null;
            }
            long n = value.longValue();
            if (n < min || n > max) {
                add(INVALID_FIELD, "input.range", field, n, min, max);
                return null;
            }
            return n;
        }

        /** A strict {@code yyyy-MM-dd} date from 1900 on, not after {@code latest} when given. */
        LocalDate date(String field, String value, boolean required, LocalDate latest) {
            return date(field, value, required, EARLIEST, latest);
        }

        /** A strict {@code yyyy-MM-dd} date from {@code earliest} on, not after {@code latest} when given. */
        LocalDate date(String field, String value, boolean required, LocalDate earliest, LocalDate latest) {
            return parsed(field, value, required, s -> {
                LocalDate d = LocalDate.parse(s, DATE);
                if (d.isBefore(earliest) || (latest != null && d.isAfter(latest))) {
                    throw new DateTimeParseException("out of range", s, 0);
                }
                return d;
            }, "input.date");
        }

        OffsetDateTime dateTime(String field, String value, boolean required) {
            return parsed(field, value, required, s -> {
                OffsetDateTime t = OffsetDateTime.parse(s);
                if (t.getYear() < 1900 || t.getYear() > 9999) {
                    throw new DateTimeParseException("out of range", s, 0);
                }
                return t;
            }, "input.dateTime");
        }

        private <T> T parsed(String field, String value, boolean required, Function<String, T> parse, String key) {
            String s = text(field, value, required, 40, false);
            if (s == null) {
                return null;
            }
            try {
                return parse.apply(s);
            } catch (DateTimeParseException ex) {
                add(INVALID_FIELD, key, field, shown(s));
                return null;
            }
        }
    }

    /**
     * Reads an input into its kind's record, checking first, property by property of the record, that each value
     * has the JSON type the record declares (a string, an integer, an object of strings, an array of strings):
     * Jackson would otherwise turn {@code 5} into {@code "5"} or stop at the first mismatch. A value of the wrong
     * type is reported ({@code input.type}, as before the records) and left out of what is read, so the other
     * fields are still checked. Properties the record does not know are tolerated (forward compatibility); the
     * generic walk has checked them.
     */
    static final class Shape {
        private Shape() {
        }

        static Change read(ChangeKind kind, ObjectNode in, List<Problem> out, Set<String> mistyped) {
            ObjectNode copy = in.deepCopy();
            for (RecordComponent rc : kind.type().getRecordComponents()) {
                JsonProperty named = rc.getAnnotation(JsonProperty.class);
                String name = named == null || named.value().isEmpty() ? rc.getName() : named.value();
                JsonNode v = in.get(name);
                if (v == null || v.isNull()) {
                    continue;
                }
                if (!fits(rc.getGenericType(), name, v, copy, out)) {
                    mistyped.add(name);
                    copy.remove(name);
                }
            }
            try {
                return kind.read(copy);
            } catch (IllegalArgumentException ex) {
                out.add(problem(INVALID_FIELD, "input.type", "input", "object"));
                return null;
            }
        }

        /** Whether {@code v} has the JSON type of {@code type}; entries of a map that do not are dropped. */
        private static boolean fits(Type type, String name, JsonNode v, ObjectNode copy, List<Problem> out) {
            if (type == String.class) {
                return expect(v.isTextual(), name, "string", out);
            }
            if (type == Long.class || type == Integer.class) {
                if (!v.isIntegralNumber() || !v.canConvertToLong()) {
                    return expect(false, name, "integer", out);
                }
                if (type == Integer.class && !v.canConvertToInt()) {
                    out.add(problem(INVALID_FIELD, "input.range", name, v.asLong(), Integer.MIN_VALUE,
                            Integer.MAX_VALUE));
                    return false;
                }
                return true;
            }
            if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
                if (!expect(v.isObject(), name, "object", out)) {
                    return false;
                }
                ObjectNode kept = copy.with(name);
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> x = it.next();
                    if (!x.getValue().isNull() && !expect(x.getValue().isTextual(), name + "." + x.getKey(), "string",
                            out)) {
                        kept.remove(x.getKey());
                    }
                }
                return true;
            }
            if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
                if (!expect(v.isArray(), name, "array", out)) {
                    return false;
                }
                boolean ok = true;
                for (int i = 0; i < v.size(); i++) {
                    JsonNode x = v.get(i);
                    ok &= x.isNull() || expect(x.isTextual(), name + "[" + i + "]", "string", out);
                }
                return ok;
            }
            if (type instanceof Class<?> c && c.isRecord()) {
                // a nested record (issue 13: backfill): an object whose components are checked the same way; a
                // mistyped component is reported and left out
                if (!expect(v.isObject(), name, "object", out)) {
                    return false;
                }
                ObjectNode kept = copy.with(name);
                for (RecordComponent rc : c.getRecordComponents()) {
                    JsonProperty named = rc.getAnnotation(JsonProperty.class);
                    String n = named == null || named.value().isEmpty() ? rc.getName() : named.value();
                    JsonNode x = v.get(n);
                    if (x != null && !x.isNull() && !fits(rc.getGenericType(), name + "." + n, x, kept, out)) {
                        kept.remove(n);
                    }
                }
                return true;
            }
            throw new IllegalStateException("no JSON shape for " + type + " of " + name);
        }

        private static boolean expect(boolean ok, String field, String type, List<Problem> out) {
            if (!ok) {
                out.add(problem(INVALID_FIELD, "input.type", field, type));
            }
            return ok;
        }
    }
}
