package nl.taxledger.tools;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** Each tool is a package of its own; shared parts (store, ...) are used by tools, never the other way round. */
class ArchitectureTest {
    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("nl.taxledger.tools");

    private static final ArchRule NO_CYCLES_BETWEEN_THE_TOOL_PACKAGES =
            slices().matching("nl.taxledger.tools.(*)..").should().beFreeOfCycles();

    @Test
    void no_cycles_between_the_tool_packages() {
        NO_CYCLES_BETWEEN_THE_TOOL_PACKAGES.check(MAIN_CLASSES);
    }
}
