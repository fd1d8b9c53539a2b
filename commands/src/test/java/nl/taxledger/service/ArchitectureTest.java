package nl.taxledger.service;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import nl.taxledger.ledger.testing.ModuleArchitecture;
import org.junit.jupiter.api.Test;

/** The REST layer parses and hands over; the decisions are the ledger's. */
class ArchitectureTest {
    private static final JavaClasses MAIN_CLASSES = ModuleArchitecture.mainClassesOf("nl.taxledger.service");

    /**
     * The parts of the ledger a request may be parsed into: the contract ({@code ledger.api}), {@code ledger.money},
     * the routing rule ({@code ledger.routing}) and the remittance policy ({@code ledger.remittance.RemittancePolicy}
     * and its nested types), and the arrangement-term rule ({@code ledger.account.ArrangementTerms}, checked at the
     * door as well as in the aggregate), and the collection moments of direct debit
     * ({@code ledger.directdebit.CollectionMoments}, a pure calendar function checked at the door). Not the aggregates ({@code account}, {@code participant}, {@code suspense}) nor the
     * other rule internals ({@code allocation}, the rest of {@code remittance}, {@code journal}, ...).
     */
    private static final DescribedPredicate<JavaClass> LEDGER_INTERNALS = resideInAPackage("nl.taxledger.ledger..")
            .and(DescribedPredicate.not(resideInAnyPackage(
                    "nl.taxledger.ledger.api..", "nl.taxledger.ledger.money..", "nl.taxledger.ledger.routing..")))
            .and(
                    DescribedPredicate.not(
                            nameMatching(
                                    "nl\\.taxledger\\.ledger\\.(remittance\\.RemittancePolicy|account\\.ArrangementTerms|directdebit\\.CollectionMoments)(\\$.*)?")))
            .as(
                    "ledger classes outside its API (api, money, routing, RemittancePolicy, ArrangementTerms, CollectionMoments)");

    private static final ArchRule THE_COMMAND_API_USES_ONLY_THE_LEDGER_API = noClasses()
            .that()
            .resideInAPackage("nl.taxledger.service.commandapi..")
            .should()
            .dependOnClassesThat(are(LEDGER_INTERNALS));

    @Test
    void the_command_api_uses_only_the_ledger_api() {
        THE_COMMAND_API_USES_ONLY_THE_LEDGER_API.check(MAIN_CLASSES);
    }

    @Test
    void no_cycles_between_the_service_packages() {
        ModuleArchitecture.assertNoCyclesBetweenThePackagesOf("nl.taxledger.service", MAIN_CLASSES);
    }
}
