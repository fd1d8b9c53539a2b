package nl.taxledger.ledger.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** What every module's ArchitectureTest checks of itself the same way (ArchUnit), written once. */
public final class ModuleArchitecture {

    private ModuleArchitecture() {
    }

    /** The module's own classes below {@code rootPackage}, without its tests. */
    public static JavaClasses mainClassesOf(String rootPackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(rootPackage);
    }

    /** The packages directly below {@code rootPackage} depend on each other without a cycle. */
    public static void assertNoCyclesBetweenThePackagesOf(String rootPackage, JavaClasses classes) {
        slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles().check(classes);
    }
}
