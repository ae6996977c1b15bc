package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.catalog.MaterialStatus;
import org.ybdesk.core.catalog.ServiceItem;
import org.ybdesk.core.registry.IdType;
import org.ybdesk.service.CaseService.Applicant;
import org.ybdesk.service.CaseService.NewCase;
import org.ybdesk.service.GlyphCheck;
import org.ybdesk.service.Mode;
import org.ybdesk.service.ServiceException;

/**
 * Issue 14, point 12: a name the print fonts cannot show (张𪚥) is refused when the application is taken in — by the
 * services, so the window and the command line both get it — with the prints' missing-glyph wording and the field's
 * Chinese label; nothing is written. A rare character the fonts have (王䶮) is taken in.
 */
class IntakeGlyphTest {
    /** 𪚥 (U+2A6A5, CJK Extension B): not in the bundled Noto CJK SC faces. */
    static final String ZHE = new String(Character.toChars(0x2A6A5));

    @TempDir
    static Path dir;
    static PrintFixture f;

    @BeforeAll
    static void open() {
        f = new PrintFixture(dir, Mode.PRODUCTION);
    }

    @AfterAll
    static void close() {
        f.close();
    }

    static long cases() {
        return ((Number) f.desk.db().dsl().fetchValue("select count(*) from case_file")).longValue();
    }

    @Test
    void theServicesFindThePrintsCheck() {
        assertThat(GlyphCheck.installed()).isInstanceOf(IntakeGlyphs.class);
    }

    @Test
    void anUnprintableNameIsRefusedAtIntakeNamingTheField() {
        long before = cases();
        ServiceException e = catchThrowableOfType(() -> f.create(17, "张" + ZHE, Set.of()), ServiceException.class);
        assertThat(e).as("refused at intake").isNotNull();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("「姓名」", "「" + ZHE + "」",
                "U+2A6A5", "宋体", "没有字形", "打印后会缺字"));
        // an item whose form names the person otherwise: the form's own label (item 9: 参保人员姓名)
        String label = f.desk.catalog().item(9).leafFields().filter(x -> x.key().equals("insuredName")
                || x.key().equals("name")).findFirst().orElseThrow().label();
        ServiceException e9 = catchThrowableOfType(() -> f.create(9, "张" + ZHE, Set.of()), ServiceException.class);
        assertThat(e9.problems()).anySatisfy(p -> assertThat(p).contains("「" + label + "」", "U+2A6A5"));
        assertThat(cases()).as("nothing written").isEqualTo(before);
    }

    @Test
    void anUnprintableCharacterInAnyFieldIsNamedAndEveryProblemComesAtOnce() {
        ServiceItem item = f.desk.catalog().item(17);
        Map<String, String> fields = new LinkedHashMap<>(PrintFixture.fields(item));
        String textKey = item.leafFields().filter(x -> x.type() == org.ybdesk.core.catalog.FieldType.TEXT)
                .filter(x -> !x.key().equals("name")).map(x -> x.key()).findFirst().orElseThrow();
        fields.put(textKey, "某某路" + ZHE + "号");
        Map<Integer, MaterialStatus> m = new LinkedHashMap<>();
        item.materials().forEach(x -> m.put(x.no(), MaterialStatus.PAPER));
        NewCase req = new NewCase(17, new Applicant(IdType.RESIDENT_ID, PrintFixture.residentId("19800101", true),
                "张" + ZHE, "13912345678"), fields, m, null, null, null);
        ServiceException e = catchThrowableOfType(() -> f.desk.cases().create(req, f.clerk), ServiceException.class);
        assertThat(e).isNotNull();
        String label = item.field(textKey).orElseThrow().label();
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("「" + label + "」", "U+2A6A5"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("「姓名」", "U+2A6A5"));
    }

    @Test
    void aRareCharacterTheFontsHaveIsTakenIn() {
        long before = cases();
        f.create(9, "王䶮", Set.of());
        assertThat(cases()).isEqualTo(before + 1);
    }
}
