package io.cutline.generation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.cutline.channel.Channel;
import io.cutline.channel.JobChannels;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.StoryLedger;
import io.cutline.model.OverBudgetException;
import io.cutline.model.PermanentFailure;
import io.cutline.model.Scene;

/**
 * Layer 3's content-based router: which provider generates a scene, within the providers' circuit
 * breakers and the channel's budgets, and whether that provider is synchronous or hosted (the route
 * switches on both).
 */
public record GenerationRouter(JobChannels jobChannels, StoryLedger stories, GenerationLedger generations, GeneratorCatalog catalog,
                               ProviderHealth health, Budgets budgets, GenerationDesk desk) {

    /**
     * The provider that should generate this scene: a scene already being generated stays with its
     * provider; otherwise the first of the channel's chain for the scene's style (the style's
     * providers, the preferred provider, then the fallbacks) whose circuit is closed and whose price for
     * this scene keeps the job within the channel's per-video budget and the channel within its
     * per-day budget. None left: the job parks, saying why each was passed over (an
     * {@link OverBudgetException} when a budget turned one away, which raises {@code budget.exceeded}).
     */
    public String providerFor(String jobId, int sceneIndex) {
        Scene scene = stories.scene(jobId, sceneIndex);
        if (scene.plan() != null && scene.clipKeys().stream().anyMatch(key -> generations.find(key)
                .map(task -> task.inFlight() || task.succeeded()).orElse(false))) {
            return scene.plan().provider();
        }
        // the job's format arm may prefer another generator tier
        Channel channel = jobChannels.of(jobId);
        double narration = desk.narrationSeconds(jobId, sceneIndex);
        List<String> passedOver = new ArrayList<>();
        boolean budgetRefused = false;
        for (String candidate : channel.generationChain(scene.style())) {
            if (!catalog.isHosted(candidate)) {
                if (catalog.isSynchronous(candidate)) {
                    return candidate;
                }
                passedOver.add(candidate + ": no such provider");
                continue;
            }
            if (!health.healthy(candidate)) {
                passedOver.add(candidate + ": failing (circuit open)");
                continue;
            }
            HostedGenerator remote = catalog.hosted(candidate);
            double estimate = desk.draft(candidate, narration, scene).generatedSeconds() * remote.pricePerSecond();
            Optional<String> over = budgets.overBudget(jobId, channel, estimate, null);
            if (over.isPresent()) {
                budgetRefused = true;
                passedOver.add(candidate + ": " + over.get());
                continue;
            }
            return candidate;
        }
        String reason = "no provider can generate scene " + sceneIndex + ": " + String.join("; ", passedOver);
        throw budgetRefused ? new OverBudgetException(reason) : new PermanentFailure(reason);
    }

    /** Whether a synchronous provider (the local renderer, the footage library) makes this scene's clips. */
    public boolean synchronous(String provider) {
        return catalog.isSynchronous(provider);
    }

    /** Whether a hosted (asynchronous, paid) provider makes this scene's clips. */
    public boolean hosted(String provider) {
        return catalog.isHosted(provider);
    }
}
