package io.cutline.generation;

import io.cutline.generation.clip.FirstFrame;

import io.cutline.generation.clip.ClipGenerator;
import io.cutline.generation.clip.ClipRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.model.PermanentFailure;
import io.cutline.ledger.CostLedger;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;
import io.cutline.ledger.Step;
import io.cutline.ledger.StepLog;
import io.cutline.ledger.StoryLedger;
import io.cutline.ledger.VoiceLedger;
import io.cutline.ledger.VoiceTrack;
import io.cutline.media.CorruptMediaException;
import io.cutline.media.MediaInfo;
import io.cutline.media.MediaProbe;
import io.cutline.media.MediaStore;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.provider.ProviderUnavailableException;
import io.cutline.provider.RateLimitedException;
import io.cutline.model.Scene;
import io.cutline.timing.TimingPlan;
import io.cutline.timing.TimingPlanner;

/**
 * Layer 3, per scene: decides the provider, plans the scene's clips from its measured narration
 * and the provider's producible lengths, and makes sure each distinct clip request is generated
 * once. A request whose content key already has a finished, valid clip (from this job or any other)
 * is reused, not generated again.
 */
public class GenerationDesk {

    private final JobLedger jobs;
    private final StoryLedger stories;
    private final VoiceLedger voices;
    private final GenerationLedger generations;
    private final StepLog stepLog;
    private final ChannelRegistry channels;
    private final Map<String, ClipGenerator> generators;
    private final Map<String, HostedGenerator> hosted;
    private final TimingPlanner planner;
    private final ProviderHealth health;
    private final ProviderLimits limits;
    private final Map<String, Object> budgetLocks = new java.util.concurrent.ConcurrentHashMap<>();
    private final CostLedger costs;
    private final MediaProbe probe;
    private final MediaStore media;
    private final ObjectMapper json;
    private final int shortSide;
    private final int fps;
    private final int maxAttempts;
    private final PollSchedule polls;

    public GenerationDesk(JobLedger jobs, StoryLedger stories, VoiceLedger voices, GenerationLedger generations,
                          StepLog stepLog, ChannelRegistry channels, Map<String, ClipGenerator> generators,
                          Map<String, HostedGenerator> hosted, TimingPlanner planner, ProviderHealth health, ProviderLimits limits, CostLedger costs,
                          MediaProbe probe, MediaStore media, ObjectMapper json, int shortSide, int fps, int maxAttempts,
                          PollSchedule polls) {
        this.jobs = jobs;
        this.stories = stories;
        this.voices = voices;
        this.generations = generations;
        this.stepLog = stepLog;
        this.channels = channels;
        this.generators = Map.copyOf(generators);
        this.hosted = Map.copyOf(hosted);
        this.planner = planner;
        this.health = health;
        this.limits = limits;
        this.costs = costs;
        this.probe = probe;
        this.media = media;
        this.json = json;
        this.shortSide = shortSide;
        this.fps = fps;
        this.maxAttempts = maxAttempts;
        this.polls = polls;
    }

