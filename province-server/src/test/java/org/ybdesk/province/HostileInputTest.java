package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.validation.CaseNumbers;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;

/**
 * The hostile-input campaign (issue 9 item 8): well over 100 hostile field values across every message type, each
 * sent between two good messages on the real server over real PostgreSQL. Each must be refused alone with its own
 * code and a Chinese reason naming the field, the good neighbours must be accepted, no request may answer 500, and
 * nothing of a refused message may be stored (no registry row, no case, no step, no input kept).
 */
class HostileInputTest {
    private static final Object REMOVE = new Object();
    private static final String OK = "OK";
    static ServerFixture f;
    static ServerFixture.DeskClient a;
    static ServerFixture.DeskClient b;
    static String c1;
    static String cb;

    /** One hostile message: what it is, the envelope, the refusal code expected and a text the reason must hold. */
    record Hostile(String label, Envelope envelope, String code, String mentions) {
    }

    @BeforeAll
    static void start() {
        f = new ServerFixture();
        a = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        b = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
        c1 = CaseNumbers.formatLegacy(a.desk.agencyCode(), a.clock.toLocalDate(), 1);
        cb = CaseNumbers.formatLegacy(b.desk.agencyCode(), b.clock.toLocalDate(), 1);
        assertThat(ServerFixture.codes(a.upload(a.unit(ServerFixture.ucc("91230102MA1B2C3D40"), "某某公司"),
                a.person(ServerFixture.pid("230102", 0), "张三"),
                a.caseReceived(c1, 11, ServerFixture.pid("230102", 0))))).containsOnly(OK);
        assertThat(ServerFixture.codes(b.upload(b.caseReceived(cb, 7, ServerFixture.pid("230103", 0)))))
                .containsOnly(OK);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    // ------------------------------------------------------------------------------------------- base messages

    private static ObjectNode person() {
        return obj(Map.of("idType", "RESIDENT_ID", "idNumber", ServerFixture.pid("230102", 900), "name", "王五",
                "gender", "MALE", "birthDate", "1990-03-19", "insuranceType", "EMPLOYEE", "status", "INSURED",
                "phone", "13800138000"));
    }

    private static ObjectNode unit() {
        return obj(Map.of("creditCode", ServerFixture.ucc("91230102MA1B2C3D50"), "name", "某某商店",
                "unitType", "企业", "status", "INSURED"));
    }

    private static int nextCase = 100;

    private static ObjectNode received() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("caseNo", CaseNumbers.formatLegacy(a.desk.agencyCode(), a.clock.toLocalDate(), nextCase++));
        m.put("agencyCode", a.desk.agencyCode());
        m.put("itemNo", 11);
        m.put("catalogVersion", "2026.1");
        m.put("applicantKind", "PERSON");
        m.put("applicantIdNumber", ServerFixture.pid("230102", 0));
        m.put("applicantName", "张三");
        m.put("action", "RECEIVE");
        m.put("toState", "RECEIVED");
        m.put("occurredAt", "2026-11-20T10:00+08:00");
        m.put("onDay", "2026-11-20");
        m.put("actorId", 2);
        m.put("actorName", "窗口乙");
        m.put("fields", Map.of("name", "张三"));
        m.put("materials", Map.of("1", "PAPER"));
        return obj(m);
    }

    private static ObjectNode step() {
        return obj(Map.of("caseNo", c1, "itemNo", 11, "action", "ACCEPT", "fromState", "RECEIVED",
                "toState", "ACCEPTED", "occurredAt", "2026-11-20T10:00+08:00", "actorName", "窗口乙"));
    }

    private static ObjectNode materials() {
        return obj(Map.of("caseNo", c1, "materials", Map.of("1", "PAPER")));
    }

    private static ObjectNode attachment() {
        return obj(Map.of("caseNo", c1, "fileName", "申请表.pdf", "mediaType", "application/pdf", "sizeBytes", 1024,
                "sha256", "ab".repeat(32)));
    }

    private static ObjectNode note() {
        return obj(Map.of("caseNo", c1, "note", "已电话联系申请人"));
    }

    private static ObjectNode obj(Map<String, ?> m) {
        return ProtocolJson.mapper().valueToTree(m);
    }

