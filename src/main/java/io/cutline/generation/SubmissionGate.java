package io.cutline.generation;

import io.cutline.model.OverBudgetException;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.cutline.channel.Channel;
import io.cutline.channel.ChannelRegistry;
import io.cutline.generation.clip.ClipRequest;
import io.cutline.generation.hosted.HostedGenerator;
import io.cutline.ledger.GenerationLedger;
import io.cutline.ledger.GenerationTask;
import io.cutline.ledger.JobLedger;

/**
 * What a paid clip passes before it is sent: its channel's budgets, checked again, and its
 * provider's limits. Passing commits the intent to send to the ledger, so the clip counts as in
 * flight (and as money committed) before the POST leaves.
 */
public class SubmissionGate {

    private final JobLedger jobs;
    private final ChannelRegistry channels;
    private final Budgets budgets;
    private final ProviderLimits limits;
    private final GenerationLedger generations;
    private final ClipRequests requests;
    private final PollSchedule polls;
    private final Map<String, Object> budgetLocks = new ConcurrentHashMap<>();

    public SubmissionGate(JobLedger jobs, ChannelRegistry channels, Budgets budgets, ProviderLimits limits, GenerationLedger generations,
                          ClipRequests requests, PollSchedule polls) {
        this.jobs = jobs;
        this.channels = channels;
        this.budgets = budgets;
        this.limits = limits;
        this.generations = generations;
        this.requests = requests;
        this.polls = polls;
    }

    /**
     * Whether this node sends the clip now, its intent committed. If the provider's limits leave no
     * room it waits DEFERRED for the poller; if another sender holds it, it is left to that one.
     *
     * @throws OverBudgetException if sending it would now pass one of the channel's budgets
     */
    boolean admit(String jobId, HostedGenerator generator, ClipRequest request, String key, GenerationTask.State from,
                  boolean countAttempt) {
        Channel channel = channels.require(jobs.require(jobId).channelId());
        ProviderLimits.Admission admission;
        // The router checked the budget when it chose the provider; scenes routed at the same time are
        // checked again here, with the claim, so together they cannot pass the channel's budgets.
        synchronized (budgetLocks.computeIfAbsent(channel.id(), id -> new Object())) {
            Optional<String> over = budgets.overBudget(jobId, channel, request.seconds() * generator.pricePerSecond(), key);
            if (over.isPresent()) {
                throw new OverBudgetException("clip " + key.substring(0, 12) + " at " + generator.provider() + " not sent: " + over.get());
            }
            admission = limits.admit(generator.provider(), () -> generations.claimToSend(key, generator.provider(), generator.model(),
                    requests.write(request), jobId, request.seconds(), generator.pricePerSecond(), from, countAttempt));
        }
        if (admission.mustWait()) {
            generations.waitForRoom(key, generator.provider(), generator.model(), requests.write(request), jobId, request.seconds(),
                    generator.pricePerSecond(), from, countAttempt, polls.interval(generator.provider()), "waiting: " + admission.waitReason());
            return false;
        }
        return admission.claimed();
    }
}
