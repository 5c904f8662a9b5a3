package io.cutline.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Serves the operator console's static files (routes/console.yaml) from the classpath folder
 * {@code console/}. A file is named by one plain path segment (letters, digits, {@code . -}, not
 * starting with a dot), so no name can leave the folder; only known kinds of file are served, each
 * with its content type. Every answer carries a Content-Security-Policy that allows scripts, styles
 * and requests from this origin only (no inline script, no other origin) and media from blob: URLs
 * (the console fetches videos with the token and plays them from memory).
 */
public class ConsoleFiles {

    /** The policy every console answer carries; the page's scripts and styles are files, never inline. */
    public static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; "
            + "media-src 'self' blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,99}");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "md", "text/markdown; charset=utf-8",
            "svg", "image/svg+xml");

    private final String folder;

    /** {@code folder}: the classpath folder holding the files ({@code console}). */
    public ConsoleFiles(String folder) {
        this.folder = folder;
    }

    /** Answers with the file named {@code name} (404 in plain text for any other name). */
    public void serve(String name, Exchange exchange) {
        Message answer = exchange.getMessage();
        answer.removeHeaders("*");
        answer.setHeader("Content-Security-Policy", POLICY);
        answer.setHeader("X-Content-Type-Options", "nosniff");
        answer.setHeader("Referrer-Policy", "no-referrer");
        answer.setHeader("Cache-Control", "no-cache");
        String type = name != null && PLAIN_NAME.matcher(name).matches() ? TYPES.get(name.substring(name.lastIndexOf('.') + 1)) : null;
        byte[] content = type == null ? null : read(folder + "/" + name);
        if (content == null) {
            answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 404);
            answer.setHeader(Exchange.CONTENT_TYPE, "text/plain; charset=utf-8");
            answer.setBody("no console file '" + (name == null ? "" : name.replaceAll("[^A-Za-z0-9.-]", "?")) + "'\n");
            return;
        }
        answer.setHeader(Exchange.HTTP_RESPONSE_CODE, 200);
        answer.setHeader(Exchange.CONTENT_TYPE, type);
        answer.setBody(content);
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleFiles.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
