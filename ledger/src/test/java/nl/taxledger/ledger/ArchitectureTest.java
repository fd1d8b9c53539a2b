package nl.taxledger.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import nl.taxledger.ledger.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** The domain stays free of frameworks it does not need, and its packages form no cycle. */
class ArchitectureTest {
    private static final JavaClasses MAIN_CLASSES = ModuleArchitecture.mainClassesOf("nl.taxledger.ledger");

    /** The rules run the same in the service, the CLI and the property tests: no Spring, no Axon Spring glue. */
    private static final ArchRule THE_LEDGER_USES_NO_SPRING = noClasses().that().resideInAPackage("nl.taxledger.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "org.axonframework.spring..", "org.axonframework.springboot..");

    @Test
    void the_ledger_uses_no_spring() {
        THE_LEDGER_USES_NO_SPRING.check(MAIN_CLASSES);
    }

    @Test
    void no_cycles_between_the_ledger_packages() {
        ModuleArchitecture.assertNoCyclesBetweenThePackagesOf("nl.taxledger.ledger", MAIN_CLASSES);
    }
}
