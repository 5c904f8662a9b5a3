package io.cutline.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Schema problems are placed where an operator looks: the unknown key, the wrong value, the mapping missing a key. */
class SchemaCheckTest {

    private final SchemaCheck signals = SchemaCheck.load("signals.schema.json");

    @Test
    void anUnknownKeyIsReportedAtTheKeyWithTheClosestKnownOne() {
        YamlDocument document = YamlDocument.parse("""
                topics:
                  - title: The Moon is slowly leaving Earth
                    scroe: 0.9
                    facts: [It moves about four centimetres a year., Tides cause it.]
                """, "moon.yaml");

        List<DocumentProblem> problems = signals.problems(document);

        assertThat(problems).extracting(DocumentProblem::toString).contains(
                "moon.yaml:3:5: topics[0].scroe: unknown key; did you mean `score`?",
                "moon.yaml:2:5: topics[0].score: required property 'score' not found");
    }

    @Test
    void anUnknownKeyFarFromAnyKnownOneListsTheKeys() {
        YamlDocument document = YamlDocument.parse("topics: []\nweather: sunny\n", "x.yaml");
        assertThat(signals.problems(document)).extracting(DocumentProblem::toString)
                .contains("x.yaml:2:1: weather: unknown key; the keys here are topics");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedAtTheValue() {
        YamlDocument document = YamlDocument.parse("""
                topics:
                  - title: The Moon is slowly leaving Earth
                    score: very high
                    facts: [It moves about four centimetres a year., Tides cause it.]
                """, "moon.yaml");
        assertThat(signals.problems(document)).extracting(DocumentProblem::toString)
                .containsExactly("moon.yaml:3:12: topics[0].score: string found, number expected");
    }

    @Test
    void aValueWithoutAFileHasNoPosition() {
        assertThat(signals.problems(YamlDocument.parse("topics: 3\n", "x").root(), "request body"))
                .extracting(DocumentProblem::toString).containsExactly("request body: topics: integer found, array expected");
    }
}
