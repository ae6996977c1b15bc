package org.ybdesk.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.Actor;
import org.ybdesk.core.lifecycle.Availability;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.lifecycle.Lifecycle;
import org.ybdesk.core.lifecycle.Role;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.core.validation.Validators;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.CaseViews.CaseView;
import org.ybdesk.service.Desk;
import org.ybdesk.service.Mode;
import org.ybdesk.service.SetupService;

/** A desk on a real H2 file with an agency, one user per role, and helpers to make cases of any item and state. */
final class PrintFixture implements AutoCloseable {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);
    private static final AtomicInteger SEQ = new AtomicInteger(300);
    static final Set<CaseAction> NEGATIVE = EnumSet.of(CaseAction.REFUSE, CaseAction.REJECT,
            CaseAction.REQUEST_SUPPLEMENT, CaseAction.EVALUATE_FAIL);

    final Desk desk;
    final Prints prints;
    final Actor admin;
    final Actor clerk;
    final Actor reviewer;
    final Actor rechecker;
    final Actor head;
    final Actor finance;

    PrintFixture(Path dir, Mode mode) {
        this(dir, mode, TODAY);
    }

    /** A desk whose fixed clock stands at 09:30 on {@code today}. */
    PrintFixture(Path dir, Mode mode, LocalDate today) {
        this(dir, mode, Clock.fixed(today.atTime(LocalTime.of(9, 30)).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai")), new SetupService.AgencySetup("230102001", "230102", "哈尔滨市道里区医疗保障中心",
                "道里区医保中心", "0451-84661234"));
    }

    /** A desk on {@code clock} (issue 14: a clock the test moves) for the agency {@code agency}. */
    PrintFixture(Path dir, Mode mode, Clock clock, SetupService.AgencySetup agency) {
        desk = Desk.open(dir, mode, clock);
        desk.setup().initAgency(agency, null);
        admin = add("admin", "管理员甲", null, Role.ADMIN);
        clerk = add("clerk", "窗口乙", admin, Role.CLERK);
        reviewer = add("reviewer", "审核丁", admin, Role.REVIEWER);
        rechecker = add("rechecker", "复核戊", admin, Role.RECHECKER);
        head = add("head", "负责人己", admin, Role.HEAD);
        finance = add("finance", "财务庚", admin, Role.FINANCE);
        prints = new Prints(desk);
    }

    private Actor add(String username, String name, Actor by, Role first, Role... more) {
        desk.users().add(username, name, "passw0rd" + username, EnumSet.of(first, more),
                residentId("19850101", true), by);
        return desk.users().login(username, "passw0rd" + username);
    }

    Actor actorFor(Role role) {
        return switch (role) {
            case CLERK -> clerk;
            case REVIEWER -> reviewer;
            case RECHECKER -> rechecker;
            case HEAD -> head;
            case FINANCE -> finance;
            default -> throw new IllegalStateException(role.name());
        };
    }

    /** A case of the item with valid values, all materials on paper (or those listed as missing), not yet accepted. */
    CaseView create(int itemNo, String name, Set<Integer> missing) {
        ServiceItem item = desk.catalog().item(itemNo);
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), missing.contains(x.no()) ? MaterialStatus.MISSING
                : MaterialStatus.PAPER));
        Applicant ap = item.applicantKind() == ApplicantKind.PERSON
                ? new Applicant(IdType.RESIDENT_ID, residentId("19800101", true), name, "13912345678")
                : new Applicant(null, creditCode(), name, "0451-84660000");
        boolean settlement = item.flow() == FlowVariant.SETTLEMENT;
        return desk.cases().create(new NewCase(itemNo, ap, fields(item), m, null,
                settlement ? Money.ofFen(1_234_567) : null, settlement ? Money.ofFen(1_234_567) : null), clerk);
    }

    CaseView act(String caseNo, Command cmd, Actor by) {
        return desk.cases().act(caseNo, cmd, null, by);
    }

    /** Takes the positive steps until the case is finished (or {@code max} steps). */
    CaseView run(String caseNo, int max) {
        CaseView v = desk.cases().show(caseNo, null);
        ServiceItem item = desk.catalog().item(v.summary().itemNo());
        Actor all = clerk;
        for (int i = 0; i < max && !v.summary().state().terminal(); i++) {
            var state = v.summary().state();
            Map<CaseAction, Role> possible = Lifecycle.possible(item, state);
            CaseAction next = possible.keySet().stream().filter(a -> !NEGATIVE.contains(a)).findFirst()
                    .orElseThrow();
            // amounts are decided at 审核 and confirmed at 复核 (D87); 支付 pays them
            boolean money = next == CaseAction.MOVE_BALANCE || (Lifecycle.decidesAmountAtReview(item)
                    && (next == CaseAction.REVIEW || next == CaseAction.RECHECK));
            Money amount = next == CaseAction.RECHECK && v.flow() != null && v.flow().reviewAmount() != null
                    ? v.flow().reviewAmount() : Money.ofFen(86_420);
            Command cmd = money ? Command.withAmount(next, amount) : Command.of(next);
            v = act(caseNo, cmd, actorFor(possible.get(next)));
        }
        return v;
    }

    @Override
    public void close() {
        desk.close();
    }

    // ------------------------------------------------------------------------------------------------ values

    static String residentId(String birth, boolean male) {
        int seq = SEQ.incrementAndGet() % 500 * 2 + (male ? 1 : 0);
        String first17 = "230102" + birth + String.format("%03d", seq);
        return first17 + Validators.residentIdCheckChar(first17);
    }

    static String creditCode() {
        String org = String.format("%08d", SEQ.incrementAndGet() * 7919 % 100_000_000);
        String first17 = ("91230102" + org + "X").substring(0, 17);
        return first17 + Validators.creditCodeCheckChar(first17);
    }

    static String bankCard() {
        String payload = "621700000000" + String.format("%06d", SEQ.incrementAndGet());
        return payload + Validators.luhnCheckDigit(payload);
    }

    static Map<String, String> fields(ServiceItem item) {
        Set<String> prefilled = item.applicantKind() == ApplicantKind.PERSON
                ? Set.of("name", "insuredName", "idType", "idNumber", "phone")
                : Set.of("creditCode", "creditCodeOrUnitCode", "unitName", "institutionName", "pharmacyName");
        Map<String, String> f = new LinkedHashMap<>();
        // transfers keep the one-agency flow here (no 办理方向, issue 13); Form8PrintTest prints a 转出
        item.leafFields().filter(s -> !prefilled.contains(s.key()) && !"transferDirection".equals(s.key()))
                .forEach(s -> f.putIfAbsent(s.key(), value(s)));
        return f;
    }

    static String value(FieldSpec spec) {
        return switch (spec.type()) {
            case TEXT -> "测试内容";
            case ADDRESS -> "哈尔滨市道里区中央大街1号";
            case NAME -> "王五";
            case ID_NUMBER -> residentId("19750505", false);
            case CREDIT_CODE -> creditCode();
            case PHONE -> "13812345678";
            case BANK_ACCOUNT -> bankCard();
            case DATE -> "2026-11-02";
            case PERIOD -> "2026-01-01至2026-06-30";
            case MONEY -> "2468.10";
            case INTEGER -> "10";
            case CHOICE -> spec.label().contains("证件类型") ? "居民身份证" : spec.options().get(0);
            case BOOLEAN -> "是";
            case ADMIN_DIVISION -> "230102";
            case POSTAL_CODE -> "150000";
        };
    }

    // ------------------------------------------------------------------------------------------------ PDF checks

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    static int pages(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return d.getNumberOfPages();
        }
    }

    /** Text of each page. */
    static List<String> pageTexts(byte[] pdf) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (int i = 1; i <= d.getNumberOfPages(); i++) {
                PDFTextStripper s = new PDFTextStripper();
                s.setStartPage(i);
                s.setEndPage(i);
                out.add(s.getText(d));
            }
        }
        return out;
    }

    /** Names of fonts that are not embedded, on any page (empty = all embedded); also counts fonts seen. */
    static List<String> notEmbedded(byte[] pdf, int[] seen) throws IOException {
        List<String> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage page : d.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont f = page.getResources().getFont(name);
                    seen[0]++;
                    if (!f.isEmbedded()) {
                        out.add(f.getName());
                    }
                }
            }
        }
        return out;
    }
}
