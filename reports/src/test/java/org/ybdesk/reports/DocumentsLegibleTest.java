package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.ApplicantKind;
import org.ybdesk.core.catalog.FieldSpec;
import org.ybdesk.core.catalog.FlowVariant;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.core.money.Money;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Agent;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.Mode;
import org.ybdesk.service.PrintService.PrintModel;
import org.ybdesk.service.RegistryService;
import org.ybdesk.core.registry.InsuranceType;
import org.ybdesk.service.SetupService;

/**
 * Issue 14, item 1 (D162): every window document of every item, filled with the longest realistic values — a
 * 60-character address, the rare-character name 王䶮, a 12-digit agency code, a long unit name, an agent — shows every
 * label and value it was given in full (PDF text read back), no glyph below 9 pt (小五), and numbers (ID, phone,
 * case number) unbroken on one line.
 */
class DocumentsLegibleTest {
    /** 60 characters. */
    static final String ADDRESS = "海南省三亚市吉阳区迎宾路三百六十八号凤凰岛国际养生度假中心二期七号楼二单元一千二百零八室（东侧入口）凤凰岛社区居委会旁边";
    static final String UNIT = "三亚市吉阳区凤凰岛国际养生度假中心医疗器械与药品连锁经营有限责任公司第一分公司";
    static final String PERSON = "王䶮";
    static final String TEXT = "参保人员因长期异地居住需办理相关业务，相关情况已由所在社区居民委员会出具书面证明材料";

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() {
        Clock clock = Clock.fixed(PrintFixture.TODAY.atTime(LocalTime.of(9, 30)).atZone(ZoneId.of("Asia/Shanghai"))
                .toInstant(), ZoneId.of("Asia/Shanghai"));
        f = new PrintFixture(dir, Mode.PRODUCTION, clock, new SetupService.AgencySetup("460200123456", "460200",
                "海南省三亚市吉阳区医疗保障事业管理局（三亚市吉阳区医疗保障服务中心）", "吉阳区医保服务中心",
                "0898-88661234"));
    }

    @AfterAll
    static void close() {
        f.close();
    }

    /** Items 1–14 and 15–28: two halves, so that no single test runs long. */
    @org.junit.jupiter.params.ParameterizedTest(name = "items {0}–{1}")
    @org.junit.jupiter.params.provider.CsvSource({"1, 14", "15, 28"})
    void longestValuesPrintInFullAtNinePointOrMoreOnEveryDocumentOfEveryItem(int firstItem, int lastItem)
            throws Exception {
        assertThat(ADDRESS).hasSize(60);
        List<String> problems = new ArrayList<>();
        TreeSet<String> kinds = new TreeSet<>();
        int documents = 0;
        Files.createDirectories(DocumentsTest.OUT);
        long making = 0;
        long printing = 0;
        for (ServiceItem item : f.desk.catalog().items()) {
            if (item.no() < firstItem || item.no() > lastItem) {
                continue;
            }
            long t0 = System.nanoTime();
            String done = create(item);
            f.act(done, Command.of(CaseAction.ACCEPT), f.clerk);
            f.run(done, 12);
            // a 补正 and then a refusal: the 补正通知书 and the 不予受理通知书
            String refused = create(item);
            f.act(refused, Command.withReasons(CaseAction.REQUEST_SUPPLEMENT, List.of(TEXT)), f.clerk);
            f.act(refused, Command.withReasons(CaseAction.REFUSE, List.of(TEXT, "申请材料与" + ADDRESS + "不符")),
                    f.clerk);
            long t1 = System.nanoTime();
            making += t1 - t0;
            for (String no : List.of(done, refused)) {
                PrintModel m = f.desk.prints().model(no, f.clerk);
                List<PrintDoc> docs = Applicability.applicable(m).stream()
                        .filter(d -> d.kind() != PrintDoc.Kind.TABLE).toList(); // tables: 14-tables (TablesTest)
                // every document of the case in one PDF (one export), each document's texts looked for in it
                byte[] pdf = f.prints.renderMany(docs.stream().map(d -> new Prints.Request(d, no)).toList(),
                        f.clerk);
                if (item.no() == 25 || item.no() == 17) {
                    Files.write(DocumentsTest.OUT.resolve("legible-" + item.no() + "-" + no + ".pdf"), pdf);
                }
                PdfProbe p = PdfProbe.read(pdf, 9f);
                String flow = PrintFixture.text(pdf); // element by element: a wrapped value stays together
                for (PrintDoc doc : docs) {
                    documents++;
                    kinds.add(doc.code());
                    check(item, doc, m, p, flow, problems);
                }
            }
            printing += System.nanoTime() - t1;
        }
        System.out.printf("legible: cases %d ms, prints %d ms%n", making / 1_000_000, printing / 1_000_000);
        assertThat(problems).isEmpty();
        // between them the halves print every kind: 1–14 receipts, notices, 补正, approval sheets and filings;
        // 15–28 the payment documents and cost reviews as well
        assertThat(kinds).contains("receipt", "notice", "supplement", "approval");
        assertThat(kinds).containsAll(firstItem == 1 ? List.of("filing") : List.of("cost-review", "reimbursement",
                "subsidy"));
        assertThat(documents).isGreaterThan(40); // 48 for items 1–14, more for 15–28
    }

