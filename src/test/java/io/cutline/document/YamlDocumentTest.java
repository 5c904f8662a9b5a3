package io.cutline.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class YamlDocumentTest {

    @Test
    void remembersTheLineOfEveryValue() {
        YamlDocument document = YamlDocument.parse("""
                id: demo
                voice:
                  name: en-us
                platforms:
                  - youtube
                  - tiktok
                """, "demo.yaml");
        assertThat(document.lineOf("/id")).isEqualTo(1);
        assertThat(document.lineOf("/voice/name")).isEqualTo(3);
        assertThat(document.lineOf("/platforms/1")).isEqualTo(6);
        assertThat(document.lineOf("/voice/missing")).as("nearest located parent").isEqualTo(2);
        assertThat(document.root().path("platforms").get(1).asText()).isEqualTo("tiktok");
    }

    @Test
    void typesScalarsLikeYaml12() {
        YamlDocument document = YamlDocument.parse("a: 12\nb: 1.5\nc: true\nd: null\ne: '12'\n", "x.yaml");
        assertThat(document.root().path("a").isIntegralNumber()).isTrue();
        assertThat(document.root().path("b").isDouble()).isTrue();
        assertThat(document.root().path("c").isBoolean()).isTrue();
        assertThat(document.root().path("d").isNull()).isTrue();
        assertThat(document.root().path("e").isTextual()).isTrue();
    }

    @Test
    void aSyntaxErrorNamesTheFileAndLine() {
        assertThatThrownBy(() -> YamlDocument.parse("id: demo\nvoice: [en-us\nname: x\n", "broken.yaml"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessageStartingWith("broken.yaml:3: ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> YamlDocument.parse("id: demo\nname: a\nname: b\n", "dup.yaml"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("dup.yaml:3: name: duplicate key");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThatThrownBy(() -> YamlDocument.parse("# nothing\n", "empty.yaml")).hasMessageContaining("the file is empty");
    }
}