    private static ObjectNode with(ObjectNode base, String field, Object value) {
        ObjectNode o = base.deepCopy();
        if (value == REMOVE) {
            o.remove(field);
        } else {
            o.set(field, ProtocolJson.mapper().valueToTree(value));
        }
        return o;
    }

    // ------------------------------------------------------------------------------------------- the campaign

    private final List<Hostile> cases = new ArrayList<>();
    /** The upload: each hostile message followed by a good one (null in {@link #slots}). */
    private final List<Envelope> batch = new ArrayList<>();
    private final List<Hostile> slots = new ArrayList<>();
    private int good;

    private void bad(String infno, ObjectNode base, String field, Object value, String code) {
        bad(infno, base, field, value, code, field);
    }

    private void bad(String infno, ObjectNode base, String field, Object value, String code, String mentions) {
        String shown = value == REMOVE ? "(absent)" : String.valueOf(value);
        shown = shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
        badInput(infno, with(base, field, value), infno + " " + field + "=" + shown, code, mentions);
    }

    private void badInput(String infno, JsonNode input, String label, String code, String mentions) {
        add(new Hostile(label, a.envelopeNode(infno, input), code, mentions));
    }

    private void badEnvelope(String field, UnaryOperator<Envelope> change, String code) {
        Envelope e = change.apply(a.envelopeNode("4201", with(person(), "idNumber",
                ServerFixture.pid("230102", 901))));
        add(new Hostile("envelope " + field, e, code, field));
    }

    private void add(Hostile h) {
        cases.add(h);
        batch.add(h.envelope());
        slots.add(h);
        good++;
        batch.add(a.person(ServerFixture.pid("230105", good), ServerFixture.name("好", good)));
        slots.add(null);
    }

    private static String longText(int n) {
        return "长".repeat(n);
    }

