package io.cutline.job;

import io.cutline.model.Brief;
import io.cutline.model.Storyboard;

/**
 * A brief, and perhaps its storyboard, that the caller wrote (an agent, an integration) instead of
 * the channel's writers; checked as strictly as theirs. {@code storyboard} is null when the caller
 * sent only a brief: the channel's writer then writes the storyboard from it.
 */
public record CallerStory(Brief brief, Storyboard storyboard) {
}
