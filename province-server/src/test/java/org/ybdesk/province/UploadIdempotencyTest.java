package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.UploadResponse;
import org.ybdesk.protocol.UploadResult;

class UploadIdempotencyTest {
    ServerFixture f;

    @BeforeEach
    void start() {
        f = new ServerFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void sameBatchTwiceGivesTheOriginalAcknowledgementsAndAppliesNothingTwice() {
        var d = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        List<Envelope> batch = List.of(
                d.person("230102198001010014", "张一"),
                d.unit("91230102MA1B2C3D46", "哈尔滨某某有限公司"),
                d.caseReceived("2301020012026112000001", 11, "230102198001010014"),
                d.caseStep("2301020012026112000001", "CLOSE", "RECEIVED", "CLOSED"),
                d.caseMaterials("2301020012026112000001"));
        UploadResponse first = d.upload(batch);
        assertThat(ServerFixture.codes(first)).containsExactly("OK", "OK", "OK", "OK", "OK");
        assertThat(first.results()).noneMatch(UploadResult::duplicate);
        int persons = f.count("registry_person");
        int steps = f.count("case_step");
        int messages = f.count("received_message");

        UploadResponse again = d.upload(batch);

        assertThat(again.results()).allMatch(UploadResult::duplicate).allMatch(UploadResult::accepted);
        for (int i = 0; i < batch.size(); i++) {
            assertThat(again.results().get(i).infRefmsgid()).isEqualTo(first.results().get(i).infRefmsgid());
            assertThat(again.results().get(i).refmsgTime()).isEqualTo(first.results().get(i).refmsgTime());
            assertThat(again.results().get(i).msgid()).isEqualTo(batch.get(i).msgid());
        }
        assertThat(f.count("registry_person")).isEqualTo(persons).isEqualTo(1);
        assertThat(f.count("case_step")).isEqualTo(steps).isEqualTo(3);
        assertThat(f.count("received_message")).isEqualTo(messages).isEqualTo(5);
        assertThat(f.db.dsl().fetchValue("select state from province_case where case_no = '2301020012026112000001'"))
                .isEqualTo("CLOSED");
    }

    @Test
    void aBatchCutOffMidwayIsResentWithDuplicatesForTheAppliedPart() {
        var d = f.desk("230102002", "230102", "道外区医疗保障中心");
        Envelope a = d.person("230102198001010022", "张二");
        Envelope b = d.person("230102198001010030", "张三");
        Envelope c = d.person("230102198001010049", "张四");
        d.upload(a, b); // the server applied these two, the answer was lost
        UploadResponse resent = d.upload(a, b, c);
        assertThat(resent.results()).extracting(UploadResult::duplicate).containsExactly(true, true, false);
        assertThat(ServerFixture.codes(resent)).containsExactly("OK", "OK", "OK");
    }

    @Test
    void messagesAreAppliedInBatchOrder() {
        var d = f.desk("230102003", "230102", "南岗区医疗保障中心");
        // registration before the out-of-area filing: the filing sees the insured person
        UploadResponse inOrder = d.upload(d.person("230102198001010057", "王五"),
                d.caseReceived("2301020032026112000001", 12, "230102198001010057"));
        assertThat(ServerFixture.codes(inOrder)).containsExactly("OK", "OK");
        // the filing before the registration: at its turn the person is not insured yet
        UploadResponse reversed = d.upload(d.caseReceived("2301020032026112000002", 12, "230102198001010065"),
                d.person("230102198001010065", "赵六"));
        assertThat(ServerFixture.codes(reversed)).containsExactly("NOT_INSURED", "OK");
    }
}