    private void buildCampaign() {
        String unsafe = InputCheck.UNSAFE_TEXT;
        String field = InputCheck.INVALID_FIELD;
        String missing = Refusal.INVALID_INPUT;
        String sql = "'; DROP TABLE registry_person; --";
        // the same hygiene attacks on a name, a unit name, a case text, a note and an attachment name
        List<Object> poison = List.of("张\u0000三", "\u202E三张", "张\u202D三", "张\u200B三", "\uFEFF张三",
                "张\u2066三\u2069", "张\u0007三", "张\u001B[31m三", "张\u007F三", "张\u0085三", "张\u200D三",
                "张\u200E三");
        for (Object p : poison) {
            bad("4201", person(), "name", p, unsafe);
        }
        bad("4201", person(), "name", "张\n三", unsafe);
        bad("4201", person(), "name", "张\t三", unsafe);
        for (Object p : List.of("某某\u0000公司", "\u202E司公某某", "某某\u200C公司", "某某\u2068公司")) {
            bad("4202", unit(), "name", p, unsafe);
        }
        for (Object p : List.of("张\u0000三", "\u202E三张", "张\u200B三")) {
            bad("4101", received(), "applicantName", p, unsafe);
        }
        bad("4101", received(), "catalogVersion", "2026\u200B.1", unsafe);
        bad("4105", note(), "note", "已联系\u0000", unsafe);
        bad("4105", note(), "note", "已联系\u202E", unsafe);
        bad("4104", attachment(), "fileName", "申请表\u202Efdp.exe", unsafe);
        bad("4104", attachment(), "fileName", "申请表\u0000.pdf", unsafe);
        bad("4102", step(), "message", "通知\u0000", unsafe);
        bad("4102", step(), "actorName", "窗口\u200B乙", unsafe);
        bad("4102", step(), "reasons", List.of("材料不全\u202E"), unsafe);
        bad("4101", received(), "fields", Map.of("name", "张\u0000三"), unsafe, "fields");
        bad("4201", person(), "extra", "x\u0000", unsafe);
        bad("4201", person(), "extra", Map.of("deep", List.of("ok", "\u202Eno")), unsafe, "extra");

        // lengths
        bad("4201", person(), "name", longText(101), field);
        bad("4202", unit(), "name", longText(201), field);
        bad("4202", unit(), "unitType", longText(61), field);
        bad("4202", unit(), "address", longText(201), field);
        bad("4101", received(), "applicantName", longText(101), field);
        bad("4101", received(), "caseNo", "2".repeat(41), field);
        bad("4101", received(), "fields", Map.of("remark", longText(2001)), field, "fields.remark");
        bad("4105", note(), "note", longText(2001), field);
        bad("4104", attachment(), "fileName", "a".repeat(251), field);
        bad("4102", step(), "message", longText(4001), field);
        bad("4201", person(), "idNumber", "1".repeat(41), field);
        bad("4201", person(), "phone", "1".repeat(41), field);
        badInput("4201", with(person(), "extra", "x".repeat(70_000)), "4201 extra=x*70000",
                InputCheck.INPUT_TOO_LARGE, "70");

        // missing and blank required fields
        bad("4201", person(), "name", REMOVE, missing);
        bad("4201", person(), "name", "", missing);
        bad("4201", person(), "name", "   ", missing);
        bad("4201", person(), "name", null, missing);
        bad("4201", person(), "idNumber", REMOVE, missing);
        bad("4201", person(), "idType", REMOVE, missing);
        bad("4202", unit(), "creditCode", REMOVE, missing);
        bad("4101", received(), "caseNo", REMOVE, missing);
        bad("4101", received(), "itemNo", REMOVE, missing);
        bad("4102", step(), "toState", REMOVE, missing);
        bad("4102", step(), "action", REMOVE, missing);
        bad("4103", materials(), "materials", REMOVE, missing);
        bad("4103", materials(), "caseNo", REMOVE, missing);
        bad("4104", attachment(), "sha256", REMOVE, missing);
        bad("4105", note(), "note", REMOVE, missing);
        bad("4105", note(), "note", "", missing);

        // wrong JSON types
        bad("4201", person(), "name", 123, field);
        bad("4201", person(), "name", Map.of("a", 1), field);
        bad("4201", person(), "name", List.of("张三"), field);
        bad("4201", person(), "name", true, field);
        bad("4201", person(), "idNumber", 230102199003190012L, field);
        bad("4101", received(), "itemNo", "11", field);
        bad("4101", received(), "itemNo", 11.5, field);
        bad("4101", received(), "itemNo", 1e30, field);
        bad("4101", received(), "itemNo", new BigInteger("123456789012345678901234567890"), field);
        bad("4101", received(), "caseNo", 12345, field);
        bad("4101", received(), "fields", "name=张三", field);
        bad("4101", received(), "fields", Map.of("age", 5), field, "fields.age");
        bad("4101", received(), "materials", List.of(1, 2), field);
        bad("4101", received(), "reasons", "材料不全", field);
        bad("4101", received(), "actorId", "two", field);
        bad("4102", step(), "fromState", 5, field);
        bad("4103", materials(), "materials", "PAPER", field);
        bad("4104", attachment(), "sizeBytes", "1024", field);
        for (JsonNode notAnObject : List.<JsonNode>of(ProtocolJson.mapper().valueToTree("abc"),
                ProtocolJson.mapper().valueToTree(List.of(1, 2)), ProtocolJson.mapper().valueToTree(5))) {
            badInput("4201", notAnObject, "4201 input=" + notAnObject, missing, "input");
        }

        // enums
        bad("4201", person(), "idType", "abc", field);
        bad("4201", person(), "idType", "resident_id", field);
        bad("4201", person(), "idType", "居民身份证", field);
        bad("4201", person(), "gender", "X", field);
        bad("4201", person(), "gender", "男", field);
        bad("4201", person(), "insuranceType", "GOLD", field);
        bad("4201", person(), "status", "DEAD", field);
        bad("4202", unit(), "status", sql, field);
        bad("4101", received(), "applicantKind", "ROBOT", field);
        bad("4101", received(), "action", "ACCEPT", field);
        bad("4101", received(), "toState", "abc", field);
        bad("4102", step(), "toState", "abc", field);
        bad("4102", step(), "toState", "RECEIVED' OR '1'='1", field);
        bad("4102", step(), "action", "abc", field);
        bad("4102", step(), "action", "pay", field);
        bad("4103", materials(), "materials", Map.of("1", "LOST"), field, "materials.1");
        bad("4103", materials(), "materials", Map.of("abc", "PAPER"), field, "abc");

        // dates and times
        for (String d : List.of("2026-02-30", "20260230", "1990-02-29", "1990-13-01", "1990-3-19", "1849-12-31",
                "2099-01-01", "1990-03-19T00:00", "yesterday", "0000-00-00", "+10000-01-01")) {
            bad("4201", person(), "birthDate", d, field);
        }
        bad("4201", person(), "birthDate", 19900319, field);
        bad("4101", received(), "onDay", "20260230", field);
        bad("4101", received(), "onDay", "2026-02-30", field);
        bad("4101", received(), "occurredAt", "2026-02-30T09:00+08:00", field);
        bad("4101", received(), "occurredAt", "2026-11-20 09:00:00", field);
        bad("4102", step(), "occurredAt", "not a time", field);

        // identity numbers and credit codes (check digits)
        String goodId = ServerFixture.pid("230102", 902);
        bad("4201", person(), "idNumber", "abc", field);
        bad("4201", person(), "idNumber", goodId.substring(0, 17) + (goodId.charAt(17) == '0' ? '1' : '0'), field);
        bad("4201", person(), "idNumber", "230102199002301234", field);
        bad("4201", person(), "idNumber", goodId.substring(0, 17), field);
        bad("4201", person(), "idNumber", sql, field);
        bad("4201", person(), "idNumber", "230102203001010011", field);
        bad("4201", with(person(), "idType", "HMT_RESIDENCE_PERMIT"), "idNumber", goodId, field, "idNumber");
        String goodCode = ServerFixture.ucc("91230102MA1B2C3D60");
        bad("4202", unit(), "creditCode", "abc", field);
        bad("4202", unit(), "creditCode", goodCode.substring(0, 17) + (goodCode.charAt(17) == '0' ? '1' : '0'),
                field);
        bad("4202", unit(), "creditCode", "91230102MA1B2C3DOX", field);
        bad("4202", unit(), "creditCode", goodCode.substring(0, 17), field);
        bad("4202", unit(), "creditCode", sql.substring(0, 18), field);
        bad("4201", person(), "unitCreditCode", "91230102MA1B2C3D4Z", field);
        bad("4101", received(), "applicantIdNumber", "230102199002301234", field);
        bad("4101", received(), "applicantIdNumber", sql, field);
        bad("4202", unit(), "bankAccount", "6222'--", field);
        bad("4201", person(), "phone", "call me", field);

        // person names
        bad("4201", person(), "name", "Robert'); DROP TABLE registry_person;--", field);
        bad("4201", person(), "name", "张3", field);
        bad("4201", person(), "name", "<script>alert(1)</script>", field);

        // amounts and numbers
        ObjectNode pay = with(with(step(), "action", "PAY"), "toState", "PAID");
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", -100, field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", 0, field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", REMOVE, field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", "100", field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", 1e300, field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", 100_000_000_001L, field);
        bad("4102", with(pay, "fromState", "APPROVED"), "amountFen", new BigInteger("9223372036854775808"), field);
        bad("4201", person(), "accountBalanceFen", -1, field);
        bad("4101", received(), "itemNo", 0, field);
        bad("4101", received(), "itemNo", -11, field);
        bad("4104", attachment(), "sizeBytes", -1, field);
        bad("4104", attachment(), "sizeBytes", 0, field);
        bad("4104", attachment(), "sha256", "xyz", field);
        bad("4104", attachment(), "mediaType", "pdf", field);