    private static void check(ServiceItem item, PrintDoc doc, PrintModel m, PdfProbe p, String flow,
                              List<String> problems) {
        String where = "item " + item.no() + " " + doc.code() + ": ";
        if (!p.small.isEmpty()) {
            problems.add(where + "glyphs below 9 pt " + p.small);
        }
        Documents.Content c = Documents.build(doc, m);
        List<String> texts = new ArrayList<>(List.of(c.title(), c.subtitle()));
        for (Map<String, ?> line : c.lines()) {
            for (String k : List.of("label", "value", "c1", "c2", "c3", "c4")) {
                if (line.get(k) instanceof String s && !s.isBlank()) {
                    texts.add(s);
                }
            }
        }
        String compact = flow.replaceAll("\\s+", "");
        for (String t : texts) {
            if (!compact.contains(t.replaceAll("\\s+", ""))) {
                problems.add(where + "not in full: 「" + t + "」");
            }
        }
        // numbers never break across lines: each is found whole on one line of the page
        List<String> numbers = new ArrayList<>(List.of(m.caseNo(), m.view().applicantId(), "0898-88661234"));
        if (m.view().agent() != null) {
            numbers.add(m.view().agent().idNumber());
        }
        for (String n : numbers) {
            if (!p.text.contains(n)) {
                problems.add(where + "number broken or missing: " + n);
            }
        }
    }

    /** A case of the item with the longest values, an agent for a person, every material on paper, received. */
    private static String create(ServiceItem item) {
        Map<Integer, MaterialStatus> materials = new LinkedHashMap<>();
        item.materials().forEach(x -> materials.put(x.no(), MaterialStatus.PAPER));
        boolean person = item.applicantKind() == ApplicantKind.PERSON;
        Applicant ap = person
                ? new Applicant(IdType.RESIDENT_ID, PrintFixture.residentId("19800101", true), PERSON, "13912345678")
                : new Applicant(null, PrintFixture.creditCode(), UNIT, "0898-88660000");
        Map<String, String> fields = new LinkedHashMap<>();
        PrintFixture.fields(item).forEach((k, v) -> fields.put(k, v));
        for (FieldSpec s : item.leafFields().toList()) {
            if (!fields.containsKey(s.key())) {
                continue;
            }
            switch (s.type()) {
                case ADDRESS -> fields.put(s.key(), ADDRESS);
                case NAME -> fields.put(s.key(), PERSON);
                case TEXT -> fields.put(s.key(), s.key().toLowerCase().contains("name") ? UNIT : TEXT);
                case ADMIN_DIVISION -> fields.put(s.key(), "460200");
                default -> {
                }
            }
        }
        if (item.no() == 4) { // a change needs the applicant registered here with the value it changes (D91)
            f.desk.registry().registerUnit(new RegistryService.UnitInput(ap.idNumber(), UNIT, "企业", ADDRESS, null,
                    null, null, null, null, null, null, null, null), f.clerk);
        }
        if (item.no() == 5 || item.no() == 6) {
            f.desk.registry().registerPerson(new RegistryService.PersonInput(ap.idType(), ap.idNumber(), PERSON,
                    null, null, item.no() == 5 ? InsuranceType.EMPLOYEE : InsuranceType.RESIDENT, null, null,
                    "13912345678", null, null), f.clerk);
            fields.putAll(Map.of("changeItem", "联系电话", "valueBefore", "13912345678", "valueAfter",
                    "13700001111", "phone", "13700001111"));
        }
        boolean settlement = item.flow() == FlowVariant.SETTLEMENT;
        NewCase req = new NewCase(item.no(), ap, fields, materials, null,
                settlement ? Money.ofFen(1_234_567_89) : null, settlement ? Money.ofFen(1_234_567_89) : null);
        if (person) {
            req = req.with(req.circumstances().withAgent(new Agent(IdType.RESIDENT_ID,
                    PrintFixture.residentId("19880808", false), "欧阳䶮", "13800002222", "子女", "委托书")));
        }
        return f.desk.cases().create(req, f.clerk, true).summary().caseNo();
    }
}
