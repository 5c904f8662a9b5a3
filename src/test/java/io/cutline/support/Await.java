package io.cutline.support;

import java.time.Duration;
import java.util.function.Predicate;

/**
 * Waiting in tests without fixed sleeps: looks at the system every {@code tick} until what it sees
 * satisfies the condition, so a test waits exactly as long as the system needs, and fails after
 * the deadline naming what it waited for and the last thing it saw.
 */
public final class Await {

    /** The time between two looks unless a test says otherwise. */
    public static final Duration TICK = Duration.ofMillis(50);

    /** A look at the system (a query, an HTTP call) that may throw. */
    @FunctionalInterface
    public interface Look<T> {
        T get() throws Exception;
    }

    private Await() {
    }

    /** Waits until {@code condition} is true, looking every {@link #TICK}. */
    public static void until(String what, Duration timeout, Look<Boolean> condition) throws Exception {
        until(what, timeout, TICK, condition);
    }

    /** Waits until {@code condition} is true, looking every {@code tick}. */
    public static void until(String what, Duration timeout, Duration tick, Look<Boolean> condition) throws Exception {
        value(what, timeout, tick, condition, Boolean.TRUE::equals);
    }

    /** Looks every {@link #TICK} until what {@code look} returns satisfies {@code done}, and returns that. */
    public static <T> T value(String what, Duration timeout, Look<T> look, Predicate<? super T> done) throws Exception {
        return value(what, timeout, TICK, look, done);
    }

    /** Looks every {@code tick} until what {@code look} returns satisfies {@code done}, and returns that. */
    public static <T> T value(String what, Duration timeout, Duration tick, Look<T> look, Predicate<? super T> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T seen = look.get();
            if (done.test(seen)) {
                return seen;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("waited " + timeout + " for " + what + "; last seen: " + seen);
            }
            Thread.sleep(tick.toMillis());
        }
    }
}
