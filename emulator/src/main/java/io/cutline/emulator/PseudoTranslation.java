package io.cutline.emulator;

import java.util.Locale;
import java.util.Map;

/**
 * What the emulated LLM answers to a translate prompt. It cannot translate, so it writes each text in
 * the target language's script, letter for letter (by sound where it can: Hebrew writes i, o and u with
 * its vowel letters, so espeak-ng reads it as speech), keeping words, spaces and punctuation: Hebrew and
 * Arabic letters (right to left), Japanese kana, Chinese ideographs, Cyrillic, Greek; German gets its
 * umlauts and ß. That is enough to test what a translation changes downstream: voice, captions
 * (right-to-left and CJK glyphs), titles. Another language keeps the text, tagged with the language.
 */
final class PseudoTranslation {

    private static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
    private static final Map<String, String> SCRIPTS = Map.of(
            "he", "אבקדעפגהיגכלמנופקרסתווחזיז",
            "ar", "ابتثجحخدذرزسشصضطظعغفقكلمنه",
            "ja", "あいうえおかきくけこさしすせそたちつてとなにぬねのは",
            "zh", "的一是不了人我在有他这中大来上个国到说们为子和你地出",
            "ru", "абцдефгхийклмнопярстувшхыз",
            "el", "αβψδεφγηιξκλμνοπθρστυωςχυζ");
    private static final Map<Character, String> GERMAN = Map.of('a', "ä", 'o', "ö", 'u', "ü", 's', "ß");

    private PseudoTranslation() {
    }

    static String into(String language, String text) {
        String primary = language.toLowerCase(Locale.ROOT).split("-")[0];
        String script = SCRIPTS.get(primary);
        if (script == null && !primary.equals("de")) {
            return "[" + language + "] " + text;
        }
        StringBuilder translated = new StringBuilder();
        for (char c : text.toCharArray()) {
            int letter = LATIN.indexOf(Character.toLowerCase(c));
            if (letter < 0) {
                translated.append(c);
            } else if (script != null) {
                translated.append(script.charAt(letter));
            } else {
                translated.append(GERMAN.getOrDefault(c, String.valueOf(c)));
            }
        }
        return translated.toString();
    }
}
