package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ybdesk.core.lifecycle.CaseAction;
import org.ybdesk.core.lifecycle.Command;
import org.ybdesk.service.Mode;

/** The font extension embeds the bundled faces, rare names print, and a character the fonts lack refuses the print. */
class FontsAndGlyphsTest {
    /** 𪛖 (U+2A6D6), the last character of CJK Extension B. */
    static final int OUTSIDE = 0x2A6D6;

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

    @Test
    void fontsCoverRareNameCharactersButNotEverything() {
        for (String family : new String[] {PrintFonts.SERIF, PrintFonts.SANS}) {
            assertThat(GlyphGuard.missing("王䶮 0123456789 ¥√□■", family, false)).as(family).isEmpty();
            assertThat(GlyphGuard.missing(new String(Character.toChars(OUTSIDE)), family, false)).as(family)
                    .containsExactly(OUTSIDE);
        }
        assertThat(GlyphGuard.missing("王䶮", PrintFonts.SANS, true)).isEmpty();
    }

    @Test
    void rareNamePrintsEmbeddedAndReadsBack() throws Exception {
        var c = f.create(9, "王䶮", Set.of());
        String no = c.summary().caseNo();
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        byte[] pdf = f.prints.render(PrintDoc.of(PrintDoc.Kind.RECEIPT), no, f.clerk);
        String text = PrintFixture.text(pdf);
        assertThat(text).contains("王䶮").contains(no).contains(c.applicantId()).contains("0451-84661234");
        int[] seen = {0};
        assertThat(PrintFixture.notEmbedded(pdf, seen)).isEmpty();
        assertThat(seen[0]).isGreaterThanOrEqualTo(2);
    }

    /**
     * Intake refuses such a name since issue 14 (IntakeGlyphTest); the print guard still stands for a name that came
     * another way (entered before, copied from another desk): here written into the case's row directly.
     */
    @Test
    void characterOutsideTheFontsIsRefusedNamingItsCodePointAndField() {
        String name = "李" + new String(Character.toChars(OUTSIDE));
        var c = f.create(9, "李四", Set.of());
        String no = c.summary().caseNo();
        f.desk.db().dsl().execute("update case_file set applicant_name = ?, fields_json = replace(fields_json, '李四', ?)"
                + " where case_no = ?", name, name, no);
        f.act(no, Command.of(CaseAction.ACCEPT), f.clerk);
        assertThatThrownBy(() -> f.prints.render(PrintDoc.of(PrintDoc.Kind.RECEIPT), no, f.clerk))
                .isInstanceOf(PrintRefusedException.class)
                .hasMessageContaining("U+2A6D6")
                .hasMessageContaining(new String(Character.toChars(OUTSIDE)))
                .hasMessageContaining("宋体")
                .hasMessageContaining("停止打印");
        assertThatThrownBy(() -> f.prints.render(PrintDoc.table(7), no, f.clerk))
                .isInstanceOf(PrintRefusedException.class).hasMessageContaining("U+2A6D6");
    }
}
