package io.cutline.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The planner over the duration rules of the providers Cutline speaks to (lead 0.25 s, tail 0.25 s). */
class TimingPlannerTest {

    private final TimingPlanner planner = new TimingPlanner(0.25, 0.25, 1.15, 0.45);

    @ParameterizedTest(name = "{0}: {1} s of narration -> {2} {3}")
    @CsvSource(delimiter = ';', value = {
            // provider rule (model);                    narration; kind;   clip lengths
            "5,10 (Runway gen4_turbo, Kling, Pika);       3.2;  SINGLE; 5",
            "5,10 (Runway gen4_turbo, Kling, Pika);       4.6;  SINGLE; 10",
            "5,10 (Runway gen4_turbo, Kling, Pika);       9.9;  HOLD;   10",
            "5,10 (Runway gen4_turbo, Kling, Pika);       11.0; SLOW;   10",
            "5,10 (Runway gen4_turbo, Kling, Pika);       14.0; SPLIT;  10 5",
            "5,10 (Runway gen4_turbo, Kling, Pika);       19.0; SPLIT;  10 10",
            "2-10 (Runway gen4.5);                        1.5;  SINGLE; 2",
            "2-10 (Runway gen4.5);                        6.1;  SINGLE; 7",
            "2-10 (Runway gen4.5);                        14.0; SPLIT;  8 7",
            "4,6,8 (Veo 3.1);                             1.5;  SINGLE; 4",
            "4,6,8 (Veo 3.1);                             5.6;  SINGLE; 8",
            "4,6,8 (Veo 3.1);                             5.4;  SINGLE; 6",
            "4,6,8 (Veo 3.1);                             7.6;  SINGLE; 8",
            "4,6,8 (Veo 3.1);                             7.8;  HOLD;   8",
            "4,6,8 (Veo 3.1);                             8.5;  SLOW;   8",
            "4,6,8 (Veo 3.1);                             14.0; SPLIT;  8 8",
            "4,6,8 (Veo 3.1);                             11.0; SPLIT;  6 6",
            "5,9 (Luma ray-2);                            12.0; SPLIT;  9 5",
            "6,10 (Hailuo);                               2.0;  SINGLE; 6",
            "3-15 (Kling v3 via fal);                     14.0; SINGLE; 15",
            "3-15 (Kling v3 via fal);                     15.5; SLOW;   15",
            "2-12 (Seedance);                             30.0; SPLIT;  11 10 10",
            "any (local FFmpeg renderer);                 14.0; SINGLE; 14.5",
            "any (local FFmpeg renderer);                 1.5;  SINGLE; 2.0",
    })
    void plansEachProvidersLengths(String rule, double narration, TimingPlan.Kind kind, String lengths) {
        TimingPlan plan = planner.plan("p", narration, "a prompt", DurationRule.parse(rule.substring(0, rule.indexOf(' '))));
        assertThat(plan.kind()).isEqualTo(kind);
        assertThat(plan.clips()).extracting(TimingPlan.Clip::seconds)
                .containsExactlyElementsOf(List.of(lengths.split(" ")).stream().map(Double::valueOf).toList());
        assertCovers(plan);
    }

    @Test
    void theHoldStaysUnderTheFreezeGateAndTheSlowDownWithinItsBound() {
        TimingPlan hold = planner.plan("p", 10.19, "p", DurationRule.parse("5,10"));
        assertThat(hold.kind()).isEqualTo(TimingPlan.Kind.HOLD);
        assertThat(hold.holdSeconds()).isCloseTo(0.44, within(1e-9)).isLessThan(0.5);
        TimingPlan slow = planner.plan("p", 10.21, "p", DurationRule.parse("5,10"));
        assertThat(slow.kind()).isEqualTo(TimingPlan.Kind.SLOW);
        assertThat(slow.speed()).isGreaterThan(1).isLessThanOrEqualTo(1.15);
        TimingPlan split = planner.plan("p", 9.75 * 1.15 + 0.01, "p", DurationRule.parse("5,10"));
        assertThat(split.kind()).as("just past the slow-down bound").isEqualTo(TimingPlan.Kind.SPLIT);
    }

    @Test
    void splitClipsEachHaveTheirOwnPrompt() {
        TimingPlan plan = planner.plan("p", 14, "moon over the sea", DurationRule.parse("4,6,8"));
        assertThat(plan.clips()).extracting(TimingPlan.Clip::prompt).doesNotHaveDuplicates()
                .allMatch(prompt -> prompt.startsWith("moon over the sea"));
        assertThat(plan.clips()).extracting(TimingPlan.Clip::part).containsExactly(0, 1);
    }

    @Test
    void rulesAreParsedStrictly() {
        assertThat(DurationRule.parse("10, 5,5")).isEqualTo(new DurationRule.Choices(List.of(5.0, 10.0)));
        assertThat(DurationRule.parse(" 2 - 10 ")).isEqualTo(new DurationRule.IntegerRange(2, 10));
        assertThatThrownBy(() -> DurationRule.parse("five")).hasMessageContaining("not a clip duration rule: 'five'");
        assertThatThrownBy(() -> DurationRule.parse("10-2")).hasMessageContaining("increasing");
        assertThatThrownBy(() -> planner.plan("p", 0, "p", DurationRule.parse("any"))).hasMessageContaining("longer than 0 s");
    }

    /** The picture the plan yields covers the narration exactly: never shorter, never looped. */
    private static void assertCovers(TimingPlan plan) {
        double picture = plan.usableSeconds() * plan.speed() + plan.holdSeconds();
        assertThat(picture).isGreaterThanOrEqualTo(plan.narrationSeconds() - 1e-9);
        assertThat(plan.speed()).isBetween(1.0, 1.15);
        assertThat(plan.holdSeconds()).isLessThan(0.5);
        if (plan.kind() == TimingPlan.Kind.SPLIT) {
            assertThat(plan.usableSeconds()).isGreaterThanOrEqualTo(plan.narrationSeconds());
        }
    }
}
