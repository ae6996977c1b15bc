package org.ybdesk.province;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;
import org.ybdesk.protocol.Envelope;
import org.ybdesk.protocol.Protocol;
import org.ybdesk.protocol.ReferenceData;
import org.ybdesk.protocol.RegistryDelta;

class PullTest {
    ServerFixture f;
    ServerFixture.DeskClient a;
    ServerFixture.DeskClient b;
    ServerFixture.DeskClient c;

    @BeforeEach
    void start() {
        f = new ServerFixture();
        a = f.desk("230102001", "230102", "哈尔滨市道里区医疗保障中心");
        // b: another agency of the same division; c: a desk of another division
        b = f.desk("230102002", "230102", "哈尔滨市道里区新农街道医保服务站");
        c = f.desk("230103001", "230103", "哈尔滨市南岗区医疗保障中心");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private RegistryDelta registry(String token, long since, int limit) {
        var r = f.get(token, Protocol.PATH_REGISTRY + "?since=" + since + "&limit=" + limit);
        assertThat(r.statusCode()).isEqualTo(200);
        return ServerFixture.read(r.body(), RegistryDelta.class);
    }

    @Test
    void registryDeltasSinceAVersionComeInVersionOrderPageByPage() {
        List<Envelope> batch = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(a.person(ServerFixture.pid("230102", i), ServerFixture.name("人", i)));
            if (i % 3 == 0) {
                batch.add(a.unit(ServerFixture.ucc(String.format("91230102000000%03d0", i)), "单位" + i));
            }
        }
        assertThat(ServerFixture.codes(a.upload(batch))).containsOnly("OK"); // 7 persons, 3 units
        // another agency of the division pulls what the first registered, 4 changes a page
        List<Long> versions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long since = 0;
        int pages = 0;
        RegistryDelta page;
        do {
            page = registry(b.token, since, 4);
            pages++;
            assertThat(page.persons().size() + page.units().size()).isLessThanOrEqualTo(4);
            page.persons().forEach(p -> {
                versions.add(p.version());
                ids.add(p.idNumber());
            });
            page.units().forEach(u -> versions.add(u.version()));
            assertThat(page.version()).isGreaterThan(since);
            since = page.version();
        } while (page.more());
        assertThat(pages).isEqualTo(3);
        assertThat(versions).hasSize(10).doesNotHaveDuplicates();
        assertThat(ids).hasSize(7).contains(ServerFixture.pid("230102", 0), ServerFixture.pid("230102", 6));
        List<Long> sorted = new ArrayList<>(versions);
        sorted.sort(null);
        // within a page persons and units are separate lists, but pages themselves never go back in version
        RegistryDelta empty = registry(b.token, since, 4);
        assertThat(empty.more()).isFalse();
        assertThat(empty.persons()).isEmpty();
        assertThat(empty.version()).isEqualTo(since);

        // a new registration at the other agency of the division is exactly the next delta
        b.upload(b.person(ServerFixture.pid("230102", 500), "新人"));
        RegistryDelta next = registry(a.token, since, 100);
        assertThat(next.persons()).singleElement().satisfies(p -> {
            assertThat(p.idNumber()).isEqualTo(ServerFixture.pid("230102", 500));
            assertThat(p.insuredAgencyCode()).isEqualTo("230102002");
            assertThat(p.admdvs()).isEqualTo("230102");
            assertThat(p.name()).isEqualTo("新人");
        });
        assertThat(next.version()).isGreaterThan(sorted.get(sorted.size() - 1));
    }

    @Test
    void aDeskSeesTheRegistryOfItsOwnDivisionOnly() {
        a.upload(a.person(ServerFixture.pid("230102", 1), "道里人"),
                a.unit(ServerFixture.ucc("91230102MA1B2C3D40"), "道里单位"));
        c.upload(c.person(ServerFixture.pid("230103", 2), "南岗人"));
        RegistryDelta daoli = registry(a.token, 0, 100);
        assertThat(daoli.persons()).extracting(RegistryDelta.Person::name).containsExactly("道里人");
        assertThat(daoli.units()).extracting(RegistryDelta.Unit::name).containsExactly("道里单位");
        RegistryDelta nangang = registry(c.token, 0, 100);
        assertThat(nangang.persons()).extracting(RegistryDelta.Person::name).containsExactly("南岗人");
        assertThat(nangang.units()).isEmpty();
        assertThat(nangang.persons()).allSatisfy(p -> assertThat(p.admdvs()).isEqualTo("230103"));
        // a division with nothing new answers with the version it was asked from
        assertThat(registry(c.token, nangang.version(), 100).version()).isEqualTo(nangang.version());
    }