        // nested garbage and bad keys
        Map<String, Object> deep = Map.of("a", Map.of("b", Map.of("c", Map.of("d", Map.of("e", Map.of("f", 1))))));
        bad("4201", person(), "extra", deep, field);
        bad("4101", received(), "fields", Map.of("x\u0000y", "1"), field, "fields");
        bad("4201", person(), "k".repeat(65), "v", field, "input");
        bad("4201", person(), "bad key", "v", field, "bad key");

        // case numbers: only the own agency's, of the message's day, well formed
        String agency = a.desk.agencyCode();
        bad("4101", received(), "caseNo", "2301030012026112000077", InputCheck.FORBIDDEN_AGENCY, "2301030012026112000077");
        bad("4101", received(), "caseNo", agency + "2026112500001", InputCheck.FORBIDDEN_AGENCY, "20261125");
        bad("4101", received(), "caseNo", agency + "2027010100001", InputCheck.FORBIDDEN_AGENCY, "2027-01-01");
        bad("4101", received(), "caseNo", agency + "2026023000001", field);
        bad("4101", received(), "caseNo", agency + "2026112000000", field);
        bad("4101", received(), "caseNo", "abc", field);
        bad("4101", received(), "caseNo", agency + "2026112000001' OR '1'='1", field);
        bad("4101", received(), "agencyCode", "230103001", InputCheck.FORBIDDEN_AGENCY, "230103001");
        bad("4101", received(), "caseNo", cb, InputCheck.FORBIDDEN_AGENCY, cb);

