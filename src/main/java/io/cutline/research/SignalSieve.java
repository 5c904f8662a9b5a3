package io.cutline.research;

import io.cutline.model.Signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.cutline.channel.Channel;

/**
 * Which signals a channel keeps, and which are the same story: a signal must mention one of the
 * channel's keywords (when it has any) and none of its negative keywords; signals with the same
 * link are one; signals whose titles are nearly the same ({@link #SAME_STORY} or more alike) are one
 * story told by several sources.
 */
final class SignalSieve {

    /** Title similarity (shared meaningful words) from which two signals are the same story. */
    static final double SAME_STORY = 0.6;

    private SignalSieve() {
    }

    /** The signals the channel's keywords let through, each link once (the first wins). */
    static List<Signal> keep(List<Signal> signals, Channel.Topics topics) {
        Set<String> links = new HashSet<>();
        return signals.stream()
                .filter(signal -> topics.keywords().isEmpty() || topics.keywords().stream().anyMatch(keyword -> mentions(signal, keyword)))
                .filter(signal -> topics.negativeKeywords().stream().noneMatch(keyword -> mentions(signal, keyword)))
                .filter(signal -> links.add(signal.link()))
                .toList();
    }

    /** The signals grouped by story: each group's first signal is the first of its story to appear. */
    static List<List<Signal>> stories(List<Signal> signals) {
        List<List<Signal>> stories = new ArrayList<>();
        Set<String> links = new HashSet<>();
        for (Signal signal : signals) {
            if (!links.add(signal.link())) {
                continue;
            }
            stories.stream()
                    .filter(story -> story.stream().anyMatch(told -> Words.similarity(told.title(), signal.title()) >= SAME_STORY))
                    .findFirst()
                    .ifPresentOrElse(story -> story.add(signal), () -> stories.add(new ArrayList<>(List.of(signal))));
        }
        return stories.stream().map(List::copyOf).toList();
    }

    private static boolean mentions(Signal signal, String keyword) {
        return Words.mentions(signal.title(), keyword) || Words.mentions(signal.summary(), keyword)
                || signal.tags().stream().anyMatch(tag -> Words.mentions(tag, keyword));
    }
}
