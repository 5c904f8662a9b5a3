package io.cutline.writer;

import io.cutline.writer.template.TemplateWriter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.config.Settings;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;

/** The writer of briefs and storyboards: the offline template writer. */
public class WriterConfiguration implements CamelConfiguration {

    @BindToRegistry
    public StoryWriter storyWriter(Settings settings, ObjectMapper json) {
        return new TemplateWriter(TemplateWriter.readPhrases(settings.path("cutline.writer.template.phrases"), json));
    }
}
