package io.cutline.voice.speech;

import io.cutline.model.WordTiming;

import java.util.ArrayList;
import java.util.List;

import io.cutline.media.Silence;

/**
 * Word timings from what a voice provider gives: exact ones from a character alignment
 * (ElevenLabs), or estimates from the audio itself when a provider gives none (espeak-ng, OpenAI):
 * the words are laid over the voiced parts of the audio (between the silences ffmpeg finds) in
 * proportion to their length, with a little extra weight after punctuation.
 */
public final class WordTimings {

    private WordTimings() {
    }

    /** Groups per-character times into words (characters between whitespace). */
    public static List<WordTiming> fromCharacters(List<String> characters, List<Double> starts, List<Double> ends) {
        if (characters.size() != starts.size() || characters.size() != ends.size()) {
            throw new IllegalArgumentException("alignment arrays differ in length: " + characters.size() + " characters, "
                    + starts.size() + " starts, " + ends.size() + " ends");
        }
        List<WordTiming> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        double start = 0;
        double end = 0;
        for (int i = 0; i < characters.size(); i++) {
            String character = characters.get(i);
            if (character.isBlank()) {
                if (!word.isEmpty()) {
                    words.add(new WordTiming(word.toString(), start, end));
                    word.setLength(0);
                }
                continue;
            }
            if (word.isEmpty()) {
                start = starts.get(i);
            }
            word.append(character);
            end = ends.get(i);
        }
        if (!word.isEmpty()) {
            words.add(new WordTiming(word.toString(), start, end));
        }
        return List.copyOf(words);
    }

    /** Estimates word timings for {@code text} spoken in audio of {@code duration} seconds with these silences. */
    public static List<WordTiming> estimate(String text, double duration, List<Silence> silences) {
        String[] tokens = text.strip().split("\\s+");
        if (text.isBlank() || duration <= 0) {
            return List.of();
        }
        List<double[]> voiced = voiced(duration, silences);
        double speech = voiced.stream().mapToDouble(span -> span[1] - span[0]).sum();
        double[] weights = new double[tokens.length];
        double total = 0;
        for (int i = 0; i < tokens.length; i++) {
            weights[i] = weight(tokens[i]);
            total += weights[i];
        }
        List<WordTiming> words = new ArrayList<>();
        double cursor = 0;
        for (int i = 0; i < tokens.length; i++) {
            double share = speech * weights[i] / total;
            words.add(new WordTiming(tokens[i], toRealTime(cursor, voiced), toRealTime(cursor + share, voiced)));
            cursor += share;
        }
        return List.copyOf(words);
    }

    /** Letters and digits count; punctuation at the end of a word adds the pause that usually follows it. */
    static double weight(String token) {
        double weight = Math.max(1, token.replaceAll("[^\\p{L}\\p{N}]", "").length()) + 1;
        if (token.matches(".*[.!?]$")) {
            weight += 3;
        } else if (token.matches(".*[,;:]$")) {
            weight += 1.5;
        }
        return weight;
    }

    /** The voiced spans: the whole audio minus the silences (or all of it when everything looks silent). */
    private static List<double[]> voiced(double duration, List<Silence> silences) {
        List<double[]> voiced = new ArrayList<>();
        double cursor = 0;
        for (Silence silence : silences.stream().sorted((a, b) -> Double.compare(a.start(), b.start())).toList()) {
            double start = Math.max(0, Math.min(duration, silence.start()));
            double end = Math.max(start, Math.min(duration, silence.end()));
            if (start > cursor) {
                voiced.add(new double[] {cursor, start});
            }
            cursor = Math.max(cursor, end);
        }
        if (cursor < duration) {
            voiced.add(new double[] {cursor, duration});
        }
        if (voiced.isEmpty()) {
            voiced.add(new double[] {0, duration});
        }
        return voiced;
    }

    /** Maps a position on the concatenated voiced time line back to the audio's time. */
    private static double toRealTime(double speechPosition, List<double[]> voiced) {
        double remaining = speechPosition;
        for (double[] span : voiced) {
            double length = span[1] - span[0];
            if (remaining <= length + 1e-12) {
                return span[0] + remaining;
            }
            remaining -= length;
        }
        return voiced.get(voiced.size() - 1)[1];
    }
}
