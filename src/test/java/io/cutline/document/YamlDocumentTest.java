package io.cutline.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
                .isInstanceOf(UnparsableDocumentException.class)
                .hasMessageStartingWith("broken.yaml:3:5: ")
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void aDuplicateKeyIsAnError() {
        assertThatThrownBy(() -> YamlDocument.parse("id: demo\nname: a\nname: b\n", "dup.yaml"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("dup.yaml:3:1: name: duplicate key");
    }

    @Test
    void anEmptyFileIsAnError() {
        assertThatThrownBy(() -> YamlDocument.parse("# nothing\n", "empty.yaml")).isInstanceOf(UnparsableDocumentException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void remembersTheColumnOfEveryKeyAndValue() {
        YamlDocument document = YamlDocument.parse("""
                id: demo
                voice:
                  wordsPerMinut: 165
                platforms: [youtube, tiktok]
                """, "demo.yaml");
        assertThat(document.positionOf("/voice/wordsPerMinut")).isEqualTo(new Position(3, 3));
        assertThat(document.valuePositionOf("/voice/wordsPerMinut")).isEqualTo(new Position(3, 18));
        assertThat(document.positionOf("/platforms/1")).isEqualTo(new Position(4, 22));
        assertThat(document.valuePositionOf("/voice")).as("a block starts on the next line").isEqualTo(new Position(3, 3));
    }

    @Test
    void anAliasBombIsRefusedAtItsFirstAnchorBeforeItExpands() {
        // the "billion laughs": ~800 bytes, 48 aliases, 3^16 (43 million) leaves once expanded
        StringBuilder bomb = new StringBuilder("a0: &a0 [lol, lol, lol]\n");
        for (int level = 1; level <= 16; level++) {
            String previous = "*a" + (level - 1);
            bomb.append("a").append(level).append(": &a").append(level)
                    .append(" [").append(previous).append(", ").append(previous).append(", ").append(previous).append("]\n");
        }
        assertThat(bomb.length()).isLessThan(1000);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> YamlDocument.parse(bomb.toString(), "bomb.yaml"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("bomb.yaml:1:5: YAML anchors (&a0) are not allowed in configuration files: write the value out"));
        assertThatThrownBy(() -> YamlDocument.parse("a: *x\n", "alias.yaml")).hasMessageStartingWith("alias.yaml:1:4: YAML aliases (*x)");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedNotAStackOverflow() {
        String deep = "[".repeat(20_000) + "]".repeat(20_000) + "\n";
        assertThatThrownBy(() -> YamlDocument.parse(deep, "deep.yaml"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("deep.yaml:1:" + (YamlTree.MAX_DEPTH + 1) + ": nested more than " + YamlTree.MAX_DEPTH + " levels deep");
        assertThat(YamlDocument.parse("[".repeat(YamlTree.MAX_DEPTH) + "]".repeat(YamlTree.MAX_DEPTH), "ok.yaml").root().isArray()).isTrue();
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (var out = Files.newBufferedWriter(huge)) {
            for (int i = 0; i < 200_000; i++) {
                out.write("key" + i + ": a value long enough to fill ten megabytes quickly\n");
            }
        }
        assertThat(Files.size(huge)).isGreaterThan(10_000_000);
        assertThatThrownBy(() -> YamlDocument.read(huge, "huge.yaml"))
                .hasMessage("huge.yaml: the file is larger than 256 KB, the limit for configuration files; it was not read");
    }
}
