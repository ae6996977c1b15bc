package org.ybdesk.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.sf.jasperreports.engine.JasperReport;
import org.junit.jupiter.api.Test;
import org.ybdesk.forms.ReferenceForms;

/** Every template of the prints is compiled at build time and loaded without the JasperReports compiler. */
class TemplatesTest {
    static final List<String> BATCH = List.of("ledger", "monthly", "overdue", "payments", "sod");

    @Test
    void everyTemplateHasItsCompiledReportOnTheClasspath() {
        List<String> expected = new ArrayList<>();
        expected.add("org/ybdesk/reports/document.jasper");
        BATCH.forEach(b -> expected.add("org/ybdesk/reports/batch/" + b + ".jasper"));
        for (int no = 1; no <= ReferenceForms.COUNT; no++) {
            expected.add("org/ybdesk/reports/tables/table-" + no + ".jasper");
        }
        assertThat(expected).hasSize(1 + 5 + 13);
        ClassLoader cl = Templates.class.getClassLoader();
        assertThat(expected).allSatisfy(p -> assertThat(cl.getResource(p)).as(p).isNotNull());
    }

    @Test
    void loadingEveryTemplateDoesNotCompile() {
        int before = Templates.compilations();
        List<JasperReport> loaded = new ArrayList<>();
        loaded.add(Prints.document());
        BATCH.forEach(b -> loaded.add(Templates.get(Templates.jrxml("org/ybdesk/reports/batch/" + b))));
        ReferenceForms.load().all().forEach(f -> loaded.add(FormDesigns.compiled(f)));
        assertThat(loaded).hasSize(19).doesNotContainNull();
        assertThat(loaded.get(0).getName()).isEqualTo("document");
        assertThat(loaded.get(6).getName()).isEqualTo("table_1");
        assertThat(Templates.compilations()).isEqualTo(before).isZero();
        assertThat(Prints.document()).isSameAs(loaded.get(0));
    }

    @Test
    void warmUpLoadsAndExportsWithoutCompiling() {
        Prints.warmUp();
        assertThat(Templates.compilations()).isZero();
    }
}
