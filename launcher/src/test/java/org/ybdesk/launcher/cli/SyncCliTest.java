package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/**
 * {@code ybdesk sync …} on a real H2 data folder: unconfigured (offline, said in Chinese, exit 1), configure (an
 * administrator only, all problems at once), a server address where nothing listens (exit 1 with the reason, the
 * change stays pending), status as text and JSON, and the sandbox, which never syncs. The sync module's own tests
 * run the same engine against the real provincial server.
 */
class SyncCliTest {
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

    private void setUp() {
        assertThat(ybdesk(dir, "init", "--window", "3", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--hotline", "0451-84661234").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        Run clerk = as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101"));
        assertThat(clerk.code()).as(clerk.toString()).isZero();
    }

    @Test
    void unconfiguredConfigureRefusedServerStatusAndSandbox() throws Exception {
        setUp();
        Run person = as("clerk", "person", "add", "--id", CliTest.residentId("19800101"), "--name", "张三",
                "--insurance-type", "城乡居民");
        assertThat(person.code()).as(person.toString()).isZero();

        Run anonymous = ybdesk(dir, "sync", "now");
        assertThat(anonymous.code()).as(anonymous.toString()).isEqualTo(1);
        assertThat(anonymous.err()).contains("须由管理员登录", "--user");
        Run anonymousStatus = ybdesk(dir, "sync", "status");
        assertThat(anonymousStatus.code()).as(anonymousStatus.toString()).isEqualTo(1);
        assertThat(anonymousStatus.err()).contains("须由管理员登录");
        Run clerkSyncs = as("clerk", "sync", "now");
        assertThat(clerkSyncs.code()).as(clerkSyncs.toString()).isEqualTo(1);
        assertThat(clerkSyncs.err()).contains("须由管理员登录");

        Run unconfigured = as("admin", "sync", "now");
        assertThat(unconfigured.code()).as(unconfigured.toString()).isEqualTo(1);
        assertThat(unconfigured.err()).contains("未配置省平台地址");

        Run status = as("admin", "sync", "status", "--json");
        assertThat(status.code()).as(status.toString()).isZero();
        assertThat(status.json().get("configured").asBoolean()).isFalse();
        assertThat(status.json().get("online").asBoolean()).isFalse();
        assertThat(status.json().get("pending").asInt()).isEqualTo(1);
        assertThat(status.json().get("lastSync").isNull()).isTrue();

        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Run clerkConfigures = as("clerk", "sync", "configure", "--server", url, "--window-no", "3", "--token", "t0k");
        assertThat(clerkConfigures.code()).as(clerkConfigures.toString()).isEqualTo(1);
        assertThat(clerkConfigures.err()).contains("管理员");
        Run bad = as("admin", "sync", "configure", "--server", "ftp://x", "--desk-no", "3", "--token", " ");
        assertThat(bad.code()).as(bad.toString()).isEqualTo(1);
        assertThat(bad.err().lines().filter(l -> l.startsWith("✗"))).hasSize(2);
        // the window registered at the province must be the desk's own (issue 12, D117)
        Run otherWindow = as("admin", "sync", "configure", "--server", url, "--window-no", "4", "--token", "t0k");
        assertThat(otherWindow.code()).as(otherWindow.toString()).isNotZero();
        assertThat(otherWindow.err()).contains("本机设置的窗口号是 3", "--window-no 写的是 4");
        Run oldName = as("admin", "sync", "configure", "--server", url, "--desk-no", "7", "--token", "t0k");
        assertThat(oldName.code()).as(oldName.toString()).isNotZero();
        assertThat(oldName.err()).contains("本机设置的窗口号是 3");
        assertThat(Files.exists(dir.resolve("config.properties"))
                && Files.readString(dir.resolve("config.properties")).contains("sync.server-url")).isFalse();
        Run implied = as("admin", "sync", "configure", "--server", url, "--token", "t0k");
        assertThat(implied.code()).as(implied.toString()).isZero();
        assertThat(Files.readString(dir.resolve("config.properties"))).contains("sync.window-no=3");
        Run ok = as("admin", "sync", "configure", "--server", url, "--window-no", "3", "--token", "t0k");
        assertThat(ok.code()).as(ok.toString()).isZero();
        assertThat(Files.readString(dir.resolve("config.properties"))).contains("sync.window-no=3")
                .contains("sync.token=sealed\\:v1\\:").doesNotContain("t0k");
        assertThat(org.ybdesk.sync.SyncConfig.load(dir).orElseThrow().token()).isEqualTo("t0k");

        Run refused = as("admin", "sync", "now");
        assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("无法连接省平台", url);

        Run text = as("admin", "sync", "status");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("离线", "待上传 1 条", "从未同步", "无法连接省平台");

        Run sandbox = ybdesk(dir, "--sandbox", "sync", "now");
        assertThat(sandbox.code()).as(sandbox.toString()).isEqualTo(1);
        assertThat(sandbox.err()).contains("培训环境");
    }
}
