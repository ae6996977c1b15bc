package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.service.LookupService.Institution;
import org.ybdesk.service.LookupService.Place;

/** Issue 13: 就医地 by name, pinyin or code; 定点医药机构 from the pulled INSTITUTIONS list. */
class LookupServiceTest {
    @TempDir
    Path dir;

    static final String INSTITUTIONS = """
            [{"code":"H23010200001","name":"哈尔滨医科大学附属第一医院","level":"三级甲等","type":"综合医院",
              "admdvs":"230102","address":"哈尔滨市南岗区邮政街23号","phone":"0451-85555555"},
             {"code":"H23010200002","name":"道里区人民医院","level":"二级甲等","type":"综合医院","admdvs":"230102"},
             {"code":"P23010200001","name":"道里大药房","level":"","type":"零售药店","admdvs":"230102"}]
            """;

    @Test
    void treatmentPlacesByNamePinyinOrCode() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            LookupService l = f.desk.lookups();
            assertThat(l.places("haerbin")).extracting(Place::code).first().isEqualTo("230100");
            assertThat(l.places("heb")).extracting(Place::code).contains("230100");
            assertThat(l.places("哈尔滨")).extracting(Place::label).first().isEqualTo("230100 黑龙江省哈尔滨市");
            // a heteronym read both ways: 重庆 is chongqing
            assertThat(l.places("chongqing")).extracting(Place::code).contains("500000");
            assertThat(l.places("1101")).extracting(Place::code).contains("110100", "110101")
                    .doesNotContain("110103"); // 崇文区: abolished, never offered
            // cities before counties
            assertThat(l.places("北京").get(0).kindLabel()).isNotEqualTo("县级");
            assertThat(l.places("qqqqq")).isEmpty();
            assertThatThrownBy(() -> l.places("  ")).hasMessageContaining("请输入名称、拼音首字母或代码");
        }
    }

    @Test
    void designatedInstitutionsFromThePulledList() {
        try (DeskFixture f = new DeskFixture(dir, LocalDate.of(2026, 11, 2))) {
            LookupService l = f.desk.lookups();
            assertThatThrownBy(() -> l.institutions("医院", null, null)).hasMessageContaining("尚未收到定点医药机构名单");
            new SyncStore(f.desk).applyReference(3, List.of(new SyncStore.ReferenceEntry(
                    org.ybdesk.protocol.ReferenceData.INSTITUTIONS, "230102", 3, INSTITUTIONS)));
            assertThat(l.institutions("医院", null, null)).extracting(Institution::code)
                    .containsExactly("H23010200001", "H23010200002");
            assertThat(l.institutions("dlqrmyy", null, null)).extracting(Institution::name).containsExactly("道里区人民医院");
            assertThat(l.institutions("P2301", null, null)).extracting(Institution::type).containsExactly("零售药店");
            assertThat(l.institutions("", "三级", null)).singleElement().satisfies(i -> {
                assertThat(i.name()).isEqualTo("哈尔滨医科大学附属第一医院");
                assertThat(i.address()).isEqualTo("哈尔滨市南岗区邮政街23号");
            });
            assertThat(l.institutions("", null, "药店")).extracting(Institution::code).containsExactly("P23010200001");
        }
    }
}
