package nl.taxledger.projections;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import nl.taxledger.ledger.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** Projections add up facts; they never re-run a business rule. */
class ArchitectureTest {
    private static final JavaClasses MAIN_CLASSES = ModuleArchitecture.mainClassesOf("nl.taxledger.projections");

    /**
     * Of the ledger, projections see only the contract ({@code ledger.api}: commands, events, value types) and
     * {@code ledger.money}; never an aggregate ({@code account}, {@code participant}, {@code suspense}) nor a
     * rule package ({@code allocation}, {@code remittance}, or any package added later unless named here).
     */
    private static final ArchRule PROJECTIONS_USE_ONLY_THE_LEDGER_API_AND_MONEY = noClasses()
            .that().resideInAPackage("nl.taxledger.projections..")
            .should().dependOnClassesThat(are(resideInAPackage("nl.taxledger.ledger..")
                    .and(DescribedPredicate.not(resideInAnyPackage("nl.taxledger.ledger.api..", "nl.taxledger.ledger.money..")))
                    .as("ledger classes outside ledger.api and ledger.money")));

    @Test
    void projections_use_only_the_ledger_api_and_money() {
        PROJECTIONS_USE_ONLY_THE_LEDGER_API_AND_MONEY.check(MAIN_CLASSES);
    }

    @Test
    void no_cycles_between_the_projection_packages() {
        ModuleArchitecture.assertNoCyclesBetweenThePackagesOf("nl.taxledger.projections", MAIN_CLASSES);
    }
}
