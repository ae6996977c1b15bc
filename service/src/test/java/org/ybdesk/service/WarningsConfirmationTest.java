package org.ybdesk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ybdesk.db.jooq.Tables.AUDIT_LOG;
import static org.ybdesk.db.jooq.Tables.CASE_FILE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.CaseViews.EventView;

/** Warnings (D94–D97): refused until confirmed, then recorded with who confirmed what; problems still refuse. */
@org.junit.jupiter.api.Tag("calendar")
class WarningsConfirmationTest {
    @TempDir
    Path dir;
    DeskFixture f;

    @BeforeEach
    void open() {
        f = new DeskFixture(dir, LocalDate.of(2026, 12, 7));
    }

    @AfterEach
    void close() {
        f.close();
    }

    static String nonLuhnCard() {
        String card = Samples.bankCard();
        char last = card.charAt(card.length() - 1);
        return card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private NewCase newCase(int itemNo, Applicant ap, Map<String, String> given) {
        var item = f.item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        return new NewCase(itemNo, ap, Samples.fields(item, given), m, null, null, null);
    }

    private long cases() {
        return f.desk.db().dsl().fetchCount(CASE_FILE);
    }

    /** Refused without confirmation (nothing written), recorded with it; returns the recorded case. */
    private CaseView confirmCycle(NewCase req, List<String> expectedFragments) {
        long before = cases();
        WarningsToConfirm w = (WarningsToConfirm) org.assertj.core.api.Assertions.catchThrowable(
                () -> f.desk.cases().create(req, f.clerk));
        assertThat(w).as("warnings expected").isNotNull();
        assertThat(w.warnings()).hasSize(expectedFragments.size());
        for (int i = 0; i < expectedFragments.size(); i++) {
            assertThat(w.warnings().get(i)).contains(expectedFragments.get(i));
        }
        assertThat(cases()).isEqualTo(before);

        CaseView v = f.desk.cases().create(req, f.clerk, true);
        assertThat(cases()).isEqualTo(before + 1);
        EventView receive = v.events().get(0);
        assertThat(receive.action()).isEqualTo(CaseService.RECEIVE);
        assertThat(receive.reasons()).isEqualTo(w.warnings());
        assertThat(receive.note()).isEqualTo("经办人窗口乙已核对并确认以下" + w.warnings().size() + "项提示无误");
        assertThat(receive.actorName()).isEqualTo("窗口乙");
        String after = f.desk.db().dsl().select(AUDIT_LOG.AFTER_JSON).from(AUDIT_LOG)
                .where(AUDIT_LOG.ENTITY_ID.eq(v.summary().caseNo()), AUDIT_LOG.ACTION.eq("CASE_RECEIVE"))
                .fetchOne(AUDIT_LOG.AFTER_JSON);
        assertThat(after).contains("confirmedWarnings").contains("warningsConfirmedBy").contains("窗口乙");
        w.warnings().forEach(x -> assertThat(after).contains(x.substring(0, Math.min(12, x.length()))));
        assertThat(f.desk.verifyAudit().ok()).isTrue();
        return v;
    }

    @Test
    void bankCardFailingLuhn() {
        CaseView v = confirmCycle(newCase(9, DeskFixture.person("卡号甲"), Map.of("bankAccountNumber", nonLuhnCard())),
                List.of("银行卡号未通过校验位检查"));
        assertThat(v.summary().state().name()).isEqualTo("RECEIVED");
    }

    @Test
    void unknownAndAbolishedAdminDivisions() {
        confirmCycle(newCase(10, DeskFixture.person("区划乙"), Map.of("transferOutDivisionCode", "371200",
                        "transferInDivisionCode", "239999")),
                List.of("371200（山东省莱芜市）已撤销（2019年），现为 370100 山东省济南市", "“239999”不在本机的区划代码表"));
    }

    @Test
    void applicantBornBefore1900() {
        String first17 = "23010218990101003";
        String id = first17 + Validators.residentIdCheckChar(first17);
        CaseView v = confirmCycle(newCase(15, new Applicant(IdType.RESIDENT_ID, id, "百岁丙", "13912345678"), Map.of()),
                List.of("1899年01月01日早于1900年"));
        assertThat(v.applicantId()).isEqualTo(id);
    }

    @Test
    void typedBirthDateBefore1900AndInTheFuture() {
        String first17 = "23010218990101005";
        String id = first17 + Validators.residentIdCheckChar(first17);
        Applicant ap = new Applicant(IdType.RESIDENT_ID, id, "百岁丁", "13912345678");
        confirmCycle(newCase(3, ap, Map.of("birthDate", "1899-01-01")),
                List.of("1899年01月01日早于1900年", "出生日期1899年1月1日早于1900年"));
        NewCase future = newCase(3, DeskFixture.person("未来戊"), Map.of("birthDate", "2026-12-08"));
        assertThatThrownBy(() -> f.desk.cases().create(future, f.clerk, true))
                .isExactlyInstanceOf(ServiceException.class).hasMessageContaining("出生日期2026年12月8日晚于今天");
    }

    @Test
    void problemsRefuseEvenWhenWarningsAreConfirmed() {
        NewCase req = newCase(10, DeskFixture.person("区划己"), Map.of("transferOutDivisionCode", "371200",
                "transferInDivisionCode", "99000"));
        long before = cases();
        assertThatThrownBy(() -> f.desk.cases().create(req, f.clerk, true))
                .isExactlyInstanceOf(ServiceException.class).hasMessageContaining("当前为5位");
        assertThatThrownBy(() -> f.desk.cases().create(req, f.clerk))
                .isExactlyInstanceOf(ServiceException.class);
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void nothingUnusualNeedsNoConfirmation() {
        CaseView v = f.desk.cases().create(newCase(9, DeskFixture.person("寻常庚"), Map.of()), f.clerk);
        assertThat(v.events().get(0).reasons()).isEmpty();
        assertThat(v.events().get(0).note()).isNull();
    }
}
