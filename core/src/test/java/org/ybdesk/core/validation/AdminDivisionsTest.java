package org.ybdesk.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled admin-division list and the warnings it gives (D95). */
class AdminDivisionsTest {
    @AfterEach
    void backToTheBundledList() {
        AdminDivisions.reset();
    }

    @ParameterizedTest
    @CsvSource({
        "370100,山东省济南市",
        "370116,山东省济南市莱芜区",
        "230102,黑龙江省哈尔滨市道里区",
        "230000,黑龙江省",
        "239900,黑龙江省省本级",
        "110101,北京市东城区",
        "110100,北京市市辖区",
        "500229,重庆市城口县",
        "419001,河南省济源市",
        "429004,湖北省仙桃市",
        "441900,广东省东莞市",
        "460400,海南省儋州市",
        "810000,香港特别行政区",
        "371200,山东省莱芜市"})
    void namesForPrints(String code, String name) {
        assertThat(AdminDivisions.name(code)).contains(name);
        assertThat(AdminDivisions.label(code)).isEqualTo(code + " " + name);
    }

    @Test
    void unknownCodesHaveNoName() {
        assertThat(AdminDivisions.name("239999")).isEmpty();
        assertThat(AdminDivisions.label("239999")).isEqualTo("239999");
        assertThat(AdminDivisions.name(null)).isEmpty();
    }

    @Test
    void everyProvinceHasItsPoolingCodeAndEverySuccessorIsCurrent() {
        AdminDivisions.Table t = AdminDivisions.bundled();
        assertThat(t.version()).startsWith("2023-06-30");
        assertThat(t.size()).isGreaterThan(3000);
        List<AdminDivisions.Division> provinces = t.byCode().values().stream()
                .filter(d -> d.kind() == AdminDivisions.Kind.PROVINCE && Regions.isMainlandProvince(d.code().substring(0, 2)))
                .toList();
        assertThat(provinces).hasSize(31);
        provinces.forEach(p -> assertThat(t.byCode().get(p.code().substring(0, 2) + "9900"))
                .as("省本级 of %s", p.name()).isNotNull()
                .extracting(AdminDivisions.Division::kind).isEqualTo(AdminDivisions.Kind.POOLING));
        t.byCode().values().stream().filter(AdminDivisions.Division::abolished).forEach(d -> {
            assertThat(d.year()).isBetween(2000, 2026);
            if (!d.successor().isEmpty()) {
                assertThat(t.byCode().get(d.successor())).as("successor of %s", d.code()).isNotNull()
                        .extracting(AdminDivisions.Division::abolished).isEqualTo(false);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"230102", "239900", "370100", " 110101 ", "810000"})
    void knownCurrentCodesNeedNoConfirmation(String code) {
        assertThat(Validators.adminDivision(code)).isEmpty();
        assertThat(Validators.adminDivisionWarnings(code)).isEmpty();
    }

    @Test
    void unknownCodeIsAWarningNotARefusal() {
        assertThat(Validators.adminDivision("239999")).isEmpty();
        assertThat(Validators.adminDivisionWarnings("239999")).singleElement().asString()
                .contains("“239999”").contains("不在本机的区划代码表").contains(AdminDivisions.version()).contains("确认");
    }

    @Test
    void abolishedCodeNamesItsSuccessor() {
        assertThat(Validators.adminDivision("371200")).isEmpty();
        assertThat(Validators.adminDivisionWarnings("371200")).singleElement().asString()
                .startsWith("371200（山东省莱芜市）已撤销（2019年），现为 370100 山东省济南市");
        assertThat(Validators.adminDivisionWarnings("341402")).singleElement().asString()
                .contains("现为 340181 安徽省合肥市巢湖市");
        assertThat(Validators.adminDivisionWarnings("341400")).singleElement().asString()
                .contains("341400（安徽省巢湖市（地级））已撤销（2011年）").contains("分别划归");
    }

    @Test
    void malformedCodesAreRefusedAndNotWarnedAbout() {
        assertThat(Validators.adminDivision("990000")).isNotEmpty();
        assertThat(Validators.adminDivisionWarnings("990000")).isEmpty();
        assertThat(Validators.adminDivisionWarnings("23010")).isEmpty();
    }

    @Test
    void aNewerListFromTheProvinceTakesOver() {
        String tsv = "# version: 2026-01-01\ncode\tname\tkind\tsuccessor\tyear\n"
                + "239999\t黑龙江省新设区\tCOUNTY\t\t\n230102\t黑龙江省哈尔滨市道里区\tABOLISHED\t239999\t2026\n";
        AdminDivisions.install(AdminDivisions.parse(tsv));
        assertThat(AdminDivisions.version()).isEqualTo("2026-01-01");
        assertThat(Validators.adminDivisionWarnings("239999")).isEmpty();
        assertThat(Validators.adminDivisionWarnings("230102")).singleElement().asString()
                .contains("现为 239999 黑龙江省新设区");
        AdminDivisions.reset();
        assertThat(Validators.adminDivisionWarnings("239999")).hasSize(1);
    }

    @Test
    void aBrokenListIsRefusedWithEveryLineNamed() {
        String tsv = "code\tname\tkind\n23010X\t某地\tCOUNTY\n230103\t\tCOUNTY\n230104\t某区\tTOWN\n"
                + "230105\t某区\tABOLISHED\t999999\t20x6\n230106\t甲区\tCOUNTY\n230106\t乙区\tCOUNTY\n"
                + "230107\t丙区\tABOLISHED\t888888\t2020\n";
        assertThatThrownBy(() -> AdminDivisions.parse(tsv)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("第2行的代码“23010X”不是6位数字")
                .hasMessageContaining("第3行（代码230103）缺少名称")
                .hasMessageContaining("第4行的类别“TOWN”无效")
                .hasMessageContaining("第5行的撤销年份“20x6”")
                .hasMessageContaining("第7行的代码230106重复出现")
                .hasMessageContaining("第8行：230107的承继代码888888不在表中")
                .hasMessageContaining("缺少版本行");
        assertThatThrownBy(() -> AdminDivisions.parse("# version: 1\nfoo\tbar\n"))
                .hasMessageContaining("第2行应为表头");
    }
}
