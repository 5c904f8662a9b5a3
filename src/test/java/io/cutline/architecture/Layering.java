package io.cutline.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure the README describes, as rules over a root package: the layers stand side by side
 * and never import one another; the shared packages (model, config, channel, ledger, media, provider,
 * timing, document, writer) import no layer; adapters (the code that speaks to one outside system)
 * import no ledger and no route glue; no two packages import each other; the provider emulator is
 * imported by no production class.
 */
final class Layering {

    /** One package per layer of a job; each may use the shared packages, never another layer. */
    static final List<String> LAYERS = List.of("research", "storyboard", "voice", "generation", "assembly", "distribution", "feedback");

    /** What every layer may stand on. */
    static final List<String> SHARED = List.of("model", "config", "channel", "ledger", "media", "provider", "timing", "document", "writer");

    /** Packages whose classes each speak to one outside system (a generator, a voice, a platform, an LLM). */
    static final List<String> ADAPTERS = List.of("generation.clip", "generation.hosted", "voice.speech", "distribution.platform",
            "writer.template", "writer.llm");

    /** Wiring and entry points: what turns beans into a running service. */
    static final List<String> GLUE = List.of("job", "api", "cli", "schedule", "mcp", "console", "webhook");

    private Layering() {
    }

    static List<ArchRule> rules(String root) {
        List<ArchRule> rules = new ArrayList<>();
        for (String layer : LAYERS) {
            List<String> others = LAYERS.stream().filter(other -> !other.equals(layer)).map(other -> root + "." + other + "..").toList();
            rules.add(noClasses().that().resideInAPackage(root + "." + layer + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                    .as("layer " + layer + " imports no other layer").allowEmptyShould(true));
        }
        for (String shared : SHARED) {
            rules.add(noClasses().that().resideInAPackage(root + "." + shared + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(packages(root, LAYERS, GLUE))
                    .as("shared package " + shared + " imports no layer and no wiring").allowEmptyShould(true));
        }
        for (String adapter : ADAPTERS) {
            List<String> forbidden = new ArrayList<>(List.of(packages(root, List.of("ledger"), GLUE)));
            forbidden.add("org.apache.camel..");
            if (LAYERS.contains(adapter.substring(0, Math.max(0, adapter.indexOf('.'))))) {
                forbidden.add(root + "." + adapter.substring(0, adapter.indexOf('.')));
            }
            rules.add(noClasses().that().resideInAPackage(root + "." + adapter + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
                    .as("adapters in " + adapter + " import no ledger, no Camel or route glue, and not their layer's desk")
                    .allowEmptyShould(true));
        }
        rules.add(slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .as("no two top-level packages import each other, directly or around a loop").allowEmptyShould(true));
        rules.add(noClasses().that().resideOutsideOfPackage(root + ".emulator..")
                .should().dependOnClassesThat().resideInAPackage(root + ".emulator..")
                .as("production code never imports the provider emulator").allowEmptyShould(true));
        return rules;
    }

    private static String[] packages(String root, List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).map(name -> root + "." + name + "..").toArray(String[]::new);
    }
}