    /**
     * The provider that should generate this scene (the routes' content-based router switches on
     * it): a scene already being generated stays with its provider; otherwise the first of the
     * channel's chain for the scene's style (the style's providers, the preferred provider, then the
     * fallbacks) whose circuit is closed and whose price for
     * this scene keeps the job within the channel's per-video budget and the channel within its
     * per-day budget. None left: the job parks, saying why each was passed over.
     */
    public String providerFor(String jobId, int sceneIndex) {
        Channel channel = channel(jobId);
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() != null && scene.clipKeys().stream().anyMatch(key -> generations.find(key)
                .map(task -> task.inFlight() || task.succeeded()).orElse(false))) {
            return scene.plan().provider();
        }
        double narration = voices.find(jobId, sceneIndex).orElseThrow(() ->
                new IllegalStateException("scene " + sceneIndex + " of job " + jobId + " has no measured narration")).durationSeconds();
        List<String> passedOver = new ArrayList<>();
        for (String candidate : channel.generationChain(scene.style())) {
            HostedGenerator remote = hosted.get(candidate);
            if (remote == null) {
                if (generators.containsKey(candidate)) {
                    return candidate;
                }
                passedOver.add(candidate + ": no such provider");
                continue;
            }
            if (!health.healthy(candidate)) {
                passedOver.add(candidate + ": failing (circuit open)");
                continue;
            }
            double estimate = planner.plan(candidate, narration, scene.visualPrompt(), remote.durations()).generatedSeconds()
                    * remote.pricePerSecond();
            Optional<String> over = overBudget(jobId, channel, estimate, null);
            if (over.isPresent()) {
                passedOver.add(candidate + ": " + over.get());
                continue;
            }
            return candidate;
        }
        throw new PermanentFailure("no provider can generate scene " + sceneIndex + ": " + String.join("; ", passedOver));
    }

    /** Why spending {@code usd} more on the job would break one of its channel's budgets, if it would. */
    private Optional<String> overBudget(String jobId, Channel channel, double usd, String excluding) {
        double job = costs.committedBy(jobId, excluding);
        if (job + usd > channel.budget().perVideoUsd().doubleValue()) {
            return Optional.of(String.format(Locale.ROOT, "$%.2f more would pass the per-video budget of $%.2f ($%.2f committed)",
                    usd, channel.budget().perVideoUsd(), job));
        }
        double day = costs.committedByChannel(channel.id(), startOfDay(channel), excluding);
        if (day + usd > channel.budget().perDayUsd().doubleValue()) {
            return Optional.of(String.format(Locale.ROOT, "$%.2f more would pass the per-day budget of $%.2f ($%.2f committed today)",
                    usd, channel.budget().perDayUsd(), day));
        }
        return Optional.empty();
    }

    private static OffsetDateTime startOfDay(Channel channel) {
        ZoneId zone = ZoneId.of(channel.schedule().timeZone());
        return LocalDate.now(zone).atStartOfDay(zone).toOffsetDateTime();
    }

    /**
     * Plans the scene's clips for {@code provider} from its measured narration, unless it already has
     * a plan for that provider (a resumed job keeps its plan and the clips made for it).
     */
    public TimingPlan plan(String jobId, int sceneIndex, String provider) {
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() != null && scene.plan().provider().equals(provider)) {
            return scene.plan();
        }
        VoiceTrack narration = voices.find(jobId, sceneIndex).orElseThrow(() ->
                new IllegalStateException("scene " + sceneIndex + " of job " + jobId + " has no measured narration"));
        TimingPlan plan = planner.plan(provider, narration.durationSeconds(), scene.visualPrompt(), durations(provider));
        stories.savePlan(jobId, sceneIndex, plan);
        return plan;
    }

    /** Whether a synchronous provider (the local renderer, the footage library) makes this scene's clips. */
    public boolean synchronous(String provider) {
        return generators.containsKey(provider);
    }

    /** Whether a hosted (asynchronous, paid) provider makes this scene's clips. */
    public boolean hosted(String provider) {
        return hosted.containsKey(provider);
    }

    /**
     * For a hosted provider: makes sure each planned clip of the scene is made, on its way, or
     * submitted now. Each submission is committed to the ledger as an intent before it is sent, and
     * its handle recorded when the reply comes; a reply that does not come leaves an unknown outcome
     * for the poller to settle with the provider. Nothing here waits for a clip.
     */
    public void submit(String jobId, int sceneIndex, String provider) {
        HostedGenerator generator = hosted.get(provider);
        Scene scene = stories.scene(jobId, sceneIndex);
        for (TimingPlan.Clip clip : scene.plan().clips()) {
            ClipRequest request = request(jobId, scene, clip, generator.takesFirstFrame());
            String key = ContentKey.of(generator.provider(), generator.model(), request, json);
            stories.attachClip(jobId, sceneIndex, clip.part(), key);
            Optional<GenerationTask> task = generations.find(key);
            if (task.isEmpty()) {
                send(jobId, sceneIndex, generator, request, key, null, false);
            } else if (task.get().state() == GenerationTask.State.DEFERRED) {
                send(jobId, sceneIndex, generator, request, key, GenerationTask.State.DEFERRED, false);
            } else if (task.get().state() == GenerationTask.State.FAILED) {
                if (task.get().attempts() >= maxAttempts) {
                    throw new PermanentFailure("clip " + key.substring(0, 12) + " failed at " + provider + " " + task.get().attempts()
                            + " times: " + task.get().error());
                }
                send(jobId, sceneIndex, generator, request, key, GenerationTask.State.FAILED, true);
            }
        }
    }

    /**
     * Sends one paid submission from a state in which it is known not to be paid for, if the
     * provider's limits leave room (if not, it waits DEFERRED for the poller). A 429 or a refused
     * connection leaves it DEFERRED (and is thrown, so the route tries again later); no reply leaves
     * it UNKNOWN; a refusal fails it.
     */
    void send(String jobId, int sceneIndex, HostedGenerator generator, ClipRequest request, String key, GenerationTask.State from,
              boolean countAttempt) {
        Channel channel = channel(jobId);
        ProviderLimits.Admission admission;
        // The router checked the budget when it chose the provider; scenes routed at the same time are
        // checked again here, with the claim, so together they cannot pass the channel's budgets.
        synchronized (budgetLocks.computeIfAbsent(channel.id(), id -> new Object())) {
            Optional<String> over = overBudget(jobId, channel, request.seconds() * generator.pricePerSecond(), key);
            if (over.isPresent()) {
                throw new OverBudgetException("clip " + key.substring(0, 12) + " at " + generator.provider() + " not sent: " + over.get());
            }
            admission = limits.admit(generator.provider(), () -> generations.claimToSend(key, generator.provider(), generator.model(),
                    write(request), jobId, request.seconds(), generator.pricePerSecond(), from, countAttempt));
        }
        if (admission.mustWait()) {
            generations.waitForRoom(key, generator.provider(), generator.model(), write(request), jobId, request.seconds(),
                    generator.pricePerSecond(), from, countAttempt, polls.interval(generator.provider()), "waiting: " + admission.waitReason());
            return;
        }
        if (!admission.claimed()) {
            return;
        }
        stepLog.begin(jobId, Step.GENERATION, sceneIndex, jobs.require(jobId).attempt());
        int attempt = generations.find(key).map(GenerationTask::attempts).orElse(1);
        try {
            generations.submitted(key, generator.submit(request, marker(key, attempt)), polls.interval(generator.provider()));
            health.succeeded(generator.provider());
            stepLog.succeed(jobId, Step.GENERATION, sceneIndex, generator.provider() + " accepted " + key.substring(0, 12));
        } catch (RateLimitedException e) {
            health.failed(generator.provider(), e);
            generations.deferred(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        } catch (ProviderUnavailableException e) {
            health.failed(generator.provider(), e);
            if (e.requestSent()) {
                generations.unknown(key, e.getMessage(), Duration.ZERO);
                stepLog.succeed(jobId, Step.GENERATION, sceneIndex, "no reply from " + generator.provider() + ": outcome unknown, to be checked");
            } else {
                generations.deferred(key, e.getMessage());
                stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
                throw e;
            }
        } catch (PermanentFailure e) {
            generations.fail(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            generations.unknown(key, e.getMessage(), Duration.ZERO);
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
        }
    }

    /**
     * The mark a submission carries for the provider to find it by: the content key, with the
     * attempt number after the first (a provider may refuse a key it has seen, even on a failed task).
     */
    static String marker(String key, int attempt) {
        return attempt <= 1 ? key : key + "-a" + attempt;
    }

    /** The content key a {@link #marker(String, int) marker} was made from. */
    public static String keyOf(String marker) {
        return marker.replaceFirst("-a\\d+$", "");
    }

    /** Whether every clip of the scene's plan is made and its file still there. */
    public boolean hasClip(String jobId, int sceneIndex) {
        Scene scene = stories.scene(jobId, sceneIndex);
        return scene.fullyGenerated() && scene.clipKeys().stream().allMatch(key -> finished(key).isPresent());
    }

    /** Generates the scene's planned clips with a synchronous provider, reusing identical finished ones. */
    public void generate(String jobId, int sceneIndex, String provider) {
        ClipGenerator generator = generator(provider);
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() == null || !scene.plan().provider().equals(provider)) {
            throw new IllegalStateException("scene " + sceneIndex + " of job " + jobId + " has no plan for " + provider);
        }
        for (TimingPlan.Clip clip : scene.plan().clips()) {
            ClipRequest request = request(jobId, scene, clip, false);
            String key = ContentKey.of(generator.provider(), generator.model(), request, json);
            if (finished(key).isEmpty()) {
                generate(jobId, sceneIndex, generator, request, key);
            }
            stories.attachClip(jobId, sceneIndex, clip.part(), key);
        }
    }

    /** The scene's clip keys in play order, for the aggregator's claim check. */
    public String clipKeys(String jobId, int sceneIndex) {
        return String.join(",", stories.scene(jobId, sceneIndex).clipKeys());
    }

    private void generate(String jobId, int sceneIndex, ClipGenerator generator, ClipRequest request, String key) {
        stepLog.begin(jobId, Step.GENERATION, sceneIndex, jobs.require(jobId).attempt());
        generations.begin(key, generator.provider(), generator.model(), write(request));
        Path target = media.clipPath(key);
        Path candidate = MediaStore.temporaryFor(target);
        try {
            generator.generate(request, candidate);
            MediaInfo clip = verify(candidate, request);
            MediaStore.moveIntoPlace(candidate, target);
            generations.succeed(key, target.toString(), clip.durationSeconds());
            stepLog.succeed(jobId, Step.GENERATION, sceneIndex, generator.provider() + " " + key.substring(0, 12));
        } catch (RuntimeException e) {
            generations.fail(key, e.getMessage());
            stepLog.fail(jobId, Step.GENERATION, sceneIndex, e.getMessage());
            throw e;
        } finally {
            MediaStore.deleteQuietly(candidate);
        }
    }

    /** When submitted clips are looked at. */
    PollSchedule polls() {
        return polls;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The request for one planned clip: the channel's frame at the configured short side; a hero
     * scene's first clip starts from the channel's opening image where the provider takes one.
     */
    ClipRequest request(String jobId, Scene scene, TimingPlan.Clip clip, boolean takesFirstFrame) {
        Channel channel = channel(jobId);
        boolean vertical = channel.format().height() > channel.format().width();
        int longSide = Math.round(shortSide * (float) Math.max(channel.format().width(), channel.format().height())
                / Math.min(channel.format().width(), channel.format().height()));
        int width = vertical ? shortSide : longSide;
        int height = vertical ? longSide : shortSide;
        String opening = channel.style().openingImage();
        FirstFrame firstFrame = opening != null && takesFirstFrame && Scene.HERO.equals(scene.style()) && clip.part() == 0
                ? FirstFrame.of(Path.of(opening)) : null;
        return new ClipRequest(clip.prompt(), clip.seconds(), width, height, fps, Integer.toUnsignedLong(clip.prompt().hashCode()),
                firstFrame);
    }

    /** The clip lengths the provider offers the timing planner. */
    private io.cutline.timing.DurationRule durations(String provider) {
        HostedGenerator remote = hosted.get(provider);
        return remote != null ? remote.durations() : generator(provider).durations();
    }

    private ClipGenerator generator(String provider) {
        ClipGenerator generator = generators.get(provider);
        if (generator == null) {
            throw new PermanentFailure("no generation adapter for provider '" + provider + "' (known: "
                    + String.join(", ", generators.keySet()) + ", " + String.join(", ", hosted.keySet()) + ")");
        }
        return generator;
    }

    Optional<GenerationTask> finished(String key) {
        return generations.find(key)
                .filter(GenerationTask::succeeded)
                .filter(task -> task.clipPath() != null && Files.isRegularFile(Path.of(task.clipPath())));
    }

    /** A download or render that is not the clip asked for (too short, another shape, not video) is an error, never a clip. */
    MediaInfo verify(Path clip, ClipRequest request) {
        MediaInfo info = probe.probe(clip);
        MediaInfo.Stream video = info.video().orElseThrow(() -> new CorruptMediaException(clip, "no video stream"));
        double frame = 1.0 / request.fps();
        if (info.durationSeconds() + frame < request.seconds()) {
            throw new CorruptMediaException(clip, String.format("%.3f s long, %.3f s were asked for",
                    info.durationSeconds(), request.seconds()));
        }
        double shape = (double) video.width() / video.height();
        double asked = (double) request.width() / request.height();
        if (Math.abs(shape - asked) > asked * 0.02) {
            throw new CorruptMediaException(clip, video.width() + "x" + video.height() + ", "
                    + request.width() + "x" + request.height() + " (or that shape) was asked for");
        }
        return info;
    }

    private Channel channel(String jobId) {
        return channels.require(jobs.require(jobId).channelId());
    }

    String write(ClipRequest request) {
        try {
            return json.writeValueAsString(request);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
