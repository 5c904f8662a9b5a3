package io.cutline.writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.cutline.channel.Channel;
import io.cutline.model.Brief;
import io.cutline.model.PlatformRules;
import io.cutline.model.Platforms;
import io.cutline.model.Storyboard;
import io.cutline.timing.DurationRule;

/**
 * The rules a brief and a storyboard must keep besides their schemas, whoever wrote them; each
 * problem names its field, so that a model can be told exactly what to fix.
 *
 * <ul>
 *   <li>Length: the brief is for the channel's target length, and its words, spoken at the channel's
 *       words per minute, fill it within {@code lengthTolerance}; so do the storyboard's scenes.</li>
 *   <li>Scenes: no scene runs longer than {@code clipsPerScene} of the longest clips the channel's video
 *       provider makes (the timing planner splits a longer scene into clips of the same shot), nor
 *       shorter than {@code minSceneSeconds}; so their number fits the target length.</li>
 *   <li>Speaking rate: a scene's narration spoken in the scene's {@code seconds} is within the channel's
 *       words per minute ± {@code rateTolerance}.</li>
 *   <li>One shot per visual prompt: a generator makes one continuous shot per clip, so a prompt must not
 *       order events in time ({@code then}, {@code next}, {@code afterwards}, {@code finally}, {@code
 *       followed by}...), ask for an edit ({@code cut to}, {@code fade to}, {@code dissolve}, {@code
 *       transition}, {@code montage}, {@code split screen}...), or list steps ({@code 1. ... 2. ...},
 *       arrows).</li>
 *   <li>The hook opens the video: scene 1's narration carries the brief's hook.</li>
 *   <li>Platform limits: the title, description and number of hashtags fit every platform the channel
 *       publishes to (nothing is cut later that the writer meant to say).</li>
 * </ul>
 */
public class StoryRules {

