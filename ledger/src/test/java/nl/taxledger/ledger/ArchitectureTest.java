package nl.taxledger.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The domain stays free of frameworks it does not need, and its packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.taxledger.ledger");

    /** The rules run the same in the service, the CLI and the property tests: no Spring, no Axon Spring glue. */
    private static final ArchRule THE_LEDGER_USES_NO_SPRING = noClasses().that().resideInAPackage("nl.taxledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "org.axonframework.springboot..");

    private static final ArchRule NO_CYCLES_BETWEEN_THE_LEDGER_PACKAGES =
            slices().matching("nl.taxledger.ledger.(*)..").should().beFreeOfCycles();

    @Test
    void the_ledger_uses_no_spring() {
        THE_LEDGER_USES_NO_SPRING.check(MAIN_CLASSES);
    }

    @Test
    void no_cycles_between_the_ledger_packages() {
        NO_CYCLES_BETWEEN_THE_LEDGER_PACKAGES.check(MAIN_CLASSES);
    }
}
