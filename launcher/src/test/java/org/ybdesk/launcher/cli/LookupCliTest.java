package org.ybdesk.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.launcher.cli.CliTest.residentId;
import static org.ybdesk.launcher.cli.CliTest.ybdesk;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.launcher.cli.CliTest.Run;

/** Issue 13: {@code ybdesk lookup place|institution}, and a transfer's direction given with {@code --field}. */
class LookupCliTest {
    static final String PW = "Passw0rd1";

    @Test
    void lookUpPlacesAndInstitutionsAndTransferDirections(@TempDir Path dir) {
        Run init = ybdesk(dir, "init", "--window", "1", "--agency-code", "230102001", "--admin-division", "230102",
                "--agency-name", "哈尔滨市道里区医疗保障服务中心", "--signature", "道里区医保中心", "--hotline", "0451-84661234");
        assertThat(init.code()).as(init.toString()).isZero();
        Run admin = ybdesk(dir, "user", "add", "--username", "admin", "--name", "管理员", "--new-password", PW,
                "--roles", "管理员", "--person-id", residentId("19700101"));
        assertThat(admin.code()).as(admin.toString()).isZero();
        Run clerk = ybdesk(dir, "user", "add", "--username", "clerk", "--name", "李经办", "--new-password", PW,
                "--roles", "窗口经办", "--person-id", residentId("19850101"), "--user", "admin", "--password", PW);
        assertThat(clerk.code()).as(clerk.toString()).isZero();

        Run place = ybdesk(dir, "lookup", "place", "--pinyin", "haerbin", "--json");
        assertThat(place.code()).as(place.toString()).isZero();
        assertThat(place.json().get(0).get("code").asText()).isEqualTo("230100");
        Run text = ybdesk(dir, "lookup", "place", "哈尔滨");
        assertThat(text.out()).contains("230100\t黑龙江省哈尔滨市\t市级");
        Run empty = ybdesk(dir, "lookup", "place");
        assertThat(empty.code()).isEqualTo(1);
        assertThat(empty.err()).contains("请输入名称、拼音首字母或代码");

        Run none = ybdesk(dir, "lookup", "institution", "医院", "--user", "clerk", "--password", PW);
        assertThat(none.code()).as(none.toString()).isEqualTo(1);
        assertThat(none.err()).contains("尚未收到定点医药机构名单");

        // 转出 of a person this desk does not know: taken in, refused at 受理 with what to do
        Run out = ybdesk(dir, "case", "create", "--item", "10", "--applicant-id", residentId("19800101"),
                "--applicant-name", "韩十四", "--phone", "13812345678", "--field", "insuranceType=职工基本医疗保险",
                "--field", "transferOutAgencyAddress=哈尔滨市道里区中央大街1号", "--field", "transferOutPostalCode=150000",
                "--field", "transferOutDivisionCode=230102", "--field", "transferInAgencyAddress=北京市东城区1号",
                "--field", "transferInPostalCode=100000", "--field", "transferInDivisionCode=110101",
                "--field", "transferDirection=转出", "--field", "accountDisposal=划转至转入地", "--all-materials", "paper", "--decide", "accept",
                "--user", "clerk", "--password", PW);
        assertThat(out.code()).as(out.toString()).isEqualTo(1);
        assertThat(out.err()).contains("韩十四").contains("不在本地参保登记中");
    }
}
