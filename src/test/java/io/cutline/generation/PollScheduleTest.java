package io.cutline.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PollScheduleTest {

    private final PollSchedule schedule = new PollSchedule(Map.of("veo", Duration.ofSeconds(10), "fal", Duration.ofSeconds(2)),
            Duration.ofSeconds(5), 10, Duration.ofSeconds(60), Duration.ofSeconds(3), 200);

    @Test
    void eachProviderHasItsOwnIntervalWhichDoublesEveryTenLooksUpToTheLongest() {
        assertThat(schedule.interval("fal")).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.interval("luma")).as("not configured").isEqualTo(Duration.ofSeconds(5));
        assertThat(schedule.next("fal", 9)).isEqualTo(Duration.ofSeconds(2));
        assertThat(schedule.next("fal", 10)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.next("fal", 35)).isEqualTo(Duration.ofSeconds(16));
        assertThat(schedule.next("veo", 30)).isEqualTo(Duration.ofSeconds(60));
        assertThat(schedule.next("veo", 1_000)).isEqualTo(Duration.ofSeconds(60));
    }
}
