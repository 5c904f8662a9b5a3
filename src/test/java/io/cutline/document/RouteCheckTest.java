package io.cutline.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RouteCheckTest {

    @TempDir
    Path dir;

    @Test
    void theShippedRoutesAreValid() {
        assertThat(new RouteCheck().check(Path.of("routes"))).isEmpty();
    }

    @Test
    void mistakesAreReportedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), """
                - route:
                    id: first
                    from:
                      uri: direct:first
                      steps:
                        - set-header:
                            name: x
                            constant: y
                """);
        Files.writeString(dir.resolve("b.yaml"), """
                - route:
                    id: second
                    from:
                      uri: direct:second
                      steps:
                        - to:
                            uri: direct:nowhere
                """);
        Files.writeString(dir.resolve("c.yaml"), "- route: {id: third\n");

        List<DocumentProblem> problems = new RouteCheck().check(dir);

        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.source()).endsWith("a.yaml");
            assertThat(problem.line()).isEqualTo(6);
        });
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.source()).endsWith("b.yaml");
            assertThat(problem.line()).isEqualTo(6);
            assertThat(problem.message()).contains("no route consumes direct:nowhere");
        });
        assertThat(problems).anySatisfy(problem -> {
            assertThat(problem.source()).endsWith("c.yaml");
            assertThat(problem.message()).contains("not valid YAML");
        });
    }
}