    private static final Pattern SEQUENCE = Pattern.compile("\\b(then|next|afterwards?|after that|later|finally|subsequently|meanwhile"
            + "|followed by|eventually|in the end|at last|soon after|before that)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CUT = Pattern.compile("\\b(cuts? (?:to|back|away)|cutting (?:to|back|away)|smash cut|jump cut|hard cut"
            + "|match cut|cross-?fades?|dissolves? (?:to|into)|fades? (?:to|into|out|in)|transitions? (?:to|into)|wipes? to|montage"
            + "|split[- ]screen|new scene|next scene|scene change|another scene|second scene|next shot|another shot)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STEPS = Pattern.compile("->|→|=>|>>|(?:^|\\s)(?:\\d+[.)]|step \\d+)\\s", Pattern.CASE_INSENSITIVE);

    private final Platforms platforms;
    private final Map<String, DurationRule> clipLengths;
    private final double lengthTolerance;
    private final double rateTolerance;
    private final double minSceneSeconds;
    private final int clipsPerScene;

    /** {@code clipLengths}: the clip lengths each video provider makes, by name; tolerances as fractions (0.15 = ±15%). */
    public StoryRules(Platforms platforms, Map<String, DurationRule> clipLengths, double lengthTolerance, double rateTolerance,
                      double minSceneSeconds, int clipsPerScene) {
        this.platforms = platforms;
        this.clipLengths = Map.copyOf(clipLengths);
        this.lengthTolerance = lengthTolerance;
        this.rateTolerance = rateTolerance;
        this.minSceneSeconds = minSceneSeconds;
        this.clipsPerScene = clipsPerScene;
    }

    public List<String> brief(Channel channel, Brief brief) {
        List<String> problems = new ArrayList<>();
        if (brief.targetSeconds() != channel.targetSeconds()) {
            problems.add("targetSeconds: is " + brief.targetSeconds() + ", the channel's target length is " + channel.targetSeconds());
        }
        int words = words(brief.hook()) + words(brief.callToAction()) + brief.beats().stream().mapToInt(StoryRules::words).sum();
        length(channel, "hook, beats and callToAction", words * 60.0 / channel.voice().wordsPerMinuteOrDefault(), problems);
        return problems;
    }

    public List<String> storyboard(Channel channel, Brief brief, Storyboard storyboard) {
        List<String> problems = new ArrayList<>();
        List<Storyboard.SceneDraft> scenes = storyboard.scenes();
        if (!normal(scenes.get(0).narration()).contains(normal(brief.hook()))) {
            problems.add("scenes[0].narration: the first scene must speak the brief's hook: \"" + brief.hook() + "\"");
        }
        int wordsPerMinute = channel.voice().wordsPerMinuteOrDefault();
        DurationRule clips = clipLengths.get(channel.generationProvider());
        double total = 0;
        for (int i = 0; i < scenes.size(); i++) {
            Storyboard.SceneDraft scene = scenes.get(i);
            int words = words(scene.narration());
            double seconds = seconds(scene, wordsPerMinute);
            total += seconds;
            String field = "scenes[" + i + "]";
            if (scene.seconds() != null) {
                double rate = words * 60.0 / seconds;
                if (Math.abs(rate - wordsPerMinute) > wordsPerMinute * rateTolerance) {
                    problems.add(field + ": " + words + " words in " + number(seconds) + " s is " + Math.round(rate)
                            + " words a minute; the channel speaks " + wordsPerMinute + " (" + bounds(wordsPerMinute, rateTolerance) + ")");
                }
            }
            if (clips != null && seconds > clips.longest() * clipsPerScene + 1e-9) {
                problems.add(field + ": runs " + number(seconds) + " s, longer than " + clipsPerScene + " of the longest clips "
                        + channel.generationProvider() + " makes (" + number(clips.longest()) + " s): split it into shorter scenes");
            }
            if (seconds < minSceneSeconds) {
                problems.add(field + ": runs " + number(seconds) + " s, shorter than a scene may be (" + number(minSceneSeconds) + " s)");
            }
            oneShot(scene.visualPrompt()).forEach(problem -> problems.add(field + ".visualPrompt: " + problem));
            scene.facts().stream().filter(beat -> beat > brief.beats().size()).findFirst().ifPresent(beat -> problems.add(field
                    + ".facts: there is no beat " + beat + "; the brief has " + brief.beats().size() + " (numbered from 1)"));
        }
        length(channel, "scenes", total, problems);
        platformLimits(channel, storyboard, problems);
        return problems;
    }

    /** How long a storyboard runs: each scene its {@code seconds}, or its narration spoken at the channel's rate. */
    public static double runningSeconds(Channel channel, Storyboard storyboard) {
        int wordsPerMinute = channel.voice().wordsPerMinuteOrDefault();
        return storyboard.scenes().stream().mapToDouble(scene -> seconds(scene, wordsPerMinute)).sum();
    }

    private static double seconds(Storyboard.SceneDraft scene, int wordsPerMinute) {
        return scene.seconds() != null ? scene.seconds() : words(scene.narration()) * 60.0 / wordsPerMinute;
    }

    /**
     * A translation keeps the original's scenes one for one (each language plays the same clips), says
     * something in each, and fits the platforms' limits. Its speaking rate is not held to the channel's:
     * languages take different numbers of words to say the same, and the clips are planned for the
     * longest narration among them.
     */
    public List<String> translation(Channel channel, Storyboard original, Storyboard translation) {
        List<String> problems = new ArrayList<>();
        if (translation.scenes().size() != original.scenes().size()) {
            problems.add("scenes: " + translation.scenes().size() + " scenes, the storyboard translated has " + original.scenes().size()
                    + ": translate each scene's narration, one for one");
        }
        for (int i = 0; i < translation.scenes().size(); i++) {
            if (words(translation.scenes().get(i).narration()) == 0) {
                problems.add("scenes[" + i + "].narration: empty; translate the original's narration");
            }
        }
        platformLimits(channel, translation, problems);
        return problems;
    }

    private void platformLimits(Channel channel, Storyboard storyboard, List<String> problems) {
        for (String platform : channel.platforms()) {
            PlatformRules rules = platforms.of(platform);
            limit("title", storyboard.title(), rules.titleMax(), platform, problems);
            limit("description", storyboard.description(), rules.descriptionMax(), platform, problems);
            if (storyboard.hashtags().size() > rules.hashtagMax()) {
                problems.add("hashtags: " + storyboard.hashtags().size() + " hashtags, " + platform + " takes at most " + rules.hashtagMax());
            }
        }
    }

    /** Why a visual prompt is more than one shot: each word or sign that orders events, asks for an edit or lists steps. */
    public static List<String> oneShot(String prompt) {
        List<String> problems = new ArrayList<>();
        found(SEQUENCE, prompt, "describe one shot: \"%s\" orders events in time", problems);
        found(CUT, prompt, "describe one shot: \"%s\" asks for an edit between shots", problems);
        found(STEPS, prompt, "describe one shot: \"%s\" lists steps", problems);
        return problems;
    }

    private static void found(Pattern pattern, String text, String message, List<String> problems) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            problems.add(String.format(Locale.ROOT, message, matcher.group().strip()));
        }
    }

    private void length(Channel channel, String what, double seconds, List<String> problems) {
        int target = channel.targetSeconds();
        if (Math.abs(seconds - target) > target * lengthTolerance) {
            problems.add(what + ": run " + number(seconds) + " s at " + channel.voice().wordsPerMinuteOrDefault()
                    + " words a minute; the target is " + target + " s (" + bounds(target, lengthTolerance) + ")");
        }
    }

    private static void limit(String field, String text, int max, String platform, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (length > max) {
            problems.add(field + ": " + length + " characters, " + platform + " takes at most " + max);
        }
    }

    private static String bounds(double value, double tolerance) {
        return "±" + Math.round(tolerance * 100) + "%: " + number(value * (1 - tolerance)) + "-" + number(value * (1 + tolerance));
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
    }

    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }
}
