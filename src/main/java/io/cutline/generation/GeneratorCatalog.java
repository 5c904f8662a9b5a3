package io.cutline.generation;

import java.util.Map;
import java.util.Set;

import io.cutline.generation.clip.ClipGenerator;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.model.PermanentFailure;
import io.cutline.timing.DurationRule;

/**
 * The video generators this service knows, by provider name: the synchronous ones (the local
 * renderer, the footage library: the clip is there when the call returns) and the hosted, paid ones
 * (a submission now, a clip later).
 */
public class GeneratorCatalog {

    private final Map<String, ClipGenerator> synchronous;
    private final Map<String, HostedGenerator> hosted;

    public GeneratorCatalog(Map<String, ClipGenerator> synchronous, Map<String, HostedGenerator> hosted) {
        this.synchronous = Map.copyOf(synchronous);
        this.hosted = Map.copyOf(hosted);
    }

    /** The names of the hosted providers, for their per-provider settings. */
    Set<String> hostedProviders() {
        return hosted.keySet();
    }

    boolean isSynchronous(String provider) {
        return synchronous.containsKey(provider);
    }

    boolean isHosted(String provider) {
        return hosted.containsKey(provider);
    }

    ClipGenerator synchronous(String provider) {
        ClipGenerator generator = synchronous.get(provider);
        if (generator == null) {
            throw unknown(provider);
        }
        return generator;
    }

    HostedGenerator hosted(String provider) {
        HostedGenerator generator = hosted.get(provider);
        if (generator == null) {
            throw unknown(provider);
        }
        return generator;
    }

    /** The clip lengths the provider offers the timing planner. */
    DurationRule durations(String provider) {
        return isHosted(provider) ? hosted(provider).durations() : synchronous(provider).durations();
    }

    private PermanentFailure unknown(String provider) {
        return new PermanentFailure("no generation adapter for provider '" + provider + "' (known: "
                + String.join(", ", synchronous.keySet()) + ", " + String.join(", ", hosted.keySet()) + ")");
    }
}
