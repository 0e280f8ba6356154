package dev.lakesetup.examples.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * Checks the dependency rules of the library modules' classes (sdk-core, sdk-databricks, sdk-azure, sdk-testkit).
 *
 * <p>Each rule reports every violation it finds in one failure, naming the classes and the lines of the dependency.
 * The rules are methods, not {@code ArchRule} fields: Surefire 3.5.3 does not run {@code @ArchTest} fields.
 */
@AnalyzeClasses(
        packages = {"dev.lakesetup.core", "dev.lakesetup.databricks", "dev.lakesetup.azure", "dev.lakesetup.testkit"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureRulesTest {

    /**
     * No package depends, directly or through others, on a package that depends back on it.
     *
     * @param classes the library modules' main classes
     */
    @ArchTest
    static void packages_whenSliced_areFreeOfCycles(JavaClasses classes) {
        slices().matching("dev.lakesetup.(**)")
                .should().beFreeOfCycles()
                .because("a package cycle means neither package can be understood, tested or moved without the other")
                .check(classes);
    }

    /**
     * The value packages (model, plan, spi, record) are the public contract: they never reach into an implementation.
     *
     * @param classes the library modules' main classes
     */
    @ArchTest
    static void valuePackages_whenCompiled_importNoInternalPackage(JavaClasses classes) {
        noClasses()
                .that().resideInAnyPackage("dev.lakesetup.core.model..", "dev.lakesetup.core.plan..",
                        "dev.lakesetup.core.spi..", "dev.lakesetup.core.record..")
                .should().dependOnClassesThat().resideInAPackage("..internal..")
                .because("model, plan, spi and record are the public values and contract; implementations live in internal")
                .check(classes);
    }

    /**
     * The testkit fakes the services, not lakesetup: it stands on its own so that it can test any client.
     *
     * @param classes the library modules' main classes
     */
    @ArchTest
    static void testkit_whenCompiled_dependsOnNoSdkModule(JavaClasses classes) {
        noClasses()
                .that().resideInAPackage("dev.lakesetup.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.lakesetup.core..", "dev.lakesetup.databricks..", "dev.lakesetup.azure..")
                .because("the testkit fakes the services' wire protocol and shares no code with the client it tests")
                .check(classes);
    }
}
