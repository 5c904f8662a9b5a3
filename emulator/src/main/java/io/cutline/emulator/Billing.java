package io.cutline.emulator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the emulated providers would bill: every billable submission per provider, and every paid
 * duplicate (the same provider given an input it was already paid for).
 */
public class Billing {

    /** Counts for one provider. */
    public record Account(long requests, long billable, long duplicates) {
    }

    private final Map<String, long[]> counts = new HashMap<>();
    private final Map<String, Set<String>> inputs = new HashMap<>();
    private final Set<String> refunded = new HashSet<>();

    public synchronized void request(String provider) {
        counts.computeIfAbsent(provider, name -> new long[3])[0]++;
    }

    /** Records a paid submission of {@code input}; true if the provider was paid for the same input before. */
    public synchronized boolean bill(String provider, String input) {
        long[] account = counts.computeIfAbsent(provider, name -> new long[3]);
        account[1]++;
        boolean duplicate = !inputs.computeIfAbsent(provider, name -> new HashSet<>()).add(input);
        if (duplicate) {
            account[2]++;
        }
        return duplicate;
    }

    /** A task that failed is not charged: its input may be submitted again without it being a paid duplicate. */
    public synchronized void refund(String provider, String input, String taskId) {
        if (refunded.add(taskId)) {
            counts.computeIfAbsent(provider, name -> new long[3])[1]--;
            inputs.getOrDefault(provider, new HashSet<>()).remove(input);
        }
    }

    /** What the provider was asked to bill for (e.g. ElevenLabs: model|voice|text), each input once. */
    public synchronized Set<String> inputs(String provider) {
        return Set.copyOf(inputs.getOrDefault(provider, Set.of()));
    }

    public synchronized Map<String, Account> accounts() {
        Map<String, Account> accounts = new HashMap<>();
        counts.forEach((provider, account) -> accounts.put(provider, new Account(account[0], account[1], account[2])));
        return accounts;
    }

    public synchronized void reset() {
        counts.clear();
        inputs.clear();
        refunded.clear();
    }
}
