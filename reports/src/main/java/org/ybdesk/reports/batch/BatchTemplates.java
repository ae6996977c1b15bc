package org.ybdesk.reports.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * The batch reports' JRXML templates, compiled once per process on first use and kept (compiling one takes about a
 * second; filling and exporting a report a fraction of that).
 */
final class BatchTemplates {
    private static final String FOLDER = "/org/ybdesk/reports/batch/";
    private static final Map<String, JasperReport> COMPILED = new ConcurrentHashMap<>();

    private BatchTemplates() {
    }

    static JasperReport get(String name) {
        return COMPILED.computeIfAbsent(name, BatchTemplates::compile);
    }

    /** How many templates have been compiled in this process (tests check the cache holds). */
    static int compiledCount() {
        return COMPILED.size();
    }

    private static JasperReport compile(String name) {
        try (InputStream in = BatchTemplates.class.getResourceAsStream(FOLDER + name + ".jrxml")) {
            if (in == null) {
                throw new IllegalStateException("batch report template missing: " + name);
            }
            return JasperCompileManager.compileReport(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("batch report template " + name + " does not compile", e);
        }
    }
}
