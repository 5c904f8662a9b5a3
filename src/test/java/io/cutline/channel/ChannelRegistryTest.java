package io.cutline.channel;

import io.cutline.support.ShippedConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cutline.document.DocumentProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRegistryTest {

    @TempDir
    Path dir;

    @Test
    void theShippedDemoChannelIsValid() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        assertThat(registry.reload()).isEmpty();
        Channel demo = registry.require("demo");
        assertThat(demo.format()).isEqualTo(Format.VERTICAL_SHORT);
        assertThat(demo.platforms()).containsExactly("youtube", "tiktok", "instagram");
        assertThat(demo.generationProvider()).isEqualTo("local");
    }

    @Test
    void anInvalidFileIsReportedWithFileLineAndFieldAndTheOthersStillLoad() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        Files.copy(Path.of("config/channels/demo.yaml"), channels.resolve("demo.yaml"));
        Files.copy(Path.of("config/signals/demo.yaml"), signals.resolve("demo.yaml"));
        String broken = Files.readString(Path.of("config/channels/demo.yaml"))
                .replace("id: demo", "id: broken")
                .replace("platforms: [youtube, tiktok, instagram]", "platforms: [youtube, myspace]")
                .replace("targetSeconds: 30", "targetSeconds: 2")
                .replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        Files.writeString(channels.resolve("broken.yaml"), broken + "signals: broken.yaml\n");

        ChannelRegistry registry = ShippedConfig.channels(channels, signals, new ObjectMapper());
        List<DocumentProblem> problems = registry.reload();

        assertThat(registry.find("demo")).isPresent();
        assertThat(registry.find("broken")).isEmpty();
        assertThat(problems).extracting(DocumentProblem::field).contains("platforms[1]", "targetSeconds");
        DocumentProblem platform = problems.stream().filter(p -> p.field().equals("platforms[1]")).findFirst().orElseThrow();
        assertThat(platform.source()).endsWith("broken.yaml");
        assertThat(platform.line()).isEqualTo(lineOf(broken, "platforms:"));
        assertThat(platform.column()).isEqualTo(broken.lines().filter(line -> line.startsWith("platforms:")).findFirst().orElseThrow()
                .indexOf("myspace") + 1);
        assertThat(platform.toString()).contains("broken.yaml:" + platform.line() + ":" + platform.column() + ": platforms[1]: ");
        assertThatThrownBy(() -> registry.require("broken")).hasMessageContaining("channel 'broken' is invalid")
                .hasMessageContaining("targetSeconds");
    }

    @Test
    void rulesBeyondTheSchemaAreChecked() throws IOException {
        Path channels = Files.createDirectories(dir.resolve("channels"));
        Path signals = Files.createDirectories(dir.resolve("signals"));
        String text = Files.readString(Path.of("config/channels/demo.yaml"))
                .replace("cron: \"0 0 9,17 * * ?\"", "cron: \"every day at nine\"")
                .replace("timeZone: Europe/Berlin", "timeZone: Mars/Olympus");
        Files.writeString(channels.resolve("other.yaml"), text);

        List<DocumentProblem> problems = ShippedConfig.channels(channels, signals, new ObjectMapper()).reload();

        assertThat(problems).extracting(DocumentProblem::field)
                .containsExactlyInAnyOrder("id", "schedule.cron", "schedule.timeZone", "signals");
        assertThat(problems).filteredOn(p -> p.field().equals("id")).first()
                .extracting(DocumentProblem::message).asString().contains("must match the file name 'other'");
        assertThat(problems).filteredOn(p -> p.field().equals("schedule.cron")).first()
                .extracting(DocumentProblem::line).isEqualTo(lineOf(text, "cron:"));
    }

    @Test
    void unknownKeysAreReportedAtTheirOwnLineAndColumnWithTheKeyMeant() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo.replace("platforms: [", "platfroms: [")
                .replace("  wordsPerMinute: 165", "  wordsPerMinut: 165"));

        List<DocumentProblem> problems = registry(channels).reload();

        assertThat(problems).extracting(ChannelRegistryTest::located).contains(
                "demo.yaml:24:1: platfroms: unknown key; did you mean `platforms`?",
                "demo.yaml:10:3: voice.wordsPerMinut: unknown key; did you mean `wordsPerMinute`?");
    }

    @Test
    void schemaAndRuleProblemsOfAFileAreAllReportedInOnePass() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo
                .replace("format: vertical-short", "format: vertical-shrot")
                .replace("targetSeconds: 30", "targetSeconds: thirty")
                .replace("cron: \"0 0 9,17 * * ?\"", "cron: \"0 9 30 2 *\"")
                .replace("timeZone: Europe/Berlin", "timeZone: Europe/Berln")
                .replace("provider: local", "provider: locl")
                + "signals: missing.yaml\n");
        Files.writeString(channels.resolve("other.yaml"), sibling("other"));

        ChannelRegistry registry = registry(channels);
        List<DocumentProblem> problems = registry.reload();

        assertThat(registry.find("other")).as("the valid channel still loads").isPresent();
        assertThat(problems).extracting(ChannelRegistryTest::located).containsExactly(
                "demo.yaml:25:9: format: does not have a value in the enumeration [\"vertical-short\", \"horizontal-long\"];"
                        + " did you mean `vertical-short`?",
                "demo.yaml:26:16: targetSeconds: string found, integer expected",
                "demo.yaml:29:9: schedule.cron: '0 9 30 2 *' never fires (a date that does not exist, such as 30 February,"
                        + " or a year gone by)",
                "demo.yaml:30:13: schedule.timeZone: unknown time zone 'Europe/Berln'; did you mean `Europe/Berlin`?"
                        + " (IANA names such as Europe/Berlin)",
                "demo.yaml:36:13: generation.provider: does not have a value in the enumeration " + providers()
                        + "; did you mean `local`?",
                "demo.yaml:37:10: signals: no signals file " + channels.resolveSibling("signals").resolve("missing.yaml"));
    }

    @Test
    void theOperatorsFiveFieldCronIsAcceptedAndScheduledAsQuartz() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo.replace("cron: \"0 0 9,17 * * ?\"", "cron: \"0 9,17 * * 1-5\""));

        ChannelRegistry registry = registry(channels);

        assertThat(registry.reload()).isEmpty();
        assertThat(registry.require("demo").schedule().quartzCron()).isEqualTo("0 0 9,17 ? * 2,3,4,5,6");
    }

    @Test
    void publishingSlotsAreReadInTheChannelsTimeZoneAsQuartzCrons() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo + "publishing:\n  slots:\n    youtube: [\"0 9 * * 1-5\", \"30 18 * * 0\"]\n");

        ChannelRegistry registry = registry(channels);

        assertThat(registry.reload()).isEmpty();
        Channel channel = registry.require("demo");
        assertThat(channel.slotCrons("youtube")).containsExactly("0 0 9 ? * 2,3,4,5,6", "0 30 18 ? * 1");
        assertThat(channel.slotCrons("tiktok")).as("a platform without slots publishes at once").isEmpty();
    }

    @Test
    void aBadSlotIsNamedByItsPlatformAndPlaceAndASlotNeedsOneOfTheChannelsPlatforms() throws IOException {
        Path channels = copyOfTheDemo();
        String text = demo + "publishing:\n  slots:\n    youtube: [\"0 9 * * 1-5\", \"0 9 * * 8\"]\n    myspace: [\"0 9 * * *\"]\n";
        Files.writeString(channels.resolve("demo.yaml"), text);

        List<DocumentProblem> problems = registry(channels).reload();

        assertThat(problems).extracting(DocumentProblem::field)
                .containsExactlyInAnyOrder("publishing.slots.youtube.1", "publishing.slots.myspace");
        assertThat(problems).filteredOn(p -> p.field().equals("publishing.slots.youtube.1")).first()
                .extracting(DocumentProblem::message).asString().contains("day-of-week 8 is not 0-7");
        assertThat(problems).filteredOn(p -> p.field().equals("publishing.slots.myspace")).first()
                .extracting(DocumentProblem::message).asString().contains("'myspace' is not one of the channel's platforms");
    }

    @Test
    void pathsAChannelNamesMustStayInsideTheConfigDirectory() throws IOException {
        Path channels = copyOfTheDemo();
        Path config = channels.getParent();
        Files.createSymbolicLink(config.resolve("music/elsewhere"), Path.of("/usr/share"));
        Files.writeString(channels.resolve("climb.yaml"), sibling("climb")
                .replace("folder: " + music, "folder: ../../../../../../../../usr/share/sounds")
                .replace("  captions:", "  openingImage: /etc/opener.png\n  captions:")
                );
        Files.writeString(channels.resolve("link.yaml"), sibling("link")
                .replace("folder: " + music, "folder: " + config.resolve("music/elsewhere"))
                );
        Files.createSymbolicLink(channels.resolve("passwd.yaml"), Path.of("/etc/passwd"));

        ChannelRegistry registry = registry(channels);
        List<DocumentProblem> problems = registry.reload();

        assertThat(registry.find("demo")).isPresent();
        assertThat(problems).extracting(ChannelRegistryTest::located).containsExactlyInAnyOrder(
                "climb.yaml:14:17: style.openingImage: '/etc/opener.png' is outside " + config
                        + ", where the files a channel names must be",
                "climb.yaml:23:11: music.folder: '../../../../../../../../usr/share/sounds' is outside " + config
                        + ", where the files a channel names must be",
                "link.yaml:22:11: music.folder: '" + config.resolve("music/elsewhere") + "' leads through a link to /usr/share, outside "
                        + config,
                "passwd.yaml: the channel file leads through a link to /etc/passwd, outside " + channels);
    }

    @Test
    void aChannelIdMustBeSafeForPathsAndRouteIds() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("My_Channel.yaml"), sibling("My_Channel"));

        List<DocumentProblem> problems = registry(channels).reload();

        assertThat(problems).extracting(ChannelRegistryTest::located)
                .containsExactly("My_Channel.yaml:3:5: id: does not match the regex pattern ^[a-z0-9][a-z0-9-]{0,62}$");
    }

    @Test
    void hostileFilesAreRefusedByNameAndTheOtherChannelsStillLoad() throws IOException {
        Path channels = copyOfTheDemo();
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int level = 1; level <= 48; level++) {
            bomb.append("a").append(level).append(": &a").append(level).append(" [*a").append(level - 1).append("]\n");
        }
        Files.writeString(channels.resolve("bomb.yaml"), bomb);
        Files.writeString(channels.resolve("deep.yaml"), "id: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
        Files.writeString(channels.resolve("huge.yaml"), demo + "#" + "x".repeat(10_000_000) + "\n");

        ChannelRegistry registry = registry(channels);
        List<DocumentProblem> problems = registry.reload();

        assertThat(registry.find("demo")).isPresent();
        assertThat(problems).extracting(ChannelRegistryTest::located).containsExactly(
                "bomb.yaml:1:5: YAML anchors (&a0) are not allowed in configuration files: write the value out",
                "deep.yaml:1:104: nested more than 100 levels deep",
                "huge.yaml: the file is larger than 256 KB, the limit for configuration files; it was not read");
    }

    @Test
    void wrongTypesAreNamedWithFileLineAndColumn() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo.replace("  pitch: 45", "  pitch: [45]")
                .replace("perVideoUsd: 0", "perVideoUsd: free"));

        assertThat(registry(channels).reload()).extracting(ChannelRegistryTest::located).containsExactly(
                "demo.yaml:11:10: voice.pitch: array found, integer expected",
                "demo.yaml:33:16: budget.perVideoUsd: string found, number expected");
    }

    @Test
    void aFileBeingWrittenKeepsItsChannelUntilItReadsAgainAndAnInvalidEditDropsIt() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("other.yaml"), sibling("other"));
        ChannelRegistry registry = registry(channels);
        assertThat(registry.reload()).isEmpty();

        Files.writeString(channels.resolve("demo.yaml"), "");
        assertThat(registry.reload()).extracting(ChannelRegistryTest::located).containsExactly("demo.yaml:1: the file is empty");
        assertThat(registry.find("demo")).as("truncated: the previous version stays").isPresent();

        Files.writeString(channels.resolve("demo.yaml"), demo.substring(0, demo.indexOf("tiktok")));
        assertThat(registry.reload()).extracting(ChannelRegistryTest::located).containsExactly(
                "demo.yaml:24:22: not valid YAML: expected the node content, but found '<stream end>'");
        assertThat(registry.find("demo")).as("half written: the previous version stays").isPresent();

        Files.writeString(channels.resolve("demo.yaml"), demo.replace("targetSeconds: 30", "targetSeconds: 2"));
        assertThat(registry.reload()).extracting(DocumentProblem::field).containsExactly("targetSeconds");
        assertThat(registry.find("demo")).as("a complete file that is invalid replaces the channel").isEmpty();
        assertThat(registry.find("other")).isPresent();

        Files.writeString(channels.resolve("demo.yaml"), "");
        registry.reload();
        assertThat(registry.find("demo")).as("nothing to keep once it was invalid").isEmpty();
    }

    @Test
    void aScanForValidateServesNothing() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("other.yaml"), sibling("other").replace("targetSeconds: 30", ""));
        ChannelRegistry registry = registry(channels);

        ChannelScan scan = registry.scan();

        assertThat(scan.channels()).extracting(Channel::id).containsExactly("demo");
        assertThat(scan.problems()).extracting(DocumentProblem::field).containsExactly("targetSeconds");
        assertThat(registry.all()).as("a scan serves nothing").isEmpty();
    }

    @Test
    void shortsAreCutFromHorizontalVideosOnKnownPlatformsWithLengthsInOrderAndTitlesApart() throws IOException {
        Path channels = copyOfTheDemo();
        String shorts = "shorts: {count: 2, reframe: crop, platforms: [youtube, vimeo], minSeconds: 40, maxSeconds: 20, titleFormat: \"{title}!\"}\n";
        Files.writeString(channels.resolve("demo.yaml"), demo + shorts);
        Files.writeString(channels.resolve("other.yaml"), sibling("other").replace("format: vertical-short", "format: horizontal-long")
                + "shorts: {count: 3}\n");

        ChannelRegistry registry = registry(channels);
        List<DocumentProblem> problems = registry.reload();

        assertThat(problems).extracting(DocumentProblem::field, DocumentProblem::message).containsExactlyInAnyOrder(
                tuple("shorts.platforms[1]", "does not have a value in the enumeration "
                        + ShippedConfig.vocabulary().platforms().stream().sorted().map(name -> "\"" + name + "\"").toList()),
                tuple("shorts", "shorts are cut from horizontal videos; this channel's format is "
                        + "'vertical-short' (shorts need format: horizontal-long)"),
                tuple("shorts.minSeconds", "minSeconds 40 is more than maxSeconds 20"),
                tuple("shorts.titleFormat", "'{title}!' has no {n}: every short of a video would have the same title"));
        Channel other = registry.require("other");
        assertThat(other.shorts().count()).isEqualTo(3);
        assertThat(other.shorts().crop()).as("blur unless crop is asked for").isFalse();
        assertThat(other.shortsPlatforms()).as("the channel's platforms unless the shorts name theirs").isEqualTo(other.platforms());
    }

    @Test
    void hookVariantsNeedAsManyHookStylesAndSpreadOverThePlatformsInOrder() throws IOException {
        Path channels = copyOfTheDemo();
        Files.writeString(channels.resolve("demo.yaml"), demo + "testing:\n  hookStyles: [question, story]\n  hookVariants: {count: 3}\n");
        Files.writeString(channels.resolve("other.yaml"), sibling("other") + "testing:\n  hookStyles: [question, story, number]\n"
                + "  hookVariants: {count: 3}\n");

        ChannelRegistry registry = registry(channels);
        List<DocumentProblem> problems = registry.reload();

        assertThat(problems).extracting(DocumentProblem::field, DocumentProblem::message).containsExactly(
                tuple("testing.hookVariants.count", "3 hook variants need as many testing.hookStyles to give them, and 2 are listed"));
        assertThat(problems.get(0).line()).as("the line of the count").isEqualTo(demo.split("\n").length + 3);
        Channel other = registry.require("other");
        assertThat(other.testing().variantCount()).isEqualTo(3);
        List<String> platforms = other.platforms();
        assertThat(List.of(1, 2, 3, 4).stream().map(number -> other.testing().hookVariants().platformOf(number, platforms).orElseThrow()))
                .as("variant n on the n-th platform, round the list again")
                .containsExactly(platforms.get(0), platforms.get(1 % platforms.size()), platforms.get(2 % platforms.size()),
                        platforms.get(3 % platforms.size()));
        assertThat(new Channel.HookVariants(2, "slots").platformOf(2, other.platforms())).as("slots: every platform").isEmpty();
        assertThat(other.testing().withHookStyle("hook-question", "story")).isEqualTo("hook-story");
    }

    @Test
    void anUnknownChannelNamesTheKnownOnes() {
        ChannelRegistry registry = ShippedConfig.channels(Path.of("config/channels"), Path.of("config/signals"), new ObjectMapper());
        registry.reload();
        assertThatThrownBy(() -> registry.require("nope")).isInstanceOf(UnknownChannelException.class)
                .hasMessage("no channel 'nope' (known: demo)");
    }

    private static final String DEMO = read(Path.of("config/channels/demo.yaml"));

    /** The demo channel as {@link #copyOfTheDemo()} writes it, and its music folder. */
    private String demo;
    private Path music;

    /** A config directory in the temporary directory with the demo channel, its signals and its music; returns its channels. */
    private Path copyOfTheDemo() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        Path channels = Files.createDirectories(config.resolve("channels"));
        Path signals = Files.createDirectories(config.resolve("signals"));
        music = Files.createDirectories(config.resolve("music/demo"));
        Files.copy(Path.of("config/signals/demo.yaml"), signals.resolve("demo.yaml"));
        Files.copy(Path.of("config/music/demo/soft-pad.ogg"), music.resolve("soft-pad.ogg"));
        demo = DEMO.replace("folder: config/music/demo", "folder: " + music);
        Files.writeString(channels.resolve("demo.yaml"), demo);
        return channels;
    }

    /** Another channel like the demo, sharing its signals. */
    private String sibling(String id) {
        return demo.replace("id: demo", "id: " + id) + "signals: demo.yaml\n";
    }

    private static ChannelRegistry registry(Path channels) {
        return new ChannelRegistry(channels, channels.resolveSibling("signals"), channels.getParent(), new ObjectMapper(),
                ShippedConfig.vocabulary());
    }

    /** A problem as printed, with the file's directory left out. */
    private static String located(DocumentProblem problem) {
        return Path.of(problem.source()).getFileName() + problem.toString().substring(problem.source().length());
    }

    private static String providers() {
        return ShippedConfig.vocabulary().videoProviders().stream().sorted().map(name -> "\"" + name + "\"").toList().toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lineOf(String text, String prefix) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].trim().startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix);
    }
}
