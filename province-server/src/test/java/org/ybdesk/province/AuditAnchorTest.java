package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.AuditHead;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.ErrorBody;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadRequest;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.province.store.AuditAnchors;

/** The province keeps each desk's audit chain heads and refuses a batch from a cut-back or rewritten chain (D71). */
class AuditAnchorTest {
    private static final String H1 = "1".repeat(64);
    private static final String H5 = "5".repeat(64);
    private static final String H9 = "9".repeat(64);
    private static final String FORGED = "f".repeat(64);

    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private HttpResponse<String> post(ServerFixture.DeskClient d, List<Envelope> batch, AuditHead head,
                                      AuditHead proof) throws Exception {
        return f.postRaw(d.token, ProtocolJson.mapper().writeValueAsString(new UploadRequest(batch, head, proof)));
    }

    private static ErrorBody error(HttpResponse<String> r) throws Exception {
        return ProtocolJson.mapper().readValue(r.body(), ErrorBody.class);
    }

    @Test
    void headsThatGrowAreKeptAndACutBackOrRewrittenChainIsRefused() throws Exception {
        var d = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        // first anchor: nothing to compare with
        assertThat(post(d, List.of(d.person(ServerFixture.pid("230102", 11), "张一")), new AuditHead(5, H5, "20261120090000"),
                null).statusCode()).isEqualTo(200);
        // an anchor-only request (no messages) with the proof of seq 5
        assertThat(post(d, List.of(), new AuditHead(9, H9, "20261120100000"), new AuditHead(5, H5, null))
                .statusCode()).isEqualTo(200);
        assertThat(f.count("desk_audit_anchor")).isEqualTo(2);
        // the same head again (a retried request) is fine
        assertThat(post(d, List.of(), new AuditHead(9, H9, null), new AuditHead(9, H9, null)).statusCode())
                .isEqualTo(200);

        // the last audit rows deleted: the head went back
        Envelope held = d.person(ServerFixture.pid("230102", 22), "张二");
        HttpResponse<String> behind = post(d, List.of(held), new AuditHead(7, H1, null), new AuditHead(5, H5, null));
        assertThat(behind.statusCode()).isEqualTo(409);
        assertThat(error(behind).errCode()).isEqualTo(AuditAnchors.REWOUND);
        assertThat(error(behind).errMsg()).contains("审计日志被回退或改写").contains("7").contains("9");
        // the whole chain rewritten consistently: the hash at an anchored seq differs
        HttpResponse<String> rewritten = post(d, List.of(held), new AuditHead(12, FORGED, null),
                new AuditHead(9, FORGED, null));
        assertThat(rewritten.statusCode()).isEqualTo(409);
        assertThat(error(rewritten).errMsg()).contains("整体改写");
        // the desk's record of the anchor removed: no proof
        HttpResponse<String> noProof = post(d, List.of(held), new AuditHead(12, FORGED, null), null);
        assertThat(noProof.statusCode()).isEqualTo(409);
        assertThat(error(noProof).errMsg()).contains("第 9 条");
        // a proof at a seq the province never anchored
        assertThat(post(d, List.of(held), new AuditHead(12, FORGED, null), new AuditHead(8, FORGED, null))
                .statusCode()).isEqualTo(409);
        // nothing of the refused batches was applied
        assertThat(f.count("registry_person")).isEqualTo(1);

        // an honest head is still accepted, and a desk without heads (older release) is not checked
        UploadResponse ok = ProtocolJson.mapper().readValue(post(d, List.of(held), new AuditHead(12, H1, null),
                new AuditHead(9, H9, null)).body(), UploadResponse.class);
        assertThat(ok.results()).singleElement().satisfies(r -> assertThat(r.accepted()).isTrue());
        var old = f.desk("230102002", "230102", "道外区医疗保障中心");
        assertThat(old.upload(old.person("230102198001010033", "张三")).results()).hasSize(1);
        // another desk's heads are its own
        assertThat(post(old, List.of(), new AuditHead(1, H1, null), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedHeadIsABadRequest() throws Exception {
        var d = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        HttpResponse<String> r = post(d, List.of(), new AuditHead(0, "xyz", null), null);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).errMsg()).contains("审计链头");
    }
}
