package io.cutline.support;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Text that must reach a picture exactly as written, whatever it looks like to a shell, to FFmpeg's
 * drawtext expansion, to a filter graph or to ASS: one case per kind, each short enough for one
 * caption or one title line or two, and drawable with the fonts installed here (DejaVu Sans).
 */
public final class HostileText {

    private HostileText() {
    }

    /** Arguments: a name for the case, then the text. */
    public static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("percent", "100% sure, 50%% off"),
                Arguments.of("expansion", "%{localtime} %{pts} %{eif:1:d}"),
                Arguments.of("shell", "$(rm -rf /) `id`; ls | cat"),
                Arguments.of("quotes", "it's \"quoted\" 'twice'"),
                Arguments.of("newline", "first line\nsecond"),
                Arguments.of("emoji", "smile 😀 heart ❤"),
                Arguments.of("hebrew", "שלום עולם"),
                Arguments.of("arabic", "مرحبا بالعالم"),
                Arguments.of("filter graph", "[0:v]null[x];[x] a=b:c,d"),
                Arguments.of("ass override", "{\\b1}bold{\\i1} \\N \\h x}"),
                Arguments.of("backslashes", "C:\\temp\\new \\\\ end"));
    }

    /** Every case's words, in order. */
    public static List<String> words() {
        return cases().map(arguments -> (String) arguments.get()[1]).flatMap(text -> Stream.of(text.strip().split("\\s+"))).toList();
    }
}
