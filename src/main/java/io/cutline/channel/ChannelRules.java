package io.cutline.channel;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.document.ClosestName;
import io.cutline.document.DocumentProblem;
import io.cutline.document.YamlDocument;

/**
 * What a channel file must satisfy beyond its schema: the id is the file name, the cron and each
 * publishing slot read and fire, slots are for the channel's platforms, the time zone exists, hook variants
 * have hook styles to take, and every path it names stays inside its directory and holds what it should.
 * Checked on the document itself, whatever the schema found, so one pass reports everything.
 */
final class ChannelRules {

    private final Path signalsDirectory;
    private final PathConfinement signals;
    private final PathConfinement config;

    ChannelRules(Path signalsDirectory, Path configDirectory) {
        this.signalsDirectory = signalsDirectory;
        this.signals = new PathConfinement(signalsDirectory);
        this.config = new PathConfinement(configDirectory);
    }

    List<DocumentProblem> problems(YamlDocument document, String expectedId) {
        List<DocumentProblem> found = new ArrayList<>();
        Check check = new Check(document, found);
        text(document, "/id").filter(id -> !id.equals(expectedId)).ifPresent(id ->
                check.add("/id", "'" + id + "' must match the file name '" + expectedId + "'"));
        Optional<ZoneId> zone = text(document, "/schedule/timeZone").flatMap(name -> zone(name, check));
        text(document, "/schedule/cron").ifPresent(cron ->
                ChannelCron.problem(cron, zone.orElse(ZoneOffset.UTC)).ifPresent(problem -> check.add("/schedule/cron", problem)));
        slotProblems(document, zone.orElse(ZoneOffset.UTC), check);
        signalFiles(document).forEach((pointer, name) -> confined(check, pointer, signalsDirectory, name, signals)
                .filter(file -> !Files.isRegularFile(file))
                .ifPresent(file -> check.add(pointer, "no signals file " + file)));
        text(document, "/music/folder").flatMap(folder -> confined(check, "/music/folder", Path.of(""), folder, config))
                .filter(folder -> audioFiles(folder).isEmpty())
                .ifPresent(folder -> check.add("/music/folder", "no audio files in " + folder));
        text(document, "/style/openingImage").flatMap(image -> confined(check, "/style/openingImage", Path.of(""), image, config))
                .filter(image -> !Files.isRegularFile(image))
                .ifPresent(image -> check.add("/style/openingImage", "no image file " + image));
        shortsProblems(document, check);
        hookVariantProblems(document, check);
        return found;
    }

    /** Each platform with publishing slots is one of the channel's, and each slot's cron reads and fires. */
    private static void slotProblems(YamlDocument document, ZoneId zone, Check check) {
        JsonNode slots = document.root().at("/publishing/slots");
        List<String> platforms = new ArrayList<>();
        document.root().at("/platforms").forEach(platform -> platforms.add(platform.asText()));
        slots.fieldNames().forEachRemaining(platform -> {
            String pointer = "/publishing/slots/" + platform;
            if (!platforms.contains(platform)) {
                check.add(pointer, "'" + platform + "' is not one of the channel's platforms " + platforms);
            }
            for (int i = 0; i < slots.get(platform).size(); i++) {
                String slot = pointer + "/" + i;
                text(document, slot).flatMap(cron -> ChannelCron.problem(cron, zone)).ifPresent(problem -> check.add(slot, problem));
            }
        });
    }

    /** Shorts are cut from horizontal videos, no shorter than they may be long, each titled apart from the others. */
    private static void shortsProblems(YamlDocument document, Check check) {
        if (!document.root().at("/shorts").isObject()) {
            return;
        }
        text(document, "/format").filter(format -> !format.equals(Format.HORIZONTAL_LONG.id())).ifPresent(format ->
                check.add("/shorts", "shorts are cut from horizontal videos; this channel's format is '" + format + "' (shorts need format: "
                        + Format.HORIZONTAL_LONG.id() + ")"));
        JsonNode min = document.root().at("/shorts/minSeconds");
        JsonNode max = document.root().at("/shorts/maxSeconds");
        if (min.isIntegralNumber() && max.isIntegralNumber() && min.asLong() > max.asLong()) {
            check.add("/shorts/minSeconds", "minSeconds " + min.asLong() + " is more than maxSeconds " + max.asLong());
        }
        text(document, "/shorts/titleFormat").filter(format -> !format.contains("{n}")).ifPresent(format ->
                check.add("/shorts/titleFormat", "'" + format + "' has no {n}: every short of a video would have the same title"));
    }

    /** Each hook variant after the brief's own takes another of the tested hook styles, so there must be as many styles as variants. */
    private static void hookVariantProblems(YamlDocument document, Check check) {
        JsonNode count = document.root().at("/testing/hookVariants/count");
        int styles = document.root().at("/testing/hookStyles").size();
        if (count.isIntegralNumber() && count.asInt() > styles) {
            check.add("/testing/hookVariants/count", count.asInt() + " hook variants need as many testing.hookStyles to give them, "
                    + (styles == 0 ? "and none is listed" : "and " + styles + (styles == 1 ? " is" : " are") + " listed"));
        }
    }

    /** Problems of one document, each at the value it is about and named by its field ({@code /music/folder}: music.folder). */
    private record Check(YamlDocument document, List<DocumentProblem> found) {
        void add(String pointer, String message) {
            found.add(new DocumentProblem(document.source(), document.valuePositionOf(pointer), pointer.substring(1).replace('/', '.'),
                    message));
        }
    }

    private static Optional<ZoneId> zone(String name, Check check) {
        try {
            return Optional.of(ZoneId.of(name));
        } catch (DateTimeException e) {
            check.add("/schedule/timeZone", "unknown time zone '" + name + "'"
                    + ClosestName.hint(name, ZoneId.getAvailableZoneIds()) + " (IANA names such as Europe/Berlin)");
            return Optional.empty();
        }
    }

    /** {@code value} resolved against {@code base}, when it stays inside {@code confinement}; otherwise the problem is recorded. */
    private static Optional<Path> confined(Check check, String pointer, Path base, String value, PathConfinement confinement) {
        Path path;
        try {
            path = base.resolve(value);
        } catch (InvalidPathException e) {
            check.add(pointer, "'" + value + "' is not a path: " + e.getReason());
            return Optional.empty();
        }
        Optional<String> escape = confinement.escape(path);
        escape.ifPresent(why -> check.add(pointer, "'" + value + "' " + why));
        return escape.isPresent() ? Optional.empty() : Optional.of(path);
    }

    private static List<Path> audioFiles(Path folder) {
        try {
            return MusicLibrary.tracks(folder);
        } catch (UncheckedIOException e) {
            return List.of();
        }
    }

    /** The signals files a channel names, by where they are named: one bare name, a list of sources, or {@code <id>.yaml} by default. */
    private static Map<String, String> signalFiles(YamlDocument document) {
        Map<String, String> files = new LinkedHashMap<>();
        JsonNode sources = document.root().at("/signals");
        if (sources.isArray()) {
            for (int i = 0; i < sources.size(); i++) {
                String pointer = sources.get(i).isTextual() ? "/signals/" + i : "/signals/" + i + "/file";
                text(document, pointer).ifPresent(name -> files.put(pointer, name));
            }
        } else {
            text(document, "/signals").or(() -> text(document, "/id").map(id -> id + ".yaml")).ifPresent(name -> files.put("/signals", name));
        }
        return files;
    }

    private static Optional<String> text(YamlDocument document, String pointer) {
        JsonNode value = document.root().at(pointer);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
