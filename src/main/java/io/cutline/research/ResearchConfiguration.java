package io.cutline.research;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.channel.JobChannels;
import io.cutline.config.Credentials;
import io.cutline.config.Settings;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.LearningLedger;
import io.cutline.ledger.SignalLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.writer.WritingDesk;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.ThreadPoolProfileBuilder;

/** Layer 1 (routes/research.yaml): the channel's signals gathered and stored, a ranked topic, a validated brief. */
public class ResearchConfiguration implements CamelConfiguration {

    @Override
    public void configure(CamelContext context) {
        int pollThreads = context.getRegistry().findSingleByType(Settings.class).integer("cutline.signals.poll-concurrency");
        context.getExecutorServiceManager().registerThreadPoolProfile(new ThreadPoolProfileBuilder("signalPollPool")
                .poolSize(pollThreads).maxPoolSize(pollThreads).build());
    }

    @BindToRegistry
    public SignalGatherer signalGatherer(ChannelRegistry channels, JobLedger jobs, SignalLedger signals, Settings settings, ObjectMapper json,
                                         Clock clock) {
        Duration timeout = settings.millis("cutline.signals.feed-timeout-ms");
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        String keyEnv = "cutline.signals.youtube.api-key-env";
        YouTubeTrends youtube = new YouTubeTrends(http, settings.text("cutline.signals.youtube.base-url"),
                () -> Credentials.require(settings.text(keyEnv), keyEnv), settings.integer("cutline.signals.youtube.daily-quota"),
                timeout, signals, json, clock);
        return new SignalGatherer(channels, jobs, signals, new SignalLibrary(settings.path("cutline.signals.dir"), json),
                new FeedReader(http, timeout), youtube, settings.millis("cutline.signals.reuse-within-ms"), clock);
    }

    @BindToRegistry
    public Researcher researcher(JobLedger jobs, StoryLedger stories, ChannelRegistry channels, JobChannels jobChannels, SignalLedger signals,
                                 LearningLedger learning, WritingDesk writers, Clock clock) {
        return new Researcher(jobs, stories, channels, jobChannels, signals, learning, writers, clock);
    }
}
