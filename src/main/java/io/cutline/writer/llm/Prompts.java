package io.cutline.writer.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The prompt files ops edit ({@code config/prompts/<task>.md}: system, brief, storyboard, repair), read
 * when a prompt is made so an edit takes effect at the next call. A file names its variables as
 * {@code {name}}; a name the task does not have is an error naming the file and the names it has.
 */
final class Prompts {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private final Path directory;

    Prompts(Path directory) {
        this.directory = directory;
    }

    String fill(String task, Map<String, String> variables) {
        Path file = directory.resolve(task + ".md");
        String template;
        try {
            template = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the " + task + " prompt " + file, e);
        }
        Matcher matcher = VARIABLE.matcher(template);
        StringBuilder prompt = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("prompt " + file + " uses {" + matcher.group(1) + "}; its variables are "
                        + String.join(", ", new java.util.TreeSet<>(variables.keySet())));
            }
            matcher.appendReplacement(prompt, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(prompt);
        return prompt.toString().strip();
    }
}
