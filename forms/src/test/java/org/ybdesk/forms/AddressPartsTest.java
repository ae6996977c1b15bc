package org.ybdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ybdesk.core.catalog.Catalog;

/** 表3's 户籍所在地 sub-cells (issue 14): an address split by level, the parts joined giving the address back. */
class AddressPartsTest {
    @Test
    void splitsByLevelAndLosesNothing() {
        assertThat(AddressParts.split("黑龙江省哈尔滨市道里区中央大街1号").values())
                .containsExactly("黑龙江省", "哈尔滨市", "道里区", "", "中央大街1号");
        assertThat(AddressParts.split("北京市东城区东华门街道").values())
                .containsExactly("北京市", "", "东城区", "", "东华门街道");
        assertThat(AddressParts.split("黑龙江省大兴安岭地区漠河市北极镇北极村").values())
                .containsExactly("黑龙江省", "大兴安岭地区", "", "漠河市", "北极镇北极村");
        assertThat(AddressParts.split("新疆维吾尔自治区伊犁哈萨克自治州伊宁县").values())
                .containsExactly("新疆维吾尔自治区", "伊犁哈萨克自治州", "", "伊宁县", "");
        for (String a : List.of("中央大街1号", "哈尔滨市道里区新阳路", "海南省三亚市吉阳区迎宾路", "某某屯",
                "黑龙江省哈尔滨市道里区中央大街与西十二道街交口东北角友谊路新阳路商住综合楼B座二单元十七层一七零三室")) {
            assertThat(String.join("", AddressParts.split(a).values())).as(a).isEqualTo(a);
        }
    }

    @Test
    void table3PrintsTheSubCellsOfTheHouseholdAddress() {
        ReferenceForm t3 = ReferenceForms.load().form(3);
        FilledForm filled = FormFiller.fill(t3, Catalog.loadDefault().item(3),
                Map.of("householdAddress", "海南省三亚市吉阳区迎宾路88号"));
        assertThat(filled.value(AddressParts.PROVINCE)).isEqualTo("海南省");
        assertThat(filled.value(AddressParts.CITY)).isEqualTo("三亚市");
        assertThat(filled.value(AddressParts.DISTRICT)).isEqualTo("吉阳区");
        assertThat(filled.value(AddressParts.REST)).isEqualTo("迎宾路88号");
    }
}
