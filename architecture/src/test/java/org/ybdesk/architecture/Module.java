package org.ybdesk.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.Optional;

/**
 * The Maven modules of YB Desk, each with the package its main classes live in and one class it must contain (the
 * class literal also makes the module a used test dependency for {@code mvn dependency:analyze}). Order: the
 * reactor's.
 */
enum Module {
    CORE("core", "org.ybdesk.core", org.ybdesk.core.catalog.Catalog.class),
    DB("db", "org.ybdesk.db", org.ybdesk.db.Database.class),
    FORMS("forms", "org.ybdesk.forms", org.ybdesk.forms.ReferenceForms.class),
    SERVICE("service", "org.ybdesk.service", org.ybdesk.service.Desk.class),
    FONTS("fonts", "org.ybdesk.fonts", org.ybdesk.fonts.BundledFonts.class),
    REPORTS("reports", "org.ybdesk.reports", org.ybdesk.reports.Prints.class),
    PROTOCOL("protocol", "org.ybdesk.protocol", org.ybdesk.protocol.Envelope.class),
    SYNC("sync", "org.ybdesk.sync", org.ybdesk.sync.SyncEngine.class),
    PROVINCE_SERVER("province-server", "org.ybdesk.province", org.ybdesk.province.ProvinceServer.class),
    DESK_APP("desk-app", "org.ybdesk.desk", org.ybdesk.desk.DeskApp.class),
    LAUNCHER("launcher", "org.ybdesk.launcher", org.ybdesk.launcher.Main.class),
    BENCH("bench", "org.ybdesk.bench", org.ybdesk.bench.Bench.class);

    /** The Maven artifactId; also the layer's name in the rules' messages. */
    final String artifactId;
    /** The root package, e.g. {@code org.ybdesk.core}. */
    final String rootPackage;
    /** A class the module must contain: proof that its classes were imported. */
    final Class<?> sample;

    Module(String artifactId, String rootPackage, Class<?> sample) {
        this.artifactId = artifactId;
        this.rootPackage = rootPackage;
        this.sample = sample;
    }

    /** The ArchUnit package pattern of the module: its root package and everything below. */
    String packages() {
        return rootPackage + "..";
    }

    boolean contains(JavaClass c) {
        return c.getPackageName().equals(rootPackage) || c.getPackageName().startsWith(rootPackage + ".");
    }

    static Optional<Module> of(JavaClass c) {
        return Arrays.stream(values()).filter(m -> m.contains(c)).findFirst();
    }
}
