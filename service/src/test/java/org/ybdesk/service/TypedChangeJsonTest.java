package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.db.Json;
import org.ybdesk.db.jooq.tables.records.CaseEventRecord;
import org.ybdesk.db.jooq.tables.records.CaseFileRecord;
import org.ybdesk.db.jooq.tables.records.PersonRecord;
import org.ybdesk.db.jooq.tables.records.UnitRecord;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.change.CaseAttachment;
import org.ybdesk.protocol.change.CaseMaterials;
import org.ybdesk.protocol.change.CaseNote;
import org.ybdesk.protocol.change.CaseReceived;
import org.ybdesk.protocol.change.CaseStepped;
import org.ybdesk.protocol.change.Change;
import org.ybdesk.protocol.change.ChangeKind;
import org.ybdesk.protocol.change.Changes;
import org.ybdesk.protocol.change.PersonRegistered;
import org.ybdesk.protocol.change.UnitRegistered;

/**
 * The typed changes write exactly the JSON the desk's map payloads wrote before them (D102): byte for byte, so the
 * outbox rows already stored (whose payload hash the audit chain vouches for) and desks of the previous release stay
 * readable. The old map building is copied here from CaseService/RegistryService as it was before issue 11, and
 * written with the desk's stored-document mapper ({@link Json}) as the outbox did.
 */
class TypedChangeJsonTest {
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-20T10:15:30.123+08:00");

    // ------------------------------------------------------------------ the old map building (before issue 11)

