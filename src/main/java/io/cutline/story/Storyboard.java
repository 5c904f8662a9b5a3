package io.cutline.story;

import java.util.List;

/**
 * Layer 2's output (schema: {@code schemas/storyboard.schema.json}): the platform metadata and one
 * visual prompt plus one narration line per scene.
 */
public record Storyboard(String title, String description, List<String> hashtags, List<SceneDraft> scenes) {

    public record SceneDraft(String narration, String visualPrompt) {
    }
}
