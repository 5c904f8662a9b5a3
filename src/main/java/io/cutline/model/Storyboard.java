package io.cutline.model;

import java.util.List;

/**
 * Layer 2's output (schema: {@code schemas/storyboard.schema.json}): the platform metadata and one
 * visual prompt plus one narration line per scene, with the scene's style (the router may send hero
 * and B-roll scenes to different providers).
 */
public record Storyboard(String title, String description, List<String> hashtags, List<SceneDraft> scenes) {

    /**
     * {@code style}: {@value Scene#HERO} or {@value Scene#BROLL}; none means B-roll. {@code seconds}: how
     * long the writer means the scene to run (its narration spoken at the channel's rate); none means
     * as long as the narration takes. {@code facts}: the brief's beats, numbered from 1, that the
     * narration draws on (the beats are the signals' facts), so a line can be traced to its sources;
     * empty for the hook and the call to action.
     */
    public record SceneDraft(String narration, String visualPrompt, String style, Double seconds, List<Integer> facts) {

        public SceneDraft {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }

        /** A scene that draws on no beat of the brief. */
        public SceneDraft(String narration, String visualPrompt, String style, Double seconds) {
            this(narration, visualPrompt, style, seconds, List.of());
        }
    }
}
