package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.Health;
import org.ybdesk.protocol.Protocol;

class AuthAndValidationTest {
    static ServerFixture f;
    static ServerFixture.DeskClient desk;
    static ServerFixture.DeskClient other;

    @BeforeAll
    static void start() {
        f = new ServerFixture();
        desk = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        other = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static ErrorBody error(HttpResponse<String> r) {
        return ServerFixture.read(r.body(), ErrorBody.class);
    }

    @Test
    void healthNeedsNoToken() {
        HttpResponse<String> r = f.get(null, Protocol.PATH_HEALTH);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(ServerFixture.read(r.body(), Health.class)).isEqualTo(new Health("UP", Protocol.VERSION));
    }

    @Test
    void missingOrUnknownTokenIs401InChinese() {
        List<Envelope> batch = List.of(desk.envelopeAt("4201", Map.of("idNumber", "x"), 1,
                java.time.LocalDateTime.of(2026, 1, 5, 9, 0)));
        HttpResponse<String> none = f.post(null, batch);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).errMsg()).contains("令牌");
        HttpResponse<String> wrong = f.post("not-a-token", batch);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).errCode()).isEqualTo("UNAUTHORIZED");
        assertThat(f.get("nope", Protocol.PATH_REGISTRY + "?since=0").statusCode()).isEqualTo(401);
        assertThat(f.get(null, Protocol.PATH_REFERENCE + "?since=0").statusCode()).isEqualTo(401);
    }

    @Test
    void envelopesOfAnotherAgencyOrDeskAre403AndNothingIsApplied() {
        Envelope foreign = other.person("230103198001010002", "钱一");
        HttpResponse<String> r = f.post(desk.token, List.of(foreign));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(error(r).errCode()).isEqualTo("AGENCY_MISMATCH");
        assertThat(error(r).errMsg()).contains("230103001", "230102001");

        Envelope e = desk.person("230102198001010006", "钱二");
        Envelope otherDesk = new Envelope(e.infno(), e.msgid(), e.infTime(), e.infver(), e.opterType(), e.opter(),
                e.opterName(), e.agencyCode(), e.admdvs(), "007", e.seq(), e.input());
        HttpResponse<String> r2 = f.post(desk.token, List.of(otherDesk));
        assertThat(r2.statusCode()).isEqualTo(403);
        assertThat(error(r2).errCode()).isEqualTo("DESK_MISMATCH");
        assertThat(f.count("received_message")).isZero();
    }

    @Test
    void moreThan500MessagesAre413() {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < Protocol.MAX_BATCH + 1; i++) {
            batch.add(desk.person(ServerFixture.pid("230102", i), "批量"));
        }
        HttpResponse<String> r = f.post(desk.token, batch);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r).errMsg()).contains("501", "500");
        assertThat(f.count("received_message")).isZero();
    }

    @Test
    void malformedEnvelopesAre400WithEveryReasonAndNothingIsApplied() {
        Envelope good = desk.person("230102198001019000", "好人");
        Envelope badMsgid = new Envelope("4201", "2301020019999", good.infTime(), "V1.0", "1", "z", "z",
                good.agencyCode(), good.admdvs(), good.windowNo(), good.seq() + 1, good.input());
        Envelope unknownInfno = desk.envelopeAt("4999", Map.of("caseNo", "1"), good.seq() + 2,
                desk.clock.plusMinutes(5));
        Envelope noInput = new Envelope("4105", desk.envelopeAt("4105", Map.of(), good.seq() + 3,
                desk.clock.plusMinutes(6)).msgid(), Protocol.INF_TIME.format(desk.clock.plusMinutes(6)), "V1.0", "1",
                "z", "z", good.agencyCode(), good.admdvs(), good.windowNo(), good.seq() + 3, null);
        HttpResponse<String> r = f.post(desk.token, List.of(good, badMsgid, unknownInfno, noInput));
        assertThat(r.statusCode()).isEqualTo(400);
        ErrorBody body = error(r);
        assertThat(body.errCode()).isEqualTo("INVALID_ENVELOPE");
        assertThat(body.errMsg()).contains("第 2 条", "报文ID", "第 3 条", "4999");
        assertThat(f.count("received_message")).isZero();
        // (a well-formed envelope without its input is refused alone: HostileInputTest)
    }

    @Test
    void sequenceMustAscendWithinABatchAndMsgidMustMatchTheEnvelope() {
        Envelope a = desk.person("230102198001019107", "甲");
        Envelope b = desk.person("230102198001019107", "乙");
        HttpResponse<String> r = f.post(desk.token, List.of(b, a));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).errMsg()).contains("顺序号");
        Envelope shifted = new Envelope(a.infno(), a.msgid(), "2026-01-01 00:00:00", a.infver(), a.opterType(),
                a.opter(), a.opterName(), a.agencyCode(), a.admdvs(), a.windowNo(), a.seq(), a.input());
        HttpResponse<String> r2 = f.post(desk.token, List.of(shifted));
        assertThat(r2.statusCode()).isEqualTo(400);
        assertThat(error(r2).errMsg()).contains("inf_time");
    }

    @Test
    void unreadableBodyAndBadParametersAre400() {
        HttpResponse<String> r = f.postRaw(desk.token, "{not json");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).errCode()).isEqualTo("BAD_REQUEST");
        assertThat(f.postRaw(desk.token, "{}").statusCode()).isEqualTo(400);
        assertThat(f.get(desk.token, Protocol.PATH_REGISTRY + "?since=abc").statusCode()).isEqualTo(400);
        assertThat(f.get(desk.token, Protocol.PATH_REGISTRY + "?since=0&limit=0").statusCode()).isEqualTo(400);
    }
}
