package se.dikta.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The server's dependencies point one way (docs/architecture.md): no package depends on itself through
 * others, and only a feature's web adapter (a class named {@code *Api}) and the assembling root package
 * use the web layer {@code se.dikta.http}.
 */
class LayeringTest {

    private static JavaClasses server;

    @BeforeAll
    static void importServerClasses() {
        server = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("se.dikta");
    }

    @Test
    void noPackageCycles() {
        slices().matching("se.(**)").should().beFreeOfCycles().check(server);
    }

    @Test
    void onlyWebAdaptersAndTheAssemblyUseTheHttpPackage() {
        noClasses().that(notAllowedToUseHttp())
                .should().dependOnClassesThat().resideInAPackage("se.dikta.http..")
                .because("a feature's domain reports failures as DomainException; only its *Api adapter speaks HTTP")
                .check(server);
    }

    @Test
    void theLowestLayersDependOnNothingAboveThem() {
        String[] bottom = {"se.dikta.failure..", "se.dikta.settings..", "se.dikta.health..", "se.dikta.identity..",
            "se.dikta.calendar..", "se.dikta.speech.."};
        classes().that().resideInAnyPackage(bottom)
                .should().onlyDependOnClassesThat().resideInAnyPackage(concat(bottom, "java..", "io.vertx..", "org.slf4j.."))
                .check(server);
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void databaseAuditAndAuthDependOnNoFeature() {
        noClasses().that().resideInAnyPackage("se.dikta.db..", "se.dikta.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("se.dikta.auth..", "se.dikta.http..",
                        "se.dikta.config..", "se.dikta.notes..", "se.dikta.cases..", "se.dikta.asr..",
                        "se.dikta.search..", "se.dikta.structure..", "se.dikta.timelog..", "se.dikta.demo..",
                        "se.dikta.cli..")
                .check(server);
        noClasses().that().resideInAPackage("se.dikta.auth..").and(notAllowedToUseHttp())
                .should().dependOnClassesThat().resideInAnyPackage("se.dikta.http..", "se.dikta.config..",
                        "se.dikta.notes..", "se.dikta.cases..", "se.dikta.asr..", "se.dikta.search..",
                        "se.dikta.structure..", "se.dikta.timelog..", "se.dikta.demo..", "se.dikta.cli..")
                .check(server);
    }

    private static DescribedPredicate<JavaClass> notAllowedToUseHttp() {
        return DescribedPredicate.describe("are neither a *Api web adapter, the http package nor the assembly",
                c -> !isWebAdapter(c) && !c.getPackageName().startsWith("se.dikta.http")
                        && !c.getPackageName().equals("se.dikta") && !c.getPackageName().startsWith("se.dikta.server")
                        && !c.getPackageName().equals("se.dikta.config"));
    }

    private static boolean isWebAdapter(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent()) {
            top = top.getEnclosingClass().get();
        }
        return top.getSimpleName().endsWith("Api");
    }
}
