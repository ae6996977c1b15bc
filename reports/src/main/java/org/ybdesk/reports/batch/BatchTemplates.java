package org.ybdesk.reports.batch;

import net.sf.jasperreports.engine.JasperReport;
import org.ybdesk.reports.Templates;

/**
 * The batch reports' JRXML templates, compiled at build time like every template of the prints ({@link Templates})
 * and loaded once per process.
 */
final class BatchTemplates {
    private static final String FOLDER = "org/ybdesk/reports/batch/";

    private BatchTemplates() {
    }

    static JasperReport get(String name) {
        return Templates.get(Templates.jrxml(FOLDER + name));
    }
}
