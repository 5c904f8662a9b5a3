package io.cutline.channel;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.cutline.model.Rendition;

/**
 * A channel as declared in {@code config/channels/<id>.yaml} (schema: {@code schemas/channel.schema.json}).
 * Credentials are never values here, only names of environment variables.
 */
public record Channel(
        String id,
        String name,
        String niche,
        String language,
        Voice voice,
        Style style,
        List<String> platforms,
        Format format,
        int targetSeconds,
        Schedule schedule,
        Budget budget,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<SignalSource> signals,
        Generation generation,
        Music music,
        List<String> renditions,
        Writer writer,
        List<Webhook> webhooks,
        Topics topics,
        Testing testing,
        List<String> languages,
        Publishing publishing,
        Shorts shorts) {

    public Channel {
        signals = signals == null || signals.isEmpty() ? List.of(SignalSource.ofFile(id + ".yaml")) : List.copyOf(signals);
        topics = topics == null ? new Topics(null, null, null) : topics;
        testing = testing == null ? new Testing(null, null, null) : testing;
        languages = languages == null ? List.of() : List.copyOf(languages);
        publishing = publishing == null ? new Publishing(null) : publishing;
    }

    /** The languages each video is also made in (its own video and publications each): {@code languages} besides {@code language}. */
    public List<String> otherLanguages() {
        return languages.stream().filter(other -> !other.equals(language)).distinct().toList();
    }

    /**
     * The channel as a job given {@code arm} sees it: the arm's length band, hook style, caption style,
     * voice and generator instead of the channel's own.
     */
    public Channel forArm(String arm) {
        Channel shaped = testing.targetSeconds(arm).stream().mapToObj(this::withTargetSeconds).findFirst().orElse(this);
        shaped = testing.hookStyle(arm).map(shaped::withHookStyle).orElse(shaped);
        shaped = testing.voiceName(arm).map(shaped::withVoiceName).orElse(shaped);
        shaped = testing.generator(arm).map(shaped::withGenerator).orElse(shaped);
        return testing.captionStyle(arm).map(shaped::withCaptionStyle).orElse(shaped);
    }

    private Channel withVoiceName(String voiceName) {
        return new Channel(id, name, niche, language, new Voice(voice.provider(), voiceName, voice.wordsPerMinute(), voice.pitch()), style,
                platforms, format, targetSeconds, schedule, budget, signals, generation, music, renditions, writer, webhooks, topics, testing,
                languages, publishing, shorts);
    }

    /** The generator preferred before the channel's own (its style routes and fallbacks kept; the channel's own becomes the first fallback). */
    private Channel withGenerator(String provider) {
        List<String> fallback = new ArrayList<>();
        fallback.add(generationProvider());
        if (generation != null && generation.fallback() != null) {
            fallback.addAll(generation.fallback());
        }
        fallback.remove(provider);
        Generation preferred = new Generation(provider, fallback.stream().distinct().toList(), generation == null ? null : generation.styles());
        return new Channel(id, name, niche, language, voice, style, platforms, format, targetSeconds, schedule, budget, signals, preferred, music,
                renditions, writer, webhooks, topics, testing, languages, publishing, shorts);
    }

    /** The first moment after {@code after} that is {@code time} of day in the channel's time zone. */
    public Instant nextPostingTime(LocalTime time, Instant after) {
        ZoneId zone = ZoneId.of(schedule.timeZone());
        ZonedDateTime candidate = after.atZone(zone).with(time);
        while (!candidate.toInstant().isAfter(after)) {
            candidate = candidate.plusDays(1).with(time);
        }
        return candidate.toInstant();
    }

    /** The same channel with another target length (a job's length band, or the length its brief was written for). */
    public Channel withTargetSeconds(int seconds) {
        return new Channel(id, name, niche, language, voice, style, platforms, format, seconds, schedule, budget, signals, generation, music,
                renditions, writer, webhooks, topics, testing, languages, publishing, shorts);
    }

    private Channel withHookStyle(String hookStyle) {
        Writer styled = writer == null ? new Writer(null, null, null, hookStyle)
                : new Writer(writer.provider(), writer.model(), writer.fallback(), hookStyle);
        return new Channel(id, name, niche, language, voice, style, platforms, format, targetSeconds, schedule, budget, signals, generation, music,
                renditions, styled, webhooks, topics, testing, languages, publishing, shorts);
    }

    /** {@code plain} captions have no highlight colour; {@code word-highlight} ones keep the channel's, or get the default. */
    private Channel withCaptionStyle(String captionStyle) {
        Captions own = style.captions() == null ? new Captions(null, null, null, null, null, null) : style.captions();
        String highlight = Testing.PLAIN_CAPTIONS.equals(captionStyle) ? null
                : own.highlightColor() == null ? Captions.DEFAULT_HIGHLIGHT : own.highlightColor();
        Captions captions = new Captions(own.font(), own.size(), own.color(), own.outlineColor(), own.wordsPerCaption(), highlight);
        return new Channel(id, name, niche, language, voice, new Style(style.visual(), captions, style.openingImage()), platforms, format,
                targetSeconds, schedule, budget, signals, generation, music, renditions, writer, webhooks, topics, testing, languages, publishing,
                shorts);
    }

    /**
     * The format dimensions the channel lets the feedback loop test, each with the values to try: the
     * length band ({@code lengthSeconds}, the brief's target length), the writer's hook style
     * ({@code hookStyles}), the captions' look ({@code captionStyles}: {@code plain} or
     * {@code word-highlight}), the narrating voice ({@code voices}: names of the channel's voice
     * provider), the generator tier ({@code generators}: generation providers) and the posting time
     * ({@code postingTimes}: {@code HH:mm} in the channel's time zone). Each value is named as an arm
     * part ({@code length-45s}, {@code hook-question}, {@code captions-plain}, {@code voice-en-gb},
     * {@code generator-fal}, {@code post-1800}); a job's arm is one value of each tested dimension
     * joined by {@code +}. Nothing tested: one arm, the channel's own format. {@code hookVariants}: each
     * brief ships that many hook variants (none: one video per brief).
     */
    public record Testing(List<Integer> lengthSeconds, List<String> hookStyles, List<String> captionStyles, List<String> voices,
                          List<String> generators, List<String> postingTimes, HookVariants hookVariants) {

        public static final String PLAIN_CAPTIONS = "plain";
        private static final String LENGTH = "length";
        public static final String HOOK = "hook";
        private static final String CAPTIONS = "captions";
        private static final String VOICE = "voice";
        private static final String GENERATOR = "generator";
        private static final String POSTING = "post";
        private static final String FORMAT = "format";
        private static final String JOIN = "+";

        public Testing {
            lengthSeconds = lengthSeconds == null ? List.of() : List.copyOf(lengthSeconds);
            hookStyles = hookStyles == null ? List.of() : List.copyOf(hookStyles);
            captionStyles = captionStyles == null ? List.of() : List.copyOf(captionStyles);
            voices = voices == null ? List.of() : List.copyOf(voices);
            generators = generators == null ? List.of() : List.copyOf(generators);
            postingTimes = postingTimes == null ? List.of() : List.copyOf(postingTimes);
        }

        public Testing(List<Integer> lengthSeconds, List<String> hookStyles, List<String> captionStyles) {
            this(lengthSeconds, hookStyles, captionStyles, null, null, null, null);
        }

        /** How many videos each brief makes: its hook variants, or one. */
        public int variantCount() {
            return hookVariants == null ? 1 : hookVariants.count();
        }

        /** {@code arm} with its hook style replaced by {@code hookStyle} (its other values kept). */
        public String withHookStyle(String arm, String hookStyle) {
            List<String> hooks = dimensions().getOrDefault(HOOK, List.of());
            return arm(values(arm).stream().map(value -> hooks.contains(value) ? HOOK + "-" + hookStyle : value).toList());
        }

        /**
         * Each tested dimension ({@code length}, {@code hook}, {@code captions}, {@code voice}, {@code generator},
         * {@code post}) with its values as arm
         * parts, in that order; nothing tested: the one dimension {@code format} with {@code channel-format}.
         */
        public Map<String, List<String>> dimensions() {
            Map<String, List<String>> dimensions = new LinkedHashMap<>();
            if (!lengthSeconds.isEmpty()) {
                dimensions.put(LENGTH, lengthSeconds.stream().map(seconds -> LENGTH + "-" + seconds + "s").toList());
            }
            if (!hookStyles.isEmpty()) {
                dimensions.put(HOOK, parts(HOOK, hookStyles));
            }
            if (!captionStyles.isEmpty()) {
                dimensions.put(CAPTIONS, parts(CAPTIONS, captionStyles));
            }
            if (!voices.isEmpty()) {
                dimensions.put(VOICE, parts(VOICE, voices));
            }
            if (!generators.isEmpty()) {
                dimensions.put(GENERATOR, parts(GENERATOR, generators));
            }
            if (!postingTimes.isEmpty()) {
                dimensions.put(POSTING, parts(POSTING, postingTimes.stream().map(time -> time.replace(":", "")).toList()));
            }
            return dimensions.isEmpty() ? Map.of(FORMAT, List.of(CHANNEL_FORMAT)) : dimensions;
        }

        /** The arm made of one value of each dimension (e.g. {@code length-45s+hook-question}). */
        public static String arm(List<String> values) {
            return String.join(JOIN, values);
        }

        /** The values an arm is made of; an arm of one dimension is its one value. */
        public static List<String> values(String arm) {
            return List.of(arm.split(Pattern.quote(JOIN)));
        }

        /** The target length an arm asks for, or empty for the channel's own. */
        public OptionalInt targetSeconds(String arm) {
            List<String> bands = dimensions().getOrDefault(LENGTH, List.of());
            List<String> values = values(arm);
            for (int i = 0; i < bands.size(); i++) {
                if (values.contains(bands.get(i))) {
                    return OptionalInt.of(lengthSeconds.get(i));
                }
            }
            return OptionalInt.empty();
        }

        /** The hook style an arm asks of the writer, or empty for the writer's own. */
        public Optional<String> hookStyle(String arm) {
            return listed(HOOK, arm);
        }

        /** The caption style an arm asks of the assembly, or empty for the channel's own captions. */
        public Optional<String> captionStyle(String arm) {
            return listed(CAPTIONS, arm);
        }

        /** The voice (of the channel's voice provider) an arm narrates with, or empty for the channel's own. */
        public Optional<String> voiceName(String arm) {
            return listed(VOICE, arm);
        }

        /** The generation provider an arm prefers, or empty for the channel's own. */
        public Optional<String> generator(String arm) {
            return listed(GENERATOR, arm);
        }

        /** The time of day (in the channel's time zone) an arm posts at, or empty for the channel's own publishing. */
        public Optional<LocalTime> postingTime(String arm) {
            return listed(POSTING, arm).map(time -> LocalTime.of(Integer.parseInt(time.substring(0, 2)), Integer.parseInt(time.substring(2))));
        }

        private Optional<String> listed(String dimension, String arm) {
            return dimensions().getOrDefault(dimension, List.of()).stream().filter(values(arm)::contains).findFirst()
                    .map(value -> value.substring(dimension.length() + 1));
        }

        private static List<String> parts(String dimension, List<String> styles) {
            return styles.stream().map(style -> dimension + "-" + style).toList();
        }
    }

    /**
     * Hook variants: {@code count} videos per brief that differ in their opening line and title only.
     * {@code spread}: {@code platforms} (the default: variant n goes to the channel's n-th platform only,
     * round the list again past its end) or {@code slots} (each variant to every platform, in a slot of its own).
     */
    public record HookVariants(int count, String spread) {

        public static final String PLATFORMS = "platforms";
        public static final String SLOTS = "slots";

        public HookVariants {
            spread = spread == null ? PLATFORMS : spread;
        }

        /** The one platform variant {@code number} (1 the brief's own) goes to, or empty when it goes to all of them. */
        public Optional<String> platformOf(int number, List<String> platforms) {
            return SLOTS.equals(spread) ? Optional.empty() : Optional.of(platforms.get((number - 1) % platforms.size()));
        }
    }

    /**
     * Shorts cut from each (horizontal) video: {@code count} of them, reframed to 9:16 by a blurred fill
     * ({@code blur}) or a centre crop ({@code crop}), published on {@code platforms} (default: the
     * channel's); lengths and title format default to the {@code cutline.shorts.*} settings.
     */
    public record Shorts(int count, String reframe, List<String> platforms, Integer minSeconds, Integer maxSeconds, String titleFormat) {

        /** Whether the vertical frame is cut from the middle of the picture rather than fitted over a blurred fill. */
        public boolean crop() {
            return "crop".equals(reframe);
        }
    }

    /** The platforms the shorts go to: the ones the channel names for them, else all of the channel's. */
    public List<String> shortsPlatforms() {
        return shorts == null || shorts.platforms() == null ? platforms : shorts.platforms();
    }

    /** The arm of a channel that tests nothing. */
    public static final String CHANNEL_FORMAT = "channel-format";

    /**
     * Where the channel's trend signals come from: a file under {@code config/signals} (the offline
     * signals YAML, or JSON or CSV records), an RSS/Atom feed URL ({@code https:} or {@code file:}), or
     * the YouTube Data API. A bare name in the channel file ({@code signals: demo.yaml}) is one file source.
     */
    public record SignalSource(String file, String feed, YouTube youtube) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public SignalSource(@JsonProperty("file") String file, @JsonProperty("feed") String feed,
                            @JsonProperty("youtube") YouTube youtube) {
            this.file = file;
            this.feed = feed;
            this.youtube = youtube;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static SignalSource ofFile(String file) {
            return new SignalSource(file, null, null);
        }

        /** How the source is named in signals and logs: its file name, feed URL or YouTube query. */
        public String name() {
            if (youtube != null) {
                return youtube.search() != null ? "youtube:search:" + youtube.search()
                        : "youtube:mostPopular:" + youtube.regionCodeOrDefault() + ":" + (youtube.categoryId() == null ? "" : youtube.categoryId());
            }
            return file != null ? file : feed;
        }
    }

    /**
     * A YouTube Data API v3 query: {@code search} words ({@code search.list} ordered by view count,
     * published within {@code days}; 100 quota units) or, without them, the {@code mostPopular} chart of
     * {@code regionCode} and {@code categoryId} ({@code videos.list}; 1 unit).
     */
    public record YouTube(String search, Integer days, String regionCode, String categoryId) {
        public String regionCodeOrDefault() {
            return regionCode == null ? "US" : regionCode;
        }

        public int daysOrDefault() {
            return days == null ? 7 : days;
        }
    }

    /**
     * Which signals may become topics ({@code keywords}: at least one must appear when any are given;
     * {@code negativeKeywords}: none may) and how many days a covered topic stays covered ({@code noveltyDays}).
     */
    public record Topics(List<String> keywords, List<String> negativeKeywords, Integer noveltyDays) {
        public Topics {
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            negativeKeywords = negativeKeywords == null ? List.of() : List.copyOf(negativeKeywords);
        }

        public int noveltyDaysOrDefault() {
            return noveltyDays == null ? 30 : noveltyDays;
        }
    }

    public record Voice(String provider, String name, Integer wordsPerMinute, Integer pitch) {
        public int wordsPerMinuteOrDefault() {
            return wordsPerMinute == null ? 165 : wordsPerMinute;
        }

        public int pitchOrDefault() {
            return pitch == null ? 50 : pitch;
        }
    }

    /** {@code openingImage}: the image a hero scene's first clip starts from, where the provider takes one. */
    public record Style(String visual, Captions captions, String openingImage) {
    }

    public record Captions(String font, Integer size, String color, String outlineColor, Integer wordsPerCaption,
                           String highlightColor) {

        /** The colour of the word being spoken when captions highlight and the channel names none. */
        public static final String DEFAULT_HIGHLIGHT = "#FFD400";
    }

    /** A folder of music beds (relative to the working directory) and how loud the bed sits under the voice. */
    public record Music(String folder, Double volumeDb) {
    }

    /** {@code cron} as written: 5 cron fields or Quartz's 6-7; {@link #quartzCron()} is what runs. */
    public record Schedule(String cron, String timeZone, Boolean enabled) {
        public boolean active() {
            return enabled == null || enabled;
        }

        public String quartzCron() {
            return ChannelCron.quartz(cron);
        }
    }

    /**
     * When the channel's videos go out: per platform, the publishing slots (crons as {@code schedule.cron}
     * takes them, in {@code schedule.timeZone}). A platform without slots gets each video as soon as it is made.
     */
    public record Publishing(Map<String, List<String>> slots) {
        public Publishing {
            slots = slots == null ? Map.of() : Map.copyOf(slots);
        }
    }

    /** The Quartz crons of the platform's publishing slots; none when the platform publishes at once. */
    public List<String> slotCrons(String platform) {
        return publishing.slots().getOrDefault(platform, List.of()).stream().map(ChannelCron::quartz).toList();
    }

    /** The platform's first publishing slot after {@code after}, in the channel's time zone; empty when it has none. */
    public Optional<Instant> nextSlot(String platform, Instant after) {
        ZoneId zone = ZoneId.of(schedule.timeZone());
        return slotCrons(platform).stream().map(cron -> ChannelCron.next(cron, zone, after)).flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    public record Budget(BigDecimal perVideoUsd, BigDecimal perDayUsd) {
    }

    /** {@code styles}: a chain of providers per scene style, tried before the channel's provider and fallbacks. */
    public record Generation(String provider, List<String> fallback, Map<String, List<String>> styles) {
    }

    /** Who writes the channel's briefs and storyboards: a {@code cutline.writer.<name>} block, a model instead of its own, a fallback writer. */
    /** {@code hookStyle}: the kind of opening line asked of the writer (e.g. {@code question}); none: the writer's choice. */
    public record Writer(String provider, String model, String fallback, String hookStyle) {
    }

    /** The hook style asked of the channel's writer, if any (the channel's own, or its job's arm). */
    public Optional<String> hookStyle() {
        return writer == null ? Optional.empty() : Optional.ofNullable(writer.hookStyle());
    }

    /** A URL that receives the channel's events as signed JSON; {@code events} (all when absent) limits which. */
    public record Webhook(String url, List<String> events) {
        public boolean wants(String event) {
            return events == null || events.isEmpty() || events.contains(event);
        }
    }

    /** The channel's own webhook URLs (the service's default URLs come on top). */
    public List<Webhook> webhooksOrNone() {
        return webhooks == null ? List.of() : webhooks;
    }

    /** The writer asked for by the channel, {@code template} unless it names another. */
    public String writerProvider() {
        return writer == null || writer.provider() == null ? "template" : writer.provider();
    }

    /** The writer to turn to when the channel's writer keeps failing, if any. */
    public java.util.Optional<String> writerFallback() {
        return writer == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(writer.fallback());
    }

    /** The model the channel asks its writer for, if it names one. */
    public java.util.Optional<String> writerModel() {
        return writer == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(writer.model());
    }

    /** The generation provider asked for by the channel, {@code local} unless it names another. */
    public String generationProvider() {
        return generation == null || generation.provider() == null ? "local" : generation.provider();
    }

    /** For a scene of {@code style}: the providers its style asks for, then the preferred provider, then its fallbacks. */
    public List<String> generationChain(String style) {
        List<String> chain = new java.util.ArrayList<>();
        if (generation != null && generation.styles() != null && style != null) {
            chain.addAll(generation.styles().getOrDefault(style, List.of()));
        }
        if (!chain.contains(generationProvider())) {
            chain.add(generationProvider());
        }
        if (generation != null && generation.fallback() != null) {
            generation.fallback().stream().filter(provider -> !chain.contains(provider)).forEach(chain::add);
        }
        return List.copyOf(chain);
    }

    /** Renditions wanted besides those the platforms need (e.g. {@code square}). */
    public List<String> extraRenditions() {
        return renditions == null ? List.of() : renditions;
    }

    /** The rendition a platform gets: YouTube follows the channel's format (Shorts or long), the others are vertical. */
    public Rendition renditionFor(String platform) {
        if (platform.equals("youtube")) {
            return format() == Format.VERTICAL_SHORT ? Rendition.VERTICAL : Rendition.HORIZONTAL;
        }
        return Rendition.VERTICAL;
    }

    /** Every rendition this channel's videos need, each with the platforms it serves, the channel's own format first. */
    public Map<Rendition, List<String>> renditionPlan() {
        Map<Rendition, List<String>> renditions = new LinkedHashMap<>();
        renditions.put(format() == Format.VERTICAL_SHORT ? Rendition.VERTICAL : Rendition.HORIZONTAL, new ArrayList<>());
        for (String platform : platforms()) {
            renditions.computeIfAbsent(renditionFor(platform), rendition -> new ArrayList<>()).add(platform);
        }
        extraRenditions().forEach(shape -> renditions.putIfAbsent(Rendition.of(shape), new ArrayList<>()));
        renditions.replaceAll((rendition, servedPlatforms) -> List.copyOf(servedPlatforms));
        return renditions;
    }
}
