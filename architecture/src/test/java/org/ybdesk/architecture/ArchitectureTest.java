package org.ybdesk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.ybdesk.architecture.Module.BENCH;
import static org.ybdesk.architecture.Module.CORE;
import static org.ybdesk.architecture.Module.DB;
import static org.ybdesk.architecture.Module.DESK_APP;
import static org.ybdesk.architecture.Module.FONTS;
import static org.ybdesk.architecture.Module.FORMS;
import static org.ybdesk.architecture.Module.LAUNCHER;
import static org.ybdesk.architecture.Module.PROTOCOL;
import static org.ybdesk.architecture.Module.PROVINCE_SERVER;
import static org.ybdesk.architecture.Module.REPORTS;
import static org.ybdesk.architecture.Module.SERVICE;
import static org.ybdesk.architecture.Module.SYNC;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of ARCHITECTURE.md, checked once on the compiled main classes of EVERY module (this test-only
 * module sits last in the reactor and has all of them as test dependencies). Each rule must find classes to check
 * ({@code allowEmptyShould(false)}; layers are not optional), and {@link #everyModuleIsImported()} proves the import
 * really holds each module.
 *
 * <p>Known exceptions are named in the rule that allows them, each with its reason ({@link #SERVICE_QUERIES},
 * {@link #BENCH_TOOLS}), documented in docs/DECISIONS.md D99–D101.
 */
class ArchitectureTest {

    /** The server's own persistence package: PostgreSQL through jOOQ, migrations through Flyway. */
    static final String PROVINCE_STORE = "org.ybdesk.province.store..";
    /** The server's generated jOOQ classes. */
    static final String PROVINCE_JOOQ = "org.ybdesk.province.jooq..";
    /** The desk's generated jOOQ classes (tables, records). */
    static final String DESK_JOOQ = "org.ybdesk.db.jooq..";
    static final String[] JOOQ = {"org.jooq..", DESK_JOOQ, PROVINCE_JOOQ};

    /**
     * Lasting exception: {@code service} still writes jOOQ queries for lists and reports (search, workbench, batch
     * reports, print data) and part of the write path. They are being moved to db repositories (issue 11, the lead's
     * write path); until then the service layer may use jOOQ and the desk's generated tables. Remove when done.
     */
    static final DescribedPredicate<JavaClass> SERVICE_QUERIES = resideInAPackage(SERVICE.packages())
            .as("service (queries for lists and reports, being moved to db repositories)");

    /**
     * Lasting exception: {@code bench} is never shipped to a desk and nothing depends on it. Its bulk loader writes a
     * million rows straight through JDBC/jOOQ, its storage and GUI benchmarks read generated tables, and the crash
     * campaign builds a database at an older schema with Flyway's {@code target}.
     */
    static final DescribedPredicate<JavaClass> BENCH_TOOLS = resideInAPackage(BENCH.packages())
            .as("bench (benchmarks and crash campaign: bulk loading, old schemas; never shipped)");

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ybdesk");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(classes);
    }

    // ------------------------------------------------------------------------------------------------ the import

    /** The import really holds each module's main classes, and no test classes. */
    @Test
    void everyModuleIsImported() {
        for (Module m : Module.values()) {
            assertThat(classes.stream().filter(m::contains).count()).as(m.artifactId + " classes").isPositive();
            assertThat(classes.contain(m.sample)).as(m.artifactId + " holds " + m.sample.getName()).isTrue();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.ybdesk.db.jooq")).count())
                .as("the desk's generated jOOQ classes").isGreaterThan(10);
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.ybdesk.province.jooq")).count())
                .as("the server's generated jOOQ classes").isGreaterThan(3);
        assertThat(classes.stream().map(JavaClass::getName))
                .as("test classes must not be imported")
                .doesNotContain(ArchitectureTest.class.getName(), Module.class.getName())
                .noneMatch(n -> n.matches(".*Tests?(\\$.*)?"));
    }

    /** A class outside every known module would escape every rule: a new module must be added to {@link Module}. */
    @Test
    void everyClassBelongsToAModule() {
        assertThat(classes.stream().filter(c -> Module.of(c).isEmpty()).map(JavaClass::getName).toList())
                .as("classes of org.ybdesk outside the modules the rules know").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ the layers

    /**
     * The layer order of ARCHITECTURE.md: each module may use only the modules listed for it; nothing points up.
     * {@code protocol} sits beside {@code core} at the bottom: the desk's change log (db) writes protocol records into
     * the outbox, and the services and the window may hand them on.
     */
    @Test
    void layersAreRespected() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Module m : Module.values()) {
            layers = layers.layer(m.artifactId).definedBy(m.packages());
        }
        ArchRule rule = layers
                .whereLayer(CORE.artifactId).mayNotAccessAnyLayer()
                .whereLayer(FONTS.artifactId).mayNotAccessAnyLayer()
                .whereLayer(PROTOCOL.artifactId).mayOnlyAccessLayers(CORE.artifactId)
                .whereLayer(DB.artifactId).mayOnlyAccessLayers(CORE.artifactId, PROTOCOL.artifactId)
                .whereLayer(FORMS.artifactId).mayOnlyAccessLayers(CORE.artifactId)
                .whereLayer(SERVICE.artifactId).mayOnlyAccessLayers(DB.artifactId, PROTOCOL.artifactId,
                        CORE.artifactId)
                .whereLayer(REPORTS.artifactId).mayOnlyAccessLayers(SERVICE.artifactId, FORMS.artifactId,
                        FONTS.artifactId, CORE.artifactId)
                .whereLayer(SYNC.artifactId).mayOnlyAccessLayers(SERVICE.artifactId, PROTOCOL.artifactId,
                        CORE.artifactId)
                .whereLayer(PROVINCE_SERVER.artifactId).mayOnlyAccessLayers(PROTOCOL.artifactId, CORE.artifactId)
                .whereLayer(DESK_APP.artifactId).mayOnlyAccessLayers(REPORTS.artifactId, SYNC.artifactId,
                        SERVICE.artifactId, FORMS.artifactId, PROTOCOL.artifactId, FONTS.artifactId,
                        CORE.artifactId)
                // the command line goes through the services like the window (one path for every action): not db
                .whereLayer(LAUNCHER.artifactId).mayOnlyAccessLayers(DESK_APP.artifactId, REPORTS.artifactId,
                        SYNC.artifactId, SERVICE.artifactId, FORMS.artifactId, PROTOCOL.artifactId,
                        FONTS.artifactId, CORE.artifactId)
                .whereLayer(BENCH.artifactId).mayNotBeAccessedByAnyLayer()
                .because("arrows point down only (ARCHITECTURE.md); bench may use anything, nothing uses it");
        rule.check(classes);
    }

    @Test
    void modulesHaveNoCycles() {
        check(slices().matching("org.ybdesk.(*)..").namingSlices("module $1").should().beFreeOfCycles()
                .because("a cycle between modules would make two layers one"));
    }

    // ------------------------------------------------------------------------------------------------ libraries

    @Test
    void coreUsesOnlyTheJdkAndAJsonYamlReader() {
        check(noClasses().that().resideInAPackage(CORE.packages())
                .should().dependOnClassesThat(not(resideInAnyPackage("java..", "com.fasterxml.jackson..",
                        CORE.packages())))
                .because("core depends on nothing of ours and on no framework heavier than a YAML/JSON reader"));
    }

    @Test
    void noSwingOrAwtBelowTheWindowAndThePrints() {
        check(noClasses().that().resideInAnyPackage(CORE.packages(), DB.packages(), FORMS.packages(),
                        SERVICE.packages(), PROTOCOL.packages(), SYNC.packages(), PROVINCE_SERVER.packages())
                .should().dependOnClassesThat().resideInAnyPackage("javax.swing..", "java.awt..")
                .because("screens are desk-app's; sync runs under the window and the command line alike"));
    }

    @Test
    void printsAndFontsUseAwtButNotSwing() {
        check(noClasses().that().resideInAnyPackage(REPORTS.packages(), FONTS.packages())
                .should().dependOnClassesThat().resideInAPackage("javax.swing..")
                .because("reports and fonts may use java.awt for fonts, images (QR codes) and charts, but the "
                        + "screens (preview, printing dialogs) are desk-app's"));
    }

    @Test
    void jooqOnlyInTheDatabaseLayers() {
        check(noClasses().that().resideOutsideOfPackages(DB.packages(), PROVINCE_STORE, PROVINCE_JOOQ)
                .and(not(SERVICE_QUERIES)).and(not(BENCH_TOOLS))
                .should().dependOnClassesThat().resideInAnyPackage(JOOQ)
                .because("jOOQ and the generated records belong to db and to the server's store package; "
                        + "everything else sees repositories and service types"));
    }

    @Test
    void generatedRecordsStayOnTheirSide() {
        check(noClasses().that().resideOutsideOfPackages(PROVINCE_SERVER.packages())
                .should().dependOnClassesThat().resideInAPackage(PROVINCE_JOOQ)
                .because("the server's tables are the server's"));
    }

    @Test
    void flywayOnlyWhereMigrationsRun() {
        check(noClasses().that().resideOutsideOfPackages(DB.packages(), PROVINCE_STORE)
                .and(not(BENCH_TOOLS))
                .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
                .because("migrations run where the database is opened: db (H2), the server's store (PostgreSQL)"));
    }

    @Test
    void h2OnlyInDb() {
        check(noClasses().that().resideOutsideOfPackage(DB.packages()).and(not(BENCH_TOOLS))
                .should().dependOnClassesThat().resideInAPackage("org.h2..")
                .because("db opens the desk's H2 files; nobody else knows the engine"));
    }

    @Test
    void theDeskWritesNoSqlOutsideDb() {
        check(noClasses().that().resideInAnyPackage(CORE.packages(), FORMS.packages(), SERVICE.packages(),
                        REPORTS.packages(), PROTOCOL.packages(), SYNC.packages(), DESK_APP.packages(),
                        LAUNCHER.packages(), FONTS.packages())
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..")
                .because("the desk's JDBC is db's (the UI never writes SQL)"));
    }
}
