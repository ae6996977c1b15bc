package org.ybdesk.launcher;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module layering of YB Desk, checked on the compiled main classes of every module (launcher's test classpath
 * holds them all): core &lt; db &lt; service &lt; launcher, with forms on core only. jOOQ is the database layer's tool:
 * only db (with its generated org.ybdesk.db.jooq) and service use it. Each rule must find classes to check
 * ({@code allowEmptyShould(false)}), so none can pass by looking at nothing — except the rules about forms, which
 * has no classes yet.
 */
class ArchitectureTest {
    static final String CORE = "org.ybdesk.core..";
    static final String DB = "org.ybdesk.db..";
    static final String FORMS = "org.ybdesk.forms..";
    static final String SERVICE = "org.ybdesk.service..";
    static final String LAUNCHER = "org.ybdesk.launcher..";
    static final String REPORTS = "org.ybdesk.reports..";
    static final String SYNC = "org.ybdesk.sync..";
    static final String PROTOCOL = "org.ybdesk.protocol..";
    static final String DESK_APP = "org.ybdesk.desk..";

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

    /** The import really holds each module's main classes (and no test classes). */
    @Test
    void everyModuleIsImported() {
        assertThat(count("org.ybdesk.core.")).as("core classes").isGreaterThan(20);
        assertThat(count("org.ybdesk.db.")).as("db classes").isGreaterThan(3);
        assertThat(count("org.ybdesk.db.jooq.")).as("generated jOOQ classes").isGreaterThan(3);
        assertThat(count("org.ybdesk.service.")).as("service classes").isGreaterThan(5);
        assertThat(count("org.ybdesk.launcher.")).as("launcher classes").isGreaterThan(5);
        assertThat(count("org.ybdesk.reports.")).as("reports classes").isGreaterThan(5);
        assertThat(classes.stream().map(c -> c.getName()))
                .as("test classes must not be imported")
                .doesNotContain(ArchitectureTest.class.getName(), "org.ybdesk.launcher.cli.CliTest")
                .noneMatch(n -> n.endsWith("Test"));
        assertThat(classes.contain("org.ybdesk.launcher.Main")).isTrue();
        assertThat(classes.contain("org.ybdesk.service.Desk")).isTrue();
        assertThat(classes.contain("org.ybdesk.db.Database")).isTrue();
        assertThat(classes.contain("org.ybdesk.core.catalog.Catalog")).isTrue();
    }

    private static long count(String prefix) {
        return classes.stream().filter(c -> c.getName().startsWith(prefix)).count();
    }

    @Test
    void coreDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage(DB, SERVICE, FORMS, LAUNCHER)
                .because("core is the pure domain at the bottom of the layers"));
    }

    @Test
    void coreUsesNoDatabaseOrUserInterfaceLibraries() {
        check(noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "javax.swing..",
                        "java.awt..", "org.jooq..", "org.h2..", "org.flywaydb..")
                .because("core is pure: no storage, no screens"));
    }

    @Test
    void dbDependsOnlyOnCore() {
        check(noClasses().that().resideInAPackage(DB)
                .should().dependOnClassesThat().resideInAnyPackage(SERVICE, FORMS, LAUNCHER)
                .because("db sits on core only"));
    }

    @Test
    void serviceDoesNotDependOnTheLauncher() {
        check(noClasses().that().resideInAPackage(SERVICE)
                .should().dependOnClassesThat().resideInAPackage(LAUNCHER)
                .because("the GUI and the CLI both call the services, never the other way round"));
    }

    @Test
    void syncDoesNotDependOnTheWindowOrTheLauncher() {
        check(noClasses().that().resideInAPackage(SYNC)
                .should().dependOnClassesThat().resideInAnyPackage(DESK_APP, LAUNCHER, "javax.swing..", "java.awt..")
                .because("sync runs on its own thread under the GUI and the CLI alike; they listen to it"));
    }

    @Test
    void protocolDependsOnNoDeskModule() {
        check(noClasses().that().resideInAPackage(PROTOCOL)
                .should().dependOnClassesThat().resideInAnyPackage(CORE, DB, SERVICE, SYNC, DESK_APP, LAUNCHER)
                .because("the provincial server codes against the protocol too: it must stand alone"));
    }

    @Test
    void formsSitsOnCoreOnly() {
        // forms has no classes yet: this rule may find nothing until it has; then it bites.
        noClasses().that().resideInAPackage(FORMS)
                .should().dependOnClassesThat().resideInAnyPackage(DB, SERVICE, LAUNCHER)
                .because("forms renders the sample forms from core data only")
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void onlyDbAndServiceUseJooq() {
        check(noClasses().that().resideOutsideOfPackages(DB, SERVICE)
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("jOOQ belongs to the database layer (db, and service's queries); the launcher goes "
                        + "through db and service types"));
    }

    @Test
    void launcherDoesNotUseJooqDirectly() {
        check(noClasses().that().resideInAPackage(LAUNCHER)
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("the command line and the GUI work through Desk and the services"));
    }

    @Test
    void onlyDbTalksToH2AndFlyway() {
        check(noClasses().that().resideOutsideOfPackage(DB)
                .should().dependOnClassesThat().resideInAnyPackage("org.h2..", "org.flywaydb..")
                .because("opening and migrating the database is db's job"));
    }

    @Test
    void reportsGetTheirDataFromServicesOnly() {
        check(noClasses().that().resideInAPackage(REPORTS)
                .should().dependOnClassesThat().resideInAnyPackage(DB, "org.jooq..", "java.sql..", "javax.sql..",
                        "org.h2..", LAUNCHER, "org.ybdesk.desk..")
                .because("prints are built from the services' print model, never from the database (ARCHITECTURE.md)"));
    }

    @Test
    void layersAreRespected() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Core").definedBy(CORE)
                .layer("Db").definedBy(DB)
                .optionalLayer("Forms").definedBy(FORMS)
                .layer("Service").definedBy(SERVICE)
                .layer("Launcher").definedBy(LAUNCHER)
                .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
                .whereLayer("Service").mayOnlyBeAccessedByLayers("Launcher")
                .whereLayer("Forms").mayOnlyBeAccessedByLayers("Service", "Launcher")
                .whereLayer("Db").mayOnlyBeAccessedByLayers("Service", "Launcher")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Db", "Forms", "Service", "Launcher")
                .check(classes);
    }
}
