package io.cutline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.cutline.support.ManyTopics;

/**
 * The soak's three channels, made from the quick test channel (four short scenes), and their
 * topics. Between them they use every hosted layer: an LLM writer on each protocol (the template
 * writer for the third), both hosted voices, five video providers, and the YouTube and TikTok
 * publishers beside the outbox (Instagram), all served by the emulator (bench/soak.sh points them there).
 */
final class SoakChannels {

    /** A soak channel: its writer, voice provider and voice id, platforms and generation block. */
    record Channel(String id, String writer, String voice, String voiceName, List<String> platforms, String generation) {
    }

    static final List<Channel> CHANNELS = List.of(
            new Channel("soak-a", "openai", "elevenlabs", "21m00Tcm4TlvDq8ikWAM", List.of("youtube", "tiktok"),
                    "provider: kling\n  styles:\n    hero: [runway]"),
            new Channel("soak-b", "anthropic", "openai", "alloy", List.of("youtube", "instagram"),
                    "provider: luma\n  styles:\n    hero: [veo]"),
            new Channel("soak-c", "template", "elevenlabs", "21m00Tcm4TlvDq8ikWAM", List.of("tiktok", "instagram"),
                    "provider: fal"));
    static final List<String> VIDEO = List.of("runway", "luma", "veo", "kling", "fal");
    static final List<String> VOICE = List.of("elevenlabs", "openai");
    /** The emulator's names for the LLM protocols, by Cutline's writer names. */
    static final List<List<String>> WRITERS = List.of(List.of("openai", "openai-chat"), List.of("anthropic", "anthropic"));

    private SoakChannels() {
    }

    /** Writes the channel files and each channel's share of the topics under {@code run}. */
    static void prepare(Path run, int jobs) throws IOException {
        Path channels = Files.createDirectories(run.resolve("channels"));
        String quick = Files.readString(Path.of("src/test/resources/channels/quick.yaml"));
        for (int c = 0; c < CHANNELS.size(); c++) {
            Channel channel = CHANNELS.get(c);
            Files.writeString(channels.resolve(channel.id() + ".yaml"), quick
                    .replace("id: quick", "id: " + channel.id())
                    .replace("provider: espeak", "provider: " + channel.voice()).replace("name: en-us", "name: " + channel.voiceName())
                    .replace("platforms: [youtube, tiktok]", "platforms: [" + String.join(", ", channel.platforms()) + "]")
                    .replace("perVideoUsd: 0", "perVideoUsd: 100").replace("perDayUsd: 0", "perDayUsd: 100000")
                    + "writer:\n  provider: " + channel.writer() + "\n"
                    + "generation:\n  " + channel.generation() + "\n");
            ManyTopics.write(run.resolve("signals"), channel.id(), c, jobs, CHANNELS.size());
        }
    }
}
