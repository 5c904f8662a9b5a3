package io.cutline.writer;

import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import io.cutline.ledger.CostLedger;
import io.cutline.model.Platforms;
import io.cutline.provider.AdapterKit;
import io.cutline.provider.ProviderCatalog;
import io.cutline.timing.DurationRule;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/**
 * The writers of briefs and storyboards (every {@code cutline.writer.<name>} block: the offline
 * template writer, LLM writers), the desk that asks them, and the rules every brief and storyboard
 * is held to, whoever wrote it: the platforms' limits and the clip lengths of every
 * {@code cutline.generation.<name>} provider.
 */
public class WriterConfiguration implements CamelConfiguration {

    @BindToRegistry
    public StoryRules storyRules(Settings settings, Platforms platforms) {
        Map<String, DurationRule> clipLengths = new TreeMap<>();
        settings.providers("cutline.generation").forEach((name, block) -> block.optional("durations")
                .ifPresent(durations -> clipLengths.put(name, block.durations())));
        return new StoryRules(platforms, clipLengths, settings.decimal("cutline.writer.length-tolerance-percent") / 100,
                settings.decimal("cutline.writer.rate-tolerance-percent") / 100, settings.decimal("cutline.writer.min-scene-seconds"),
                settings.integer("cutline.writer.clips-per-scene"));
    }

    @BindToRegistry
    public WritingDesk writingDesk(Settings settings, AdapterKit kit, StoryRules rules, CostLedger costs, ObjectMapper json) {
        return new WritingDesk(ProviderCatalog.build(settings.providers("cutline.writer"), kit, StoryWriter.class), rules, costs, json);
    }
}
