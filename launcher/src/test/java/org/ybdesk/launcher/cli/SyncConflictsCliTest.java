package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.launcher.cli.CliTest.Run;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ProtocolJson;
import org.ybdesk.protocol.UploadResult;
import org.ybdesk.province.ProvinceServer;
import org.ybdesk.province.store.Desks;
import org.ybdesk.province.store.LocalPostgres;
import org.ybdesk.province.store.ProvinceDb;
import org.ybdesk.province.store.ReferenceStore;
import org.ybdesk.province.store.Uploads;

/**
 * {@code ybdesk sync conflicts [--json] [--handle]} and the conflicts line of {@code sync status} (issue 13, D138):
 * this desk (道里) registers a person and syncs; 南岗 then back-fills the paper registration it took on 3 November
 * (the province in this JVM, on a random port); the next {@code sync now} brings the conflict, which the supervisor
 * sees with both agencies, windows and occurrence times, and marks handled.
 */
class SyncConflictsCliTest {
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
    void theSupervisorSeesTheConflictWithBothOccurrenceTimesAndMarksItHandled() throws Exception {
        try (LocalPostgres pg = LocalPostgres.start(Files.createTempDirectory(Path.of("/tmp"), "ybdesk-conflict-pg-"));
             ProvinceDb db = open(pg)) {
            new ReferenceStore(db).seedIfEmpty();
            ProvinceServer server = ProvinceServer.start(db, "127.0.0.1", 0);
            try {
                run(db, server);
            } finally {
                server.close();
            }
        }
    }

    private static ProvinceDb open(LocalPostgres pg) {
        pg.createDatabase("conflicts");
        return new ProvinceDb(pg.jdbcUrl("conflicts"), pg.user(), pg.password());
    }

    private void run(ProvinceDb db, ProvinceServer server) throws Exception {
        Desks.Registration mine = server.desks().add("230102001", "230102", "道里区医保中心");
        Desks.Registration other = server.desks().add("230103001", "230103", "南岗区医保中心");
        assertThat(ybdesk(dir, "init", "--window", String.valueOf(mine.desk().windowNo()), "--agency-code",
                "230102001", "--admin-division", "230102", "--agency-name", "哈尔滨市道里区医疗保障服务中心",
                "--hotline", "0451-84661234").code()).isZero();
        assertThat(ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", CliTest.residentId("19750101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "head", "--name", "王负责", "--new-password", PW,
                "--roles", "负责人", "--person-id", CliTest.residentId("19700101")).code()).isZero();
        assertThat(as("admin", "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", CliTest.residentId("19850101")).code()).isZero();
        Run configure = as("admin", "sync", "configure", "--server", "http://127.0.0.1:" + server.port(),
                "--token", mine.token());
        assertThat(configure.code()).as(configure.toString()).isZero();
        String id = CliTest.residentId("19800101");
        assertThat(as("clerk", "person", "add", "--id", id, "--name", "张三", "--insurance-type", "城乡居民").code())
                .isZero();
        Run first = as("admin", "sync", "now");
        assertThat(first.code()).as(first.toString()).isZero();
        assertThat(as("head", "sync", "conflicts").out()).contains("没有未处理的登记冲突");

        // 南岗 back-fills its paper registration of the same person, taken on 3 November during the outage
        LocalDateTime at = LocalDateTime.of(2026, 11, 16, 11, 0);
        Envelope late = new Envelope("4201", Protocol.msgid("230103001", at, other.desk().windowNo(), 1),
                Protocol.INF_TIME.format(at), Protocol.VERSION, Protocol.OPERATOR_CLERK, "zhao", "赵经办",
                "230103001", "230103", String.format("%03d", other.desk().windowNo()), 1,
                ProtocolJson.mapper().valueToTree(Map.of("idType", "RESIDENT_ID", "idNumber", id, "name", "张三",
                        "insuranceType", "RESIDENT", "status", "INSURED", "occurredAt", "2026-11-03T09:30+08:00",
                        "backfill", Map.of("paperRef", "南岗停机-0042", "enteredAt", "2026-11-16T11:00:00",
                                "enteredBy", "zhao"))));
        UploadResult r = new Uploads(db, Catalog.loadDefault()).process(other.desk(), List.of(late)).get(0);
        assertThat(r.errCode()).isEqualTo(UploadResult.REGISTRY_CONFLICT);

        Run second = as("admin", "sync", "now");
        assertThat(second.code()).as(second.toString()).isZero();
        Run json = as("head", "sync", "conflicts", "--json");
        assertThat(json.code()).as(json.toString()).isZero();
        JsonNode c = json.json().get(0);
        assertThat(c.get("status").asText()).isEqualTo("OPEN");
        assertThat(c.get("holderHere").asBoolean()).isFalse();
        assertThat(c.get("conflict").get("key").asText()).isEqualTo(id);
        assertThat(c.get("conflict").get("holder").get("agency_code").asText()).isEqualTo("230103001");
        assertThat(c.get("conflict").get("holder").get("occurred_at").asText()).isEqualTo("2026-11-03 09:30:00");
        assertThat(c.get("conflict").get("holder").get("paper_ref").asText()).isEqualTo("南岗停机-0042");
        assertThat(c.get("conflict").get("other").get("agency_code").asText()).isEqualTo("230102001");
        assertThat(c.get("conflict").get("other").get("occurred_at").asText()).isEqualTo("2026-11-16 10:00:00");
        long task = c.get("taskId").asLong();

        Run text = as("head", "sync", "conflicts");
        assertThat(text.out()).contains("登记冲突 1 件（未处理 1 件）", "张三", "南岗区医保中心", "2026-11-03 09:30:00",
                "南岗停机-0042", "道里区医保中心", "2026-11-16 10:00:00", "--handle");
        Run status = as("admin", "sync", "status");
        assertThat(status.out()).contains("未处理的登记冲突 1 件", "2026-11-03 09:30:00");
        assertThat(as("admin", "sync", "status", "--json").json().get("openConflicts")).hasSize(1);
        Run clerk = as("clerk", "sync", "conflicts");
        assertThat(clerk.code()).isEqualTo(1);
        assertThat(clerk.err()).contains("管理员或负责人");

        Run noNote = as("head", "sync", "conflicts", "--handle", String.valueOf(task));
        assertThat(noNote.code()).isEqualTo(1);
        Run unknown = as("head", "sync", "conflicts", "--handle", "99999", "--note", "已处理");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("99999");
        Run handled = as("head", "sync", "conflicts", "--handle", String.valueOf(task), "--note",
                "已与南岗区医保中心协商，由其办理参保，本机构办理转移");
        assertThat(handled.code()).as(handled.toString()).isZero();
        assertThat(handled.out()).contains("已处理");
        assertThat(as("head", "sync", "conflicts").out()).contains("没有未处理的登记冲突");
        assertThat(as("head", "sync", "conflicts", "--all", "--json").json().get(0).get("handledNote").asText())
                .contains("转移");
    }
}