        // changes of a case another agency holds
        bad("4102", step(), "caseNo", cb, Refusal.NOT_HOLDER, cb);
        bad("4103", materials(), "caseNo", cb, Refusal.NOT_HOLDER, cb);
        bad("4104", attachment(), "caseNo", cb, Refusal.NOT_HOLDER, cb);
        bad("4105", note(), "caseNo", cb, Refusal.NOT_HOLDER, cb);
        bad("4102", step(), "caseNo", "abc", field);

        // the envelope's own free fields
        badEnvelope("opter_name", e -> new Envelope(e.infno(), e.msgid(), e.infTime(), e.infver(), e.opterType(),
                e.opter(), "张\u0000三", e.agencyCode(), e.admdvs(), e.windowNo(), e.seq(), e.input()), unsafe);
        badEnvelope("opter_name", e -> new Envelope(e.infno(), e.msgid(), e.infTime(), e.infver(), e.opterType(),
                e.opter(), longText(101), e.agencyCode(), e.admdvs(), e.windowNo(), e.seq(), e.input()), field);
        badEnvelope("opter", e -> new Envelope(e.infno(), e.msgid(), e.infTime(), e.infver(), e.opterType(),
                "zhang\u202E", e.opterName(), e.agencyCode(), e.admdvs(), e.windowNo(), e.seq(), e.input()), unsafe);
        badEnvelope("opter_type", e -> new Envelope(e.infno(), e.msgid(), e.infTime(), e.infver(), "5",
                e.opter(), e.opterName(), e.agencyCode(), e.admdvs(), e.windowNo(), e.seq(), e.input()), field);
    }

    @Test
    void everyHostileFieldIsRefusedAloneWithItsReasonAndNothingIsStored() throws Exception {
        long persons = f.count("registry_person");
        long units = f.count("registry_unit");
        long caseRows = f.count("province_case");
        long steps = f.count("case_step");
        String refusedSql = "select count(*) from received_message where status = 'REFUSED'";
        long refusedBefore = ((Number) f.db.dsl().fetchValue(refusedSql)).longValue();
        buildCampaign();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);

        // each hostile message between two good ones: the good ones go through
        List<Hostile> sorted = slots;
        List<String> failures = new ArrayList<>();
        for (int from = 0; from < batch.size(); from += 100) {
            List<Envelope> part = batch.subList(from, Math.min(batch.size(), from + 100));
            HttpResponse<String> r = f.post(a.token, part);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            UploadResponse resp = ServerFixture.read(r.body(), UploadResponse.class);
            for (int i = 0; i < part.size(); i++) {
                UploadResult res = resp.results().get(i);
                Hostile h = sorted.get(from + i);
                if (h == null) {
                    if (!res.accepted()) {
                        failures.add("good neighbour refused: " + res.errCode() + " " + res.errMsg());
                    }
                } else if (res.accepted() || !h.code().equals(res.errCode())
                        || res.errMsg() == null || !res.errMsg().contains(h.mentions())
                        || !res.errMsg().matches("(?s).*[\\u4e00-\\u9fa5].*")) {
                    failures.add(h.label() + " → " + (res.accepted() ? "ACCEPTED" : res.errCode() + " " + res.errMsg())
                            + " (expected " + h.code() + " mentioning " + h.mentions() + ")");
                }
            }
        }
        assertThat(failures).isEmpty();
        System.out.println("hostile-input campaign: " + cases.size() + " hostile messages refused alone, "
                + good + " good neighbours accepted");

        // nothing of the hostile messages stored: only the good neighbours registered
        assertThat(f.count("registry_person")).isEqualTo(persons + good);
        assertThat(f.count("registry_unit")).isEqualTo(units);
        assertThat(f.count("province_case")).isEqualTo(caseRows);
        assertThat(f.count("case_step")).isEqualTo(steps);
        assertThat(f.db.dsl().fetchValue("select state from province_case where case_no = ?", c1))
                .isEqualTo("RECEIVED");
        // a message refused for its content keeps no input (a business refusal of clean input may keep it)
        assertThat(f.db.dsl().fetchValue(refusedSql + " and err_code <> 'NOT_HOLDER' "
                + "and (jsonb_exists(payload, 'input') or err_msg is null or err_msg = '')").toString()).isEqualTo("0");
        assertThat(((Number) f.db.dsl().fetchValue(refusedSql)).longValue()).isEqualTo(refusedBefore + cases.size());
    }

    @Test
    void unpairedSurrogatesAreRefusedAloneToo() {
        long before = f.count("registry_person");
        for (String lone : List.of("\\ud800", "\\udc00", "\\ud83d")) {
            Envelope e = a.envelopeNode("4201", with(person(), "name", "张@@LONE@@三"));
            Envelope next = a.person(ServerFixture.pid("230106", (int) a.seq), "李好");
            String body;
            try {
                body = ProtocolJson.mapper().writeValueAsString(new UploadRequest(List.of(e, next)))
                        .replace("@@LONE@@", lone);
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
            HttpResponse<String> r = f.postRaw(a.token, body);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            UploadResponse resp = ServerFixture.read(r.body(), UploadResponse.class);
            assertThat(ServerFixture.codes(resp)).containsExactly(InputCheck.UNSAFE_TEXT, OK);
            assertThat(resp.results().get(0).errMsg()).contains("name", "U+D");
        }
        assertThat(f.count("registry_person")).isEqualTo(before + 3);
    }

    @Test
    void brokenBatchesAre400NeverA500AndApplyNothing() {
        long received = f.count("received_message");
        Envelope e = a.person(ServerFixture.pid("230107", 1), "赵六");
        String good;
        try {
            good = ProtocolJson.mapper().writeValueAsString(e);
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
        List<String> bodies = List.of(
                "{\"messages\": \"x\"}",
                "{\"messages\": [1, 2]}",
                "{\"messages\": [null]}",
                "[]",
                "null",
                "",
                "{\"messages\": [" + good.replace("\"seq\":" + e.seq(), "\"seq\":\"abc\"") + "]}",
                "{\"messages\": [" + good.replace("\"seq\":" + e.seq(), "\"seq\":99999999999999999999999") + "]}",
                "{\"messages\": [" + good.replace(e.infTime(), "2026-02-30 09:00:00") + "]}",
                "{\"messages\": [" + good.replace(e.infTime(), "20260230 090000") + "]}",
                "{\"messages\": [" + good.replace("\"infno\":\"4201\"", "\"infno\":\"4201\\u0000\"") + "]}",
                "{\"messages\": [" + good.replace("\"infno\":\"4201\"", "\"infno\":{\"a\":1}") + "]}",
                "{\"messages\": [" + good + ", " + good + "]}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"messages\": [], \"audit_head\": {\"seq\": 1, \"hash\": \"" + "a".repeat(64)
                        + "\", \"time\": \"2026\\u0000\"}}",
                "{\"messages\": [], \"audit_head\": {\"seq\": 1, \"hash\": \"" + "a".repeat(64)
                        + "\"}, \"audit_proof\": {\"seq\": 1, \"hash\": \"x\\u202e\"}}",
                "{\"messages\": [], \"audit_head\": {\"seq\": \"one\", \"hash\": 5}}",
                "{\"messages\": [" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "]}");
        for (String body : bodies) {
            HttpResponse<String> r = f.postRaw(a.token, body);
            assertThat(r.statusCode()).as(body.length() > 80 ? body.substring(0, 80) : body).isEqualTo(400);
            assertThat(r.body()).contains("err_msg");
        }
        assertThat(f.count("received_message")).isEqualTo(received);
    }
}
