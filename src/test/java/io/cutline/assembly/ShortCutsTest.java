package io.cutline.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Choosing where a video's shorts are cut: whole scenes, within the length band, apart, as many as the video holds. */
class ShortCutsTest {

    @Test
    void cutsAsManyRunsOfWholeScenesAsAskedEachWithinTheBandAndNoneOverlapping() {
        List<ShortCuts.SceneLength> scenes = scenes(new double[] {8, 9, 7, 10, 6, 12, 5, 9, 8}, -1);

        ShortCuts.Plan plan = ShortCuts.choose(scenes, 3, 15, 25);

        assertThat(plan.shortfall()).isEmpty();
        assertThat(plan.cuts()).hasSize(3);
        for (ShortCuts.Cut cut : plan.cuts()) {
            assertThat(cut.seconds()).isBetween(15.0, 25.0);
            assertThat(cut.startSeconds()).isEqualTo(scenes.get(cut.firstScene()).start());
            assertThat(cut.endSeconds()).isEqualTo(scenes.get(cut.lastScene()).end());
        }
        for (int i = 1; i < plan.cuts().size(); i++) {
            assertThat(plan.cuts().get(i).firstScene()).isGreaterThan(plan.cuts().get(i - 1).lastScene());
        }
        assertThat(plan.cuts().get(0).firstScene()).as("the hook opens the first short").isZero();
    }

    @Test
    void theSameScenesAlwaysGiveTheSameCuts() {
        List<ShortCuts.SceneLength> scenes = scenes(new double[] {6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, 4);

        assertThat(ShortCuts.choose(scenes, 2, 15, 20)).isEqualTo(ShortCuts.choose(scenes, 2, 15, 20));
    }

    @Test
    void aRunWithAHeroSceneIsPreferredWhenTheCountIsTheSame() {
        // two scenes of 6 s make a short anywhere after the first (too long for one); scene 5 is the hero
        List<ShortCuts.SceneLength> scenes = scenes(new double[] {30, 6, 6, 6, 6, 6, 6}, 5);

        ShortCuts.Plan plan = ShortCuts.choose(scenes, 1, 12, 12);

        assertThat(plan.cuts()).extracting(ShortCuts.Cut::firstScene, ShortCuts.Cut::lastScene).containsExactly(tuple(4, 5));
    }

    @Test
    void theHookIsPreferredOverLaterHeroes() {
        List<ShortCuts.SceneLength> scenes = scenes(new double[] {10, 10, 10, 10}, 3);

        ShortCuts.Plan plan = ShortCuts.choose(scenes, 1, 20, 20);

        assertThat(plan.cuts()).singleElement().satisfies(cut -> assertThat(cut.firstScene()).isZero());
    }

    @Test
    void countingComesBeforeWorthSoTheMostShortsAreCut() {
        // the hook in one long run would leave room for one short only; two shorter runs give two
        List<ShortCuts.SceneLength> scenes = scenes(new double[] {8, 8, 8, 8}, -1);

        ShortCuts.Plan plan = ShortCuts.choose(scenes, 2, 15, 32);

        assertThat(plan.cuts()).extracting(ShortCuts.Cut::firstScene, ShortCuts.Cut::lastScene)
                .containsExactly(tuple(0, 1), tuple(2, 3));
    }

    @Test
    void aVideoThatHoldsFewerRunsGivesWhatItHoldsAndSaysWhy() {
        ShortCuts.Plan plan = ShortCuts.choose(scenes(new double[] {9, 9, 9, 9, 9}, -1), 3, 15, 60);

        assertThat(plan.cuts()).hasSize(2);
        assertThat(plan.shortfall()).hasValueSatisfying(why -> assertThat(why).startsWith("asked for 3 shorts of 15-60 s, made 2: ")
                .contains("5 scenes (45.0 s)"));
    }

    @Test
    void aVideoShorterThanTheShortestShortGivesNoneAndSaysSo() {
        ShortCuts.Plan plan = ShortCuts.choose(scenes(new double[] {4, 4}, -1), 2, 15, 60);

        assertThat(plan.cuts()).isEmpty();
        assertThat(plan.shortfall()).hasValue("asked for 2 shorts of 15-60 s, made 0: the whole video is 8.0 s, shorter than a short may be");
    }

    @Test
    void scenesThatNeverAddUpToTheBandGiveNoneAndSaySo() {
        ShortCuts.Plan plan = ShortCuts.choose(scenes(new double[] {10, 70, 10}, -1), 1, 15, 60);

        assertThat(plan.cuts()).isEmpty();
        assertThat(plan.shortfall()).hasValueSatisfying(why -> assertThat(why)
                .endsWith("no run of whole consecutive scenes lasts 15-60 s (scenes of 10.0, 70.0, 10.0 s)"));
    }

    /** Scenes back to back of these lengths; the scene at {@code hero} (or none) is a hero scene. */
    private static List<ShortCuts.SceneLength> scenes(double[] seconds, int hero) {
        List<ShortCuts.SceneLength> scenes = new ArrayList<>();
        double start = 0;
        for (int i = 0; i < seconds.length; i++) {
            scenes.add(new ShortCuts.SceneLength(start, start + seconds[i], i == hero));
            start += seconds[i];
        }
        return scenes;
    }
}