    private static Map<String, Object> oldPayload(CaseFileRecord c, CaseEventRecord e, long actorId, String actorName) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("caseNo", c.getCaseNo());
        p.put("agencyCode", c.getAgencyCode());
        p.put("itemNo", c.getItemNo());
        p.put("catalogVersion", c.getCatalogVersion());
        p.put("applicantKind", c.getApplicantKind());
        p.put("applicantIdNumber", c.getApplicantIdNumber());
        p.put("applicantName", c.getApplicantName());
        p.put("action", e.getAction());
        p.put("fromState", e.getFromState());
        p.put("toState", e.getToState());
        p.put("occurredAt", e.getOccurredAt().toString());
        p.put("onDay", e.getOnDay().toString());
        p.put("actorId", actorId);
        p.put("actorName", actorName);
        if (e.getReasons() != null) {
            p.put("reasons", Json.read(e.getReasons(), new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
            }));
        }
        if (e.getAmountFen() != null) {
            p.put("amountFen", e.getAmountFen());
        }
        return p;
    }

    private static Map<String, Object> oldPersonMap(PersonRecord r, String unitCreditCode) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idType", r.getIdType());
        m.put("idNumber", r.getIdNumber());
        m.put("name", r.getName());
        m.put("gender", r.getGender());
        m.put("birthDate", r.getBirthDate());
        m.put("insuranceType", r.getInsuranceType());
        m.put("status", r.getStatus());
        m.put("unitId", r.getUnitId());
        m.put("phone", r.getPhone());
        m.put("accountBalanceFen", r.getAccountBalanceFen());
        if (r.getUnitId() != null) {
            m.put("unitCreditCode", unitCreditCode);
        }
        return m;
    }

    private static Map<String, Object> oldUnitMap(UnitRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("creditCode", r.getCreditCode());
        m.put("name", r.getName());
        m.put("unitType", r.getUnitType());
        m.put("address", r.getAddress());
        m.put("legalRepName", r.getLegalRepName());
        m.put("bankAccount", r.getBankAccount());
        m.put("status", r.getStatus());
        return m;
    }

    // ------------------------------------------------------------------ fixtures

    private static CaseFileRecord caseFile(String applicantId) {
        CaseFileRecord c = new CaseFileRecord();
        c.setCaseNo("2301020012026112000007");
        c.setAgencyCode("230102001");
        c.setItemNo(11);
        c.setCatalogVersion("2026.1");
        c.setApplicantKind("PERSON");
        c.setApplicantIdNumber(applicantId);
        c.setApplicantName("张三");
        return c;
    }

    private static CaseEventRecord event(String action, String from, String to, List<String> reasons, Long amount) {
        CaseEventRecord e = new CaseEventRecord();
        e.setAction(action);
        e.setFromState(from);
        e.setToState(to);
        e.setOccurredAt(AT);
        e.setOnDay(LocalDate.of(2026, 11, 20));
        e.setReasons(reasons == null ? null : Json.write(reasons));
        e.setAmountFen(amount);
        return e;
    }

    private static List<String> reasons(CaseEventRecord e) {
        return e.getReasons() == null ? null : Json.read(e.getReasons(),
                new com.fasterxml.jackson.core.type.TypeReference<List<String>>() {
                });
    }

    /** How CaseService should build the 4101 change (the constructor the lead calls). */
    private static CaseReceived received(CaseFileRecord c, CaseEventRecord e, long actorId, String actorName,
                                         Map<String, String> fields, Map<Integer, MaterialStatus> materials) {
        return new CaseReceived(c.getCaseNo(), c.getAgencyCode(), c.getItemNo(), c.getCatalogVersion(),
                c.getApplicantKind(), c.getApplicantIdNumber(), c.getApplicantName(), e.getAction(),
                e.getFromState(), e.getToState(), e.getOccurredAt().toString(), e.getOnDay().toString(), actorId,
                actorName, reasons(e), e.getAmountFen(), null, null, null, null, fields, Changes.materialsOf(materials));
    }

    /** How CaseService should build the 4102 change. */
    private static CaseStepped stepped(CaseFileRecord c, CaseEventRecord e, long actorId, String actorName,
                                       String message) {
        return new CaseStepped(c.getCaseNo(), c.getAgencyCode(), c.getItemNo(), c.getCatalogVersion(),
                c.getApplicantKind(), c.getApplicantIdNumber(), c.getApplicantName(), e.getAction(),
                e.getFromState(), e.getToState(), e.getOccurredAt().toString(), e.getOnDay().toString(), actorId,
                actorName, reasons(e), e.getAmountFen(), null, null, message);
    }

    /** The typed change writes the old JSON, reads it back unchanged, and Audited's map path stores the same. */
    private static void sameJson(Change typed, String msgType, Object oldPayload) {
        String old = Json.write(oldPayload);
        assertThat(typed.msgType()).isEqualTo(msgType);
        assertThat(typed.infno()).isEqualTo(Protocol.INFNO_BY_MSG_TYPE.get(msgType));
        assertThat(ChangeKind.write(typed)).isEqualTo(old);
        // a stored row of the old release reads into the record, and the record writes it again byte for byte
        Change read = ChangeKind.ofMsgType(msgType).orElseThrow().parse(old);
        assertThat(read).isEqualTo(typed);
        assertThat(ChangeKind.write(read)).isEqualTo(old);
        // Audited.record's path for callers still passing a map
        Change fromMap = ChangeKind.ofMsgType(msgType).orElseThrow()
                .read(ProtocolJson.mapper().valueToTree(oldPayload));
        assertThat(ChangeKind.write(fromMap)).isEqualTo(old);
        // the envelope's input (the server reads it back into the same record)
        assertThat(ChangeKind.ofMsgType(msgType).orElseThrow().read(ChangeKind.tree(typed))).isEqualTo(typed);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void caseReceivedWritesTheOldPayloadWithAndWithoutReasons() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "张三");
        fields.put("idType", "居民身份证");
        fields.put("remark", null);
        fields.put("Phone", "13800138000");
        Map<Integer, MaterialStatus> materials = new LinkedHashMap<>();
        materials.put(10, MaterialStatus.values()[0]);
        materials.put(2, MaterialStatus.values()[MaterialStatus.values().length - 1]);
        materials.put(1, MaterialStatus.values()[0]);
        for (List<String> r : java.util.Arrays.asList(null, List.<String>of(), List.of("已确认：年龄超过 100 岁"))) {
            CaseFileRecord c = caseFile("230102199003190012");
            CaseEventRecord e = event("RECEIVE", null, "RECEIVED", r, null);
            Map<String, Object> old = oldPayload(c, e, 2L, "窗口乙");
            old.put("fields", fields);
            old.put("materials", materials);
            sameJson(received(c, e, 2L, "窗口乙", fields, materials), "CASE_RECEIVED", old);
        }
        // an applicant without an ID number and a case without materials
        CaseFileRecord c = caseFile(null);
        CaseEventRecord e = event("RECEIVE", null, "RECEIVED", null, null);
        Map<String, Object> old = oldPayload(c, e, 3L, "窗口丙");
        old.put("fields", Map.of());
        old.put("materials", Map.of());
        sameJson(received(c, e, 3L, "窗口丙", Map.of(), Map.of()), "CASE_RECEIVED", old);
    }

    @Test
    void caseSteppedWritesTheOldPayloadWithItsOptionalParts() {
        CaseFileRecord c = caseFile("230102199003190012");
        for (String message : java.util.Arrays.asList(null, "【道里区医保中心】您的申请已办结。")) {
            for (Long amount : java.util.Arrays.asList(null, 123_456L)) {
                for (List<String> r : java.util.Arrays.asList(null, List.of("材料不全", "签字缺失"))) {
                    CaseEventRecord e = event("PAY", "APPROVED", "PAID", r, amount);
                    Map<String, Object> old = oldPayload(c, e, 4L, "复核丁");
                    if (message != null) {
                        old.put("message", message);
                    }
                    sameJson(stepped(c, e, 4L, "复核丁", message), "CASE_TRANSITION", old);
                }
            }
        }
    }

    @Test
    void materialsAttachmentAndNoteWriteTheOldPayloads() {
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        for (int i = 12; i >= 1; i--) {
            m.put(i, MaterialStatus.values()[i % MaterialStatus.values().length]);
        }
        sameJson(new CaseMaterials("2301020012026112000007", Changes.materialsOf(m)), "CASE_MATERIALS",
                Map.of("caseNo", "2301020012026112000007", "materials", m));

        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseNo", "2301020012026112000007");
        after.put("fileName", "申请表.pdf");
        after.put("mediaType", "application/pdf");
        after.put("sizeBytes", 20_480);
        after.put("sha256", "ab".repeat(32));
        sameJson(new CaseAttachment("2301020012026112000007", "申请表.pdf", "application/pdf", 20_480L,
                "ab".repeat(32)), "CASE_ATTACHMENT", after);

        // nothing sends a note today; the province accepts its shape
        sameJson(new CaseNote("2301020012026112000007", "已电话联系"), "CASE_NOTE",
                Map.of("caseNo", "2301020012026112000007", "note", "已电话联系"));
    }

    @Test
    void personRegisteredWritesTheOldPayloadWithAndWithoutAUnit() {
        PersonRecord p = new PersonRecord();
        p.setIdType("RESIDENT_ID");
        p.setIdNumber("230102199003190012");
        p.setName("张三");
        p.setGender("MALE");
        p.setBirthDate(LocalDate.of(1990, 3, 19));
        p.setInsuranceType("EMPLOYEE");
        p.setStatus("INSURED");
        p.setAccountBalanceFen(0L);
        sameJson(new PersonRegistered("RESIDENT_ID", "230102199003190012", "张三", "MALE", "1990-03-19",
                "EMPLOYEE", "INSURED", null, null, 0L, null, null, null), "PERSON_REGISTERED", oldPersonMap(p, null));
        p.setUnitId(7L);
        p.setPhone("13800138000");
        p.setGender(null);
        p.setBirthDate(null);
        sameJson(new PersonRegistered("RESIDENT_ID", "230102199003190012", "张三", null, null, "EMPLOYEE",
                "INSURED", 7L, "13800138000", 0L, "91230102MA1B2C3D4X", null, null), "PERSON_REGISTERED",
                oldPersonMap(p, "91230102MA1B2C3D4X"));
    }

    @Test
    void unitRegisteredWritesTheOldPayloadNullsIncluded() {
        UnitRecord u = new UnitRecord();
        u.setCreditCode("91230102MA1B2C3D4X");
        u.setName("某某公司");
        u.setStatus("INSURED");
        sameJson(RegistryService.unitRegistered(u), "UNIT_REGISTERED", oldUnitMap(u));
        u.setUnitType("企业");
        u.setAddress("道里区一号");
        u.setLegalRepName("李四");
        u.setBankAccount("6222000011112222");
        sameJson(new UnitRegistered("91230102MA1B2C3D4X", "某某公司", "企业", "道里区一号", "李四",
                "6222000011112222", "INSURED", null, null), "UNIT_REGISTERED", oldUnitMap(u));
    }

    @Test
    void everyMessageTypeHasOneRecordAndOneInfno() {
        assertThat(Protocol.INFNO_BY_MSG_TYPE).containsOnlyKeys("CASE_RECEIVED", "CASE_TRANSITION", "CASE_MATERIALS",
                "CASE_ATTACHMENT", "CASE_NOTE", "CASE_FORWARDED", "CASE_RELEASED", "PERSON_REGISTERED",
                "UNIT_REGISTERED");
        assertThat(Protocol.INFNO_BY_MSG_TYPE).containsEntry("CASE_RECEIVED", "4101")
                .containsEntry("CASE_TRANSITION", "4102").containsEntry("CASE_MATERIALS", "4103")
                .containsEntry("CASE_ATTACHMENT", "4104").containsEntry("CASE_NOTE", "4105")
                .containsEntry("CASE_FORWARDED", "4106").containsEntry("CASE_RELEASED", "4107")
                .containsEntry("PERSON_REGISTERED", "4201").containsEntry("UNIT_REGISTERED", "4202");
        for (ChangeKind k : ChangeKind.values()) {
            assertThat(ChangeKind.ofInfno(k.infno())).contains(k);
            assertThat(ChangeKind.ofMsgType(k.msgType())).contains(k);
        }
    }
}
