package io.cutline.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Which requests get which faults, per provider: a queue of faults for the next requests, and
 * faults that hit any request with a probability (seeded, so a run can be repeated). The provider
 * {@value #ANY} stands for every call the emulator serves (submissions, polls, lookups, downloads).
 */
public class FaultPlan {

    /** The provider name of random faults that hit every call, whatever its provider. */
    public static final String ANY = "*";

    /** Per provider, what the next requests get: a fault, or (empty) none. */
    private final Map<String, Deque<Optional<Fault>>> queued = new HashMap<>();
    private final Map<String, Map<Fault, Double>> random = new HashMap<>();
    private final Map<String, Integer> injected = new java.util.TreeMap<>();
    private final Random dice;

    public FaultPlan(long seed) {
        this.dice = new Random(seed);
    }

    /** The next {@code count} requests to {@code provider} get {@code fault}. */
    public synchronized void queue(String provider, Fault fault, int count) {
        Deque<Optional<Fault>> faults = queued.computeIfAbsent(provider, name -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            faults.add(Optional.of(fault));
        }
    }

    /** The next {@code count} requests to {@code provider} get no fault (so a fault queued after them hits a later request). */
    public synchronized void pass(String provider, int count) {
        Deque<Optional<Fault>> faults = queued.computeIfAbsent(provider, name -> new ArrayDeque<>());
        for (int i = 0; i < count; i++) {
            faults.add(Optional.empty());
        }
    }

    /** Every request to {@code provider} gets {@code fault} with {@code probability}. */
    public synchronized void sometimes(String provider, Fault fault, double probability) {
        random.computeIfAbsent(provider, name -> new HashMap<>()).put(fault, probability);
    }

    public synchronized void clear() {
        queued.clear();
        random.clear();
    }

    /** How many faults were handed out so far, by provider and kind (e.g. {@code kling LOST_REPLY}). */
    public synchronized Map<String, Integer> injected() {
        return Map.copyOf(injected);
    }

    /** The fault for this request to {@code provider}, if any. */
    public synchronized Optional<Fault> next(String provider) {
        Optional<Fault> fault = draw(provider);
        fault.ifPresent(chosen -> injected.merge(provider + " " + chosen.kind(), 1, Integer::sum));
        return fault;
    }

    private Optional<Fault> draw(String provider) {
        Deque<Optional<Fault>> faults = queued.get(provider);
        if (faults != null && !faults.isEmpty()) {
            return faults.poll();
        }
        double roll = dice.nextDouble();
        double cumulative = 0;
        for (String name : new String[] {provider, ANY}) {
            for (Map.Entry<Fault, Double> entry : random.getOrDefault(name, Map.of()).entrySet()) {
                cumulative += entry.getValue();
                if (roll < cumulative) {
                    return Optional.of(entry.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
