package io.cutline.architecture;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LayeringTest {

    @Test
    void productionCodeKeepsTheLayering() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.cutline");
        assertThat(production.size()).as("production classes imported").isGreaterThan(100);
        Layering.rules("io.cutline").forEach(rule -> rule.check(production));
    }

    @Test
    void eachKindOfForbiddenImportIsCaught() {
        JavaClasses fixture = new ClassFileImporter().importPackages("io.cutline.architecture.fixture");
        List<String> broken = Layering.rules("io.cutline.architecture.fixture").stream()
                .map(rule -> rule.evaluate(fixture))
                .filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString())
                .toList();

        assertThat(broken).hasSize(5);
        assertThat(String.join("\n", broken))
                .contains("layer research imports no other layer", "ReachesIntoGeneration")
                .contains("shared package ledger imports no layer", "TaskRows")
                .contains("adapters in generation.hosted import no ledger", "ReachesIntoLedger")
                .contains("no two top-level packages import each other", "Cycle detected")
                .contains("production code never imports the provider emulator", "StartsEmulator");
    }
}
