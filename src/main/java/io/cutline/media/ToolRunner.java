package io.cutline.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.exec.ExecBinding;
import org.apache.camel.component.exec.ExecException;
import org.apache.camel.component.exec.ExecResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ffmpeg, ffprobe and espeak-ng through camel-exec: an argument list (never a shell line),
 * exit code 0 required, a timeout. User text never appears in the arguments: callers pass it in files.
 */
public class ToolRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ToolRunner.class);

    private static final int STDERR_TAIL = 600;

    private final ProducerTemplate producer;
    private final Map<Tool, String> executables;
    private final String endpoint;

    public ToolRunner(ProducerTemplate producer, Map<Tool, String> executables, long timeoutMillis) {
        this.producer = producer;
        this.executables = new EnumMap<>(executables);
        this.endpoint = "exec:cutline-tool?exitValues=0&timeout=" + timeoutMillis;
    }

    /** What a tool printed. */
    public record Output(String stdout, String stderr) {
    }

    /** Runs the tool and returns what it printed. */
    public Output run(Tool tool, List<String> args) {
        return run(tool, args, null);
    }

    /**
     * Runs the tool in {@code workingDir}, so arguments and filter graphs can name files there by
     * relative, character-safe names whatever the absolute path looks like.
     */
    public Output run(Tool tool, List<String> args, Path workingDir) {
        long started = System.nanoTime();
        Exchange result = producer.send(endpoint, exchange -> {
            exchange.getIn().setHeader(ExecBinding.EXEC_COMMAND_EXECUTABLE, executables.get(tool));
            exchange.getIn().setHeader(ExecBinding.EXEC_COMMAND_ARGS, List.copyOf(args));
            if (workingDir != null) {
                exchange.getIn().setHeader(ExecBinding.EXEC_COMMAND_WORKING_DIR, workingDir.toString());
            }
        });
        Exception failure = result.getException();
        if (failure instanceof ExecException exec) {
            throw new ToolFailedException(tool, exec.getExitValue(), tail(read(exec.getStderr())), exec);
        }
        if (failure != null) {
            throw new ToolFailedException(tool, -1, String.valueOf(failure.getMessage()), failure);
        }
        ExecResult exec = result.getMessage().getBody(ExecResult.class);
        LOG.debug("{} took {} ms", tool, (System.nanoTime() - started) / 1_000_000);
        return new Output(read(exec.getStdout()), read(exec.getStderr()));
    }

    public String executable(Tool tool) {
        return executables.get(tool);
    }

    private static String read(InputStream stream) {
        if (stream == null) {
            return "";
        }
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static String tail(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= STDERR_TAIL ? trimmed : "…" + trimmed.substring(trimmed.length() - STDERR_TAIL);
    }
}
