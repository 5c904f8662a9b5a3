package io.cutline.writer;

import io.cutline.channel.Channel;
import io.cutline.model.Brief;
import io.cutline.model.Storyboard;
import io.cutline.model.Topic;

/**
 * Writes layers 1 and 2: a brief from a topic, then a storyboard from the brief, each as a draft
 * (a JSON document the {@link WritingDesk} checks against its schema and the {@link StoryRules}). The
 * offline template writer works from signals; LLM writers ask a model. Each writer is one
 * {@code cutline.writer.<name>} block whose {@code adapter} class has a {@code (ProviderSettings,
 * AdapterKit)} constructor.
 */
public interface StoryWriter {

    String name();

    /** How many drafts the desk asks this writer for (the first and its repairs) before it gives up on it. */
    int attempts();

    /** {@code repair}: null for a first draft, else the previous draft and what was wrong with it. */
    Draft brief(Channel channel, Topic topic, Repair repair);

    Draft storyboard(Channel channel, Brief brief, Repair repair);

    /** The storyboard's title, description, hashtags and narration in {@code language} (a BCP 47 tag), scene for scene. */
    Draft translation(Channel channel, Storyboard storyboard, String language, Repair repair);
}
