package io.cutline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.cutline.config.Settings;
import io.cutline.mcp.StdioBridge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mcp", description = "Serves MCP over stdio (for Claude Desktop and other clients that launch a process) by"
        + " bridging to a running service's /mcp. The token comes from CUTLINE_API_TOKEN, else the file a local serve wrote."
        + " stdout carries only MCP messages; logs go to stderr.")
public class McpCommand implements Callable<Integer> {

    @Option(names = "--url", description = "The service's MCP endpoint (default: http://127.0.0.1:<camel.server.port>/mcp)")
    String url;

    @Override
    public Integer call() throws IOException {
        record Target(URI endpoint, String token) {
        }
        Target target = CutlineRuntime.withSettings(settings -> new Target(
                URI.create(url != null ? url : "http://127.0.0.1:" + settings.integer("camel.server.port") + "/mcp"), token(settings)));
        if (!"http".equals(target.endpoint().getScheme()) && !"https".equals(target.endpoint().getScheme())) {
            throw new CommandFailure(ExitCode.USAGE, "--url must be an http(s) URL, got '" + url + "'",
                    "e.g. --url http://127.0.0.1:8080/mcp");
        }
        PrintStream protocol = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        new StdioBridge(target.endpoint(), target.token(), protocol)
                .run(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        return ExitCode.OK;
    }

    /** The API token: the variable cutline.api.token-env names, else the token a serve on this machine made for its run. */
    private static String token(Settings settings) {
        Optional<String> fromEnvironment = settings.optional("cutline.api.token-env").map(System::getenv).filter(value -> !value.isBlank());
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get().trim();
        }
        Path generated = settings.path("cutline.api.generated-token-file");
        if (Files.isReadable(generated)) {
            try {
                return Files.readString(generated).trim();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new CommandFailure(ExitCode.USAGE, "no API token: " + settings.optional("cutline.api.token-env").orElse("CUTLINE_API_TOKEN")
                + " is not set and no running serve wrote " + generated, "set CUTLINE_API_TOKEN to the service's token");
    }
}
