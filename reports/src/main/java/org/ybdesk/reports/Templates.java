package org.ybdesk.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.design.JRCompiler;
import net.sf.jasperreports.engine.design.JasperDesign;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.engine.util.JRSaver;
import net.sf.jasperreports.engine.xml.JRXmlLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ybdesk.forms.ReferenceForm;
import org.ybdesk.forms.ReferenceForms;

/**
 * Every JasperReports template of the prints, compiled at build time: the window-documents template, the batch
 * reports' JRXML templates and the reference tables' designs built by {@link FormDesigns}. The build runs
 * {@link #main} in {@code process-classes}, which saves each compiled report as {@code NAME.jasper} next to its
 * source in the reports jar; at run time {@link #get} loads that file (milliseconds) and compiles only when it is
 * missing (a build without that step, e.g. an IDE), with a warning. Loaded reports are kept for the process.
 */
public final class Templates {
    private static final Logger LOG = LoggerFactory.getLogger(Templates.class);
    /** The classpath folder of the prints' templates. */
    static final String ROOT = "org/ybdesk/reports/";
    /** The window-documents template. */
    static final Source DOCUMENT = jrxml(ROOT + "document");

    private static final Map<String, JasperReport> LOADED = new ConcurrentHashMap<>();
    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    /** Builds the design of a template (from its JRXML, or in code). */
    @FunctionalInterface
    public interface DesignSource {
        JasperDesign design() throws JRException;
    }

    /**
     * One template: {@code path} is its classpath name without extension ({@code path + ".jasper"} is the compiled
     * report in the jar), {@code design} how to build it when it has to be compiled.
     */
    public record Source(String path, DesignSource design) {
        public String jasper() {
            return path + ".jasper";
        }
    }

    private Templates() {
    }

    /** A template written as JRXML, {@code path + ".jrxml"} on the classpath. */
    public static Source jrxml(String path) {
        return new Source(path, () -> {
            try (InputStream in = resource(path + ".jrxml")) {
                if (in == null) {
                    throw new IllegalStateException("template missing: " + path + ".jrxml");
                }
                return JRXmlLoader.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Reference table {@code form}, designed in code from its spec. */
    static Source table(ReferenceForm form) {
        return new Source(ROOT + "tables/table-" + form.no(), () -> FormDesigns.design(form));
    }

    /** The compiled report of a template: loaded from its .jasper once per process, compiled only if that is missing. */
    public static JasperReport get(Source s) {
        return LOADED.computeIfAbsent(s.path(), p -> load(s));
    }

    /** How many templates this process has compiled (none when the jar holds every .jasper). */
    public static int compilations() {
        return COMPILATIONS.get();
    }

    private static JasperReport load(Source s) {
        try (InputStream in = resource(s.jasper())) {
            if (in != null) {
                return (JasperReport) JRLoader.loadObject(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JRException e) {
            throw new IllegalStateException("compiled template " + s.jasper() + " does not load", e);
        }
        LOG.warn("Compiled template {} missing from the classpath; compiling it now (build with Maven to avoid this)",
                s.jasper());
        return compile(s);
    }

    private static JasperReport compile(Source s) {
        COMPILATIONS.incrementAndGet();
        try {
            return JasperCompileManager.compileReport(s.design().design());
        } catch (JRException e) {
            throw new IllegalStateException("template " + s.path() + " does not compile", e);
        }
    }

    private static InputStream resource(String path) {
        return Templates.class.getClassLoader().getResourceAsStream(path);
    }

    /**
     * Every template of the prints found in {@code classes} (the compiled classes and resources folder): each JRXML
     * under the templates folder, and the reference tables.
     */
    static List<Source> all(Path classes) throws IOException {
        List<Source> all = new ArrayList<>();
        Path root = classes.resolve(ROOT);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.getFileName().toString().endsWith(".jrxml")).sorted().forEach(f -> {
                String rel = classes.relativize(f).toString().replace('\\', '/');
                all.add(jrxml(rel.substring(0, rel.length() - ".jrxml".length())));
            });
        }
        ReferenceForms.load().all().forEach(form -> all.add(table(form)));
        return all;
    }

    /** The templates the window's prints use (the document template and the reference tables). */
    static List<Source> windowTemplates() {
        List<Source> all = new ArrayList<>();
        all.add(DOCUMENT);
        ReferenceForms.load().all().forEach(form -> all.add(table(form)));
        return all;
    }

    /**
     * Build step: compiles every template and saves it as {@code .jasper} under the given classes folder
     * ({@code target/classes}); run by Maven in {@code process-classes}.
     */
    public static void main(String[] args) throws IOException, JRException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Templates CLASSES_DIR");
        }
        Path classes = Path.of(args[0]);
        // the compiler's generated sources in a folder of this build's own: two builds on one machine (a CI run
        // beside a developer's package) wrote the same /tmp/table_3_<hash>.java and one lost it
        Path work = Files.createTempDirectory(classes.toAbsolutePath().getParent(), "template-compiler");
        DefaultJasperReportsContext.getInstance().setProperty(JRCompiler.COMPILER_TEMP_DIR, work.toString());
        List<Source> all = all(classes);
        for (Source s : all) {
            Path out = classes.resolve(s.jasper());
            Files.createDirectories(out.getParent());
            JRSaver.saveObject(JasperCompileManager.compileReport(s.design().design()), out.toFile());
        }
        try (Stream<Path> left = Files.walk(work)) {
            for (Path p : left.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        System.out.println("Compiled " + all.size() + " report templates into " + classes);
    }
}
