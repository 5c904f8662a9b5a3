package io.cutline.writer;

import io.cutline.model.Brief;
import io.cutline.model.Storyboard;

import io.cutline.channel.Channel;
import io.cutline.model.Topic;

/**
 * Writes layers 1 and 2: a brief from a topic, then a storyboard from the brief. The embedded
 * template writer works offline from signals; LLM writers implement the same interface.
 * Output is validated against the brief and storyboard schemas by the caller, whoever wrote it.
 */
public interface StoryWriter {

    String name();

    Brief brief(Channel channel, Topic topic);

    Storyboard storyboard(Channel channel, Brief brief);
}