    @Test
    void referencePullsStartWithWhatTheDeskShipsAndThenOnlyWhatChanged() {
        var r = f.get(a.token, Protocol.PATH_REFERENCE + "?since=0");
        assertThat(r.statusCode()).isEqualTo(200);
        ReferenceData all = ServerFixture.read(r.body(), ReferenceData.class);
        assertThat(all.entries()).extracting(ReferenceData.Entry::kind, ReferenceData.Entry::key)
                .contains(org.assertj.core.groups.Tuple.tuple("CATALOG", Catalog.loadDefault().version()),
                        org.assertj.core.groups.Tuple.tuple("CALENDAR", "2025"),
                        org.assertj.core.groups.Tuple.tuple("CALENDAR", "2026"));
        ReferenceData.Entry catalog = all.entries().stream().filter(e -> e.kind().equals("CATALOG")).findFirst()
                .orElseThrow();
        assertThat(catalog.content().get("items")).hasSize(28);
        ReferenceData.Entry y2026 = all.entries().stream().filter(e -> e.key().equals("2026")).findFirst()
                .orElseThrow();
        assertThat(y2026.content().get("makeUpWorkdays").isArray()).isTrue();
        assertThat(all.version()).isEqualTo(all.entries().stream().mapToLong(ReferenceData.Entry::version).max()
                .orElseThrow());

        String yaml = "years:\n  - year: 2027\n    notice: 国办发明电〔2026〕1号\n    title: 2027年部分节假日安排\n"
                + "    holidays:\n      - {name: 元旦, days: [2027-01-01]}\n    makeUpWorkdays: []\n";
        long v = f.server.reference().importFile("CALENDAR", "2027",
                new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        ReferenceData changed = ServerFixture.read(
                f.get(a.token, Protocol.PATH_REFERENCE + "?since=" + all.version()).body(), ReferenceData.class);
        assertThat(changed.version()).isEqualTo(v);
        assertThat(changed.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("CALENDAR");
            assertThat(e.key()).isEqualTo("2027");
            assertThat(e.content().get("holidays").get(0).get("days").get(0).asText()).isEqualTo("2027-01-01");
        });
        ReferenceData none = ServerFixture.read(
                f.get(a.token, Protocol.PATH_REFERENCE + "?since=" + v).body(), ReferenceData.class);
        assertThat(none.entries()).isEmpty();
        assertThat(none.version()).isEqualTo(v);
    }

    /** D95: the province serves an admin-division list in the desk's TSV format; a broken one is refused. */
    @Test
    void anAdminDivisionListIsServedAsText() {
        ReferenceData all = ServerFixture.read(f.get(a.token, Protocol.PATH_REFERENCE + "?since=0").body(),
                ReferenceData.class);
        String tsv = "# version: 2027-01-01\ncode\tname\tkind\tsuccessor\tyear\n"
                + "230000\t黑龙江省\tPROVINCE\t\t\n239900\t黑龙江省省本级\tPOOLING\t\t\n";
        long v = f.server.reference().importFile("ADMIN_DIVISIONS", "2027-01-01",
                new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8)));
        ReferenceData changed = ServerFixture.read(
                f.get(a.token, Protocol.PATH_REFERENCE + "?since=" + all.version()).body(), ReferenceData.class);
        assertThat(changed.entries()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("ADMIN_DIVISIONS");
            assertThat(e.version()).isEqualTo(v);
            assertThat(e.content().isTextual()).isTrue();
            assertThat(e.content().asText()).isEqualTo(tsv);
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.server.reference().importFile("ADMIN_DIVISIONS",
                "2027-02-01", new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("2027-01-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.server.reference().importFile("ADMIN_DIVISIONS",
                "x", new ByteArrayInputStream("code\tname\tkind\n2300\t某\tPROVINCE\n"
                        .getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("不是6位数字");
    }

    /** D96: a person born before 1900 (the desk records one after the clerk confirmed) is accepted by the province. */
    @Test
    void aPersonBornBefore1900IsAccepted() {
        String first17 = "230102" + "18991231" + "001";
        String id = first17 + org.ybdesk.core.validation.Validators.residentIdCheckChar(first17);
        a.upload(a.envelope("4201", java.util.Map.of("idType", "RESIDENT_ID", "idNumber", id, "name", "百岁老人",
                "insuranceType", "RESIDENT", "status", "INSURED", "birthDate", "1899-12-31", "gender", "MALE")));
        RegistryDelta d = registry(a.token, 0, 100);
        assertThat(d.persons()).extracting(RegistryDelta.Person::idNumber).contains(id);
        assertThat(d.persons()).filteredOn(p -> p.idNumber().equals(id)).extracting(RegistryDelta.Person::birthDate)
                .containsExactly("1899-12-31");
    }
}
