package io.cutline.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.cutline.support.Await;
import io.cutline.support.TestService;
import org.apache.camel.Route;
import org.apache.camel.component.quartz.QuartzEndpoint;
import org.junit.jupiter.api.Test;

/**
 * A channel's cron starts jobs through a Quartz route from the YAML template; editing the file
 * reschedules (an operator's 5-field cron runs as its Quartz translation), a file caught half-written
 * keeps its schedule.
 */
class ChannelScheduleTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void aScheduledChannelGetsJobsOnItsCronAndEditingTheFileStopsThem() throws Exception {
        Path root = TestService.newRoot("schedule");
        Path channels = Files.createDirectories(root.resolve("channels"));
        String quick = Files.readString(Path.of("src/test/resources/channels/quick.yaml"));
        Files.writeString(channels.resolve("quick.yaml"), quick.replace("cron: \"0 0 12 * * ?\"", "cron: \"0/2 * * * * ?\"")
                .replace("timeZone: UTC", "timeZone: Asia/Kolkata").replace("enabled: false", "enabled: true"));
        Map<String, String> settings = Map.of("cutline.channels.dir", channels.toString(),
                "cutline.signals.dir", "src/test/resources/signals", "cutline.schedules.enabled", "true",
                "cutline.jobs.concurrency", "1");

        try (TestService service = new TestService(root, settings).start()) {
            Await.until("the schedule route", TIMEOUT, Duration.ofMillis(100), () -> service.context().getRoute("schedule-quick") != null);
            Await.until("two scheduled jobs", TIMEOUT, Duration.ofMillis(100), () -> scheduledJobs(service).size() >= 2);
            List<String> keys = scheduledJobs(service);
            assertThat(keys).doesNotHaveDuplicates().allMatch(key -> key.matches("schedule:quick:\\d+"));
            long first = Long.parseLong(keys.get(0).substring("schedule:quick:".length()));
            long second = Long.parseLong(keys.get(1).substring("schedule:quick:".length()));
            assertThat(Math.abs(second - first) % 2).as("slots are the cron's 2-second ticks").isZero();

            // an editor that truncates, pauses, then writes: the half-saved file keeps the channel and its schedule
            Files.writeString(channels.resolve("quick.yaml"), "");
            Thread.sleep(2500);
            assertThat(service.context().getRoute("schedule-quick")).as("the schedule of a file being written").isNotNull();
            Files.writeString(channels.resolve("quick.yaml"), quick.replace("cron: \"0 0 12 * * ?\"", "cron: \"*/5 9-17 * * 1-5\"")
                    .replace("enabled: false", "enabled: true"));
            Await.until("the 5-field cron scheduled as Quartz", TIMEOUT, Duration.ofMillis(100),
                    () -> cron(service).equals("0 */5 9-17 ? * 2,3,4,5,6"));

            Files.writeString(channels.resolve("quick.yaml"), quick);
            Await.until("the schedule removed after the edit", TIMEOUT, Duration.ofMillis(100),
                    () -> service.context().getRoute("schedule-quick") == null);
        }
    }

    private static String cron(TestService service) {
        Route route = service.context().getRoute("schedule-quick");
        return route == null ? "" : ((QuartzEndpoint) route.getEndpoint()).getCron();
    }

    private static List<String> scheduledJobs(TestService service) {
        return service.jdbc().queryForList("SELECT request_key FROM jobs WHERE origin = 'schedule' ORDER BY request_key", String.class);
    }
}
