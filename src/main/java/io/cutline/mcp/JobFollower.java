package io.cutline.mcp;

import java.time.Duration;
import java.util.stream.Collectors;

import io.cutline.ledger.JobProgress;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Follows a job for a caller that passed a progress token: reads its progress from the ledger every
 * {@code interval} (on a timer, holding no thread between reads) and sends a progress notification
 * whenever a layer advanced, until the job is no longer RUNNING. Progress counts layers: each layer
 * adds its share done (scenes voiced of scenes, and so on), so the total is the number of layers.
 */
final class JobFollower {

    private final JobProgress progress;
    private final Duration interval;

    JobFollower(JobProgress progress, Duration interval) {
        this.progress = progress;
        this.interval = interval;
    }

    /** Completes with the job's last progress once it has ended (DONE or PARKED). */
    Mono<JobProgress.Progress> follow(McpAsyncServerExchange exchange, Object progressToken, String jobId) {
        double[] reported = {-1};
        return Flux.interval(Duration.ZERO, interval)
                // a slow ledger read skips ticks rather than failing the call
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromCallable(() -> progress.of(jobId)).subscribeOn(Schedulers.boundedElastic()))
                .concatMap(now -> {
                    double done = done(now);
                    boolean ended = !"RUNNING".equals(now.state());
                    if (done <= reported[0] && !ended) {
                        return Mono.just(now);
                    }
                    reported[0] = Math.max(done, reported[0]);
                    return exchange.progressNotification(new McpSchema.ProgressNotification(progressToken, reported[0],
                            (double) now.layers().size(), describe(now))).thenReturn(now);
                })
                .takeUntil(now -> !"RUNNING".equals(now.state()))
                .last();
    }

    /** The layers' shares done, each from 0 to 1. */
    static double done(JobProgress.Progress now) {
        return now.layers().stream().mapToDouble(layer -> "DONE".equals(layer.state()) ? 1
                : layer.total() > 0 ? Math.min(1, (double) layer.done() / layer.total()) : 0).sum();
    }

    /** e.g. "RUNNING at VOICE: RESEARCH DONE 1/1 brief, ..., VOICE RUNNING 2/3 scenes". */
    static String describe(JobProgress.Progress now) {
        return now.state() + " at " + now.step() + ": " + now.layers().stream()
                .map(layer -> layer.step() + " " + layer.state() + " " + layer.done() + "/" + layer.total() + " " + layer.unit())
                .collect(Collectors.joining(", "));
    }
}
