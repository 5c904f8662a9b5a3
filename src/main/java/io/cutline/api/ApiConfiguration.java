package io.cutline.api;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.ChannelRegistry;
import io.cutline.job.CallerStories;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.HookLedger;
import io.cutline.ledger.LanguageLedger;
import io.cutline.ledger.PublicationLedger;
import io.cutline.ledger.QualityLedger;
import io.cutline.ledger.ReadyQueue;
import io.cutline.ledger.ShortLedger;
import io.cutline.ledger.RenderLedger;
import io.cutline.ledger.JobProgress;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.WebhookLedger;
import io.cutline.config.Secrets;
import io.cutline.config.Settings;
import io.cutline.provider.DownloadLinks;
import io.cutline.feedback.FormatLearner;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelConfiguration;

/** The REST API (routes/api.yaml): who may call it, job views, requests, media files, provider webhooks, the headers that may leave. */
public class ApiConfiguration implements CamelConfiguration {

    @BindToRegistry
    public JobViews jobViews(JobLedger jobs, StepLog stepLog, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                             RenderLedger renders, PublicationLedger publications, QualityLedger quality, CostLedger costs,
                             JobProgress progress, LanguageLedger languages, HookLedger hooks, ShortLedger shorts, ReadyQueue readyQueue,
                             ChannelRegistry channels, Clock clock) {
        return new JobViews(jobs, stepLog, stories, new SceneViews(stories, voices, generations),
                new OutputViews(renders, quality, publications, shorts, readyQueue, channels, clock), costs, progress, languages, hooks);
    }

    @BindToRegistry
    public JobApi jobApi(JobLedger jobs, JobViews views, ChannelRegistry channels, CallerStories callerStories, CostLedger costs,
                         WebhookLedger webhooks, ObjectMapper json, Settings settings) {
        return new JobApi(jobs, views, channels, callerStories, costs, webhooks, json, settings.integer("cutline.jobs.max-unfinished"));
    }

    @BindToRegistry
    public PerformanceApi performanceApi(FormatLearner learner, ObjectMapper json) {
        return new PerformanceApi(learner, json);
    }

    /**
     * {@code CUTLINE_API_TOKEN} (the variable cutline.api.token-env names) and the optional tokens file.
     * Without an HTTP server (produce, demo) no token is made: the one a running serve wrote stays.
     */
    @BindToRegistry
    public JobMedia jobMedia(JobLedger jobs, RenderLedger renders, StoryLedger stories, GenerationLedger generations, Settings settings) {
        return new JobMedia(jobs, renders, stories, generations, settings.path("cutline.media.dir"));
    }

    @BindToRegistry
    public MediaAnswer mediaAnswer(Settings settings) {
        return new MediaAnswer(settings.integer("cutline.api.max-range-bytes"));
    }

    @BindToRegistry
    public ApiTokens apiTokens(Settings settings) {
        return ApiTokens.load(settings.optional("cutline.api.token-env").map(System::getenv).orElse(null),
                settings.optional("cutline.api.tokens-file").map(Path::of).orElse(null),
                settings.flag("camel.server.enabled") ? settings.path("cutline.api.generated-token-file") : null);
    }

    @BindToRegistry
    public ApiAccess apiAccess(ApiTokens tokens, Settings settings) {
        return new ApiAccess(tokens, settings.flag("cutline.observe.metrics-open"), settings.integer("cutline.api.jobs-per-minute"));
    }

    @BindToRegistry
    public MetricsScrape metricsScrape(CamelContext context) {
        return new MetricsScrape(context);
    }

    /**
     * Refuses to serve the API beyond this machine without a configured token: a service reachable
     * from the network must not rely on a token made for one run.
     */
    @Override
    public void configure(CamelContext context) throws Exception {
        Settings settings = context.getRegistry().findSingleByType(Settings.class);
        if (!settings.flag("camel.server.enabled")) {
            return;
        }
        String host = settings.text("camel.server.host");
        if (!isLoopback(host) && !context.getRegistry().findSingleByType(ApiTokens.class).configured()) {
            throw new IllegalStateException("camel.server.host is " + host + " (beyond this machine) but no API token is configured: "
                    + "set CUTLINE_API_TOKEN (or cutline.api.tokens-file), or listen on 127.0.0.1");
        }
        context.addStartupListener(new ApiErrorAnswers(settings.integer("camel.server.port"),
                context.getRegistry().findSingleByType(ObjectMapper.class)));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("camel.server.host: unknown host '" + host + "'", e);
        }
    }

    @BindToRegistry
    public ApiHeaderFilter apiHeaderFilter() {
        return new ApiHeaderFilter();
    }

    /** Signed links to renditions (cutline.downloads.*): the secret from the variable named there, read once at start. */
    @BindToRegistry
    public RenderDownloads renderDownloads(RenderLedger renders, Clock clock, Settings settings) {
        String variable = settings.text("cutline.downloads.secret-env");
        String secret = System.getenv(variable);
        return new RenderDownloads(renders, secret == null || secret.isBlank() ? null
                : new DownloadLinks(Secrets.register(secret), null), variable, clock);
    }

    @BindToRegistry
    public ProviderHooks providerHooks(GenerationLedger generations) {
        return new ProviderHooks(generations);
    }
}
