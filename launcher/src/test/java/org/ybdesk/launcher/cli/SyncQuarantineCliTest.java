package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SyncStore;

/**
 * {@code ybdesk sync status} lists quarantined chains (D124) and {@code ybdesk sync retry} puts them back (administrator
 * or head only, audited); {@code ybdesk case claim} and {@code case reassign} say in Chinese that they need the
 * province (D126). On a real H2 data folder; the rejections are recorded through the same {@link SyncStore} method
 * the uploader calls (the sync module's ChainUploadTest makes the province reject a message for real).
 */
class SyncQuarantineCliTest {
    private static final String PW = "Passw0rd1";

    @TempDir
    Path dir;

    private Run as(String user, String... args) {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--user";
        all[args.length + 1] = user;
        all[args.length + 2] = "--password";
        all[args.length + 3] = PW;
        return ybdesk(dir, all);
    }

    @Test
    void quarantinedChainsAreListedAndRetriedAndHandOffsNeedTheProvince() {
        assertThat(ybdesk(dir, "init", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234", "--window", "1").code())
                .isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
        String id = CliTest.residentId("19800101");
        Run person = as("clerk", "person", "add", "--id", id, "--name", "张三", "--insurance-type", "城乡居民");
        assertThat(person.code()).as(person.toString()).isZero();

        long seq;
        try (Desk d = Desk.open(dir, Mode.PRODUCTION)) {
            SyncStore store = new SyncStore(d);
            seq = store.pending(10).get(0).seq();
            for (int i = 0; i < SyncStore.QUARANTINE_AFTER; i++) {
                store.recordRejection(seq, "省平台无法读取所发报文（HTTP 400）上传报文格式有误");
            }
        }

        Run status = as("admin", "sync", "status");
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.out()).contains("暂停上传 1 条链", "参保人员 " + id, "第 " + seq + " 条报文",
                "HTTP 400", "sync retry");
        Run json = as("admin", "sync", "status", "--json");
        assertThat(json.json().get("quarantined").get(0).get("entityId").asText()).isEqualTo(id);

        Run neither = as("admin", "sync", "retry");
        assertThat(neither.code()).as(neither.toString()).isEqualTo(YbdeskCommand.USAGE);
        Run clerk = as("clerk", "sync", "retry", "--all");
        assertThat(clerk.code()).as(clerk.toString()).isEqualTo(1);
        assertThat(clerk.err()).contains("管理员或负责人");
        Run notQuarantined = as("admin", "sync", "retry", "--seq", String.valueOf(seq + 100));
        assertThat(notQuarantined.code()).isEqualTo(1);
        assertThat(notQuarantined.err()).contains("没有被暂停上传");
        Run retry = as("admin", "sync", "retry", "--seq", String.valueOf(seq), "--json");
        assertThat(retry.code()).as(retry.toString()).isZero();
        assertThat(retry.json().get(0).asLong()).isEqualTo(seq);
        assertThat(as("admin", "sync", "status", "--json").json().get("quarantined").size()).isZero();
        assertThat(as("admin", "sync", "status", "--json").json().get("pending").asInt()).isEqualTo(1);

        Run claim = as("clerk", "case", "claim", "2301020012026111601000001");
        assertThat(claim.code()).as(claim.toString()).isEqualTo(1);
        assertThat(claim.err()).contains("领取需要连接省平台");
        Run noReason = as("admin", "case", "reassign", "--from-window", "1");
        assertThat(noReason.code()).isEqualTo(YbdeskCommand.USAGE);
        Run clerkReassigns = as("clerk", "case", "reassign", "--from-window", "1", "--reason", "电脑损坏");
        assertThat(clerkReassigns.code()).isEqualTo(1);
        assertThat(clerkReassigns.err()).contains("负责人或管理员");
        Run offline = as("admin", "case", "reassign", "--from-window", "1", "--reason", "电脑损坏");
        assertThat(offline.code()).isEqualTo(1);
        assertThat(offline.err()).contains("改派需要连接省平台");
    }
}
