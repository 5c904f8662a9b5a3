package io.cutline.api;

import io.cutline.config.Secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import io.cutline.document.DocumentProblem;
import io.cutline.document.InvalidDocumentException;
import io.cutline.document.YamlDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API's bearer tokens. Only their SHA-256 digests are held, and a presented token is compared
 * with every one of them in constant time. {@code CUTLINE_API_TOKEN} (the variable
 * {@code cutline.api.token-env} names) is one token with every right; a tokens file lists more, each
 * with a name, a role and the token's digest, so tokens can be added and rotated without a secret in
 * any file. With neither, a token is made for this run and written to a file only its owner can read.
 */
public final class ApiTokens {

    private static final Logger LOG = LoggerFactory.getLogger(ApiTokens.class);

    /** A known token: its name (never the token), what it may do, and its digest. */
    public record Token(String name, Role role, byte[] digest) {
    }

    private final List<Token> tokens;
    private final boolean configured;

    private ApiTokens(List<Token> tokens, boolean configured) {
        this.tokens = List.copyOf(tokens);
        this.configured = configured;
    }

    /**
     * The tokens from the environment variable and the tokens file (either may be absent); with none,
     * one made for this run, written to {@code generatedFile} (none when it is null: no API is served).
     */
    public static ApiTokens load(String environmentValue, Path tokensFile, Path generatedFile) {
        List<Token> tokens = new ArrayList<>();
        if (environmentValue != null && !environmentValue.isBlank()) {
            tokens.add(new Token("env", Role.OPERATE, digest(Secrets.register(environmentValue).trim())));
        }
        if (tokensFile != null) {
            tokens.addAll(readFile(tokensFile));
        }
        if (!tokens.isEmpty()) {
            return new ApiTokens(tokens, true);
        }
        if (generatedFile == null) {
            return new ApiTokens(List.of(), false);
        }
        String made = generate();
        write(generatedFile, made);
        LOG.warn("no API token configured (set CUTLINE_API_TOKEN or cutline.api.tokens-file): a token for this run is in {}", generatedFile);
        return new ApiTokens(List.of(new Token("generated", Role.OPERATE, digest(made))), false);
    }

    /** Whether tokens were configured (rather than made for this run). */
    public boolean configured() {
        return configured;
    }

    /** The token whose digest matches; every known digest is compared, each in constant time. */
    public Optional<Token> find(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] digest = digest(presented.trim());
        Token match = null;
        for (Token token : tokens) {
            if (MessageDigest.isEqual(token.digest(), digest)) {
                match = token;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The SHA-256 of a token, as the tokens file holds it (hex: {@code printf %s "$TOKEN" | sha256sum}). */
    public static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Token> readFile(Path file) {
        String source = file.toString();
        YamlDocument document = YamlDocument.read(file, source);
        List<Token> tokens = new ArrayList<>();
        List<DocumentProblem> problems = new ArrayList<>();
        JsonNode entries = document.root().path("tokens");
        if (!entries.isArray() || entries.isEmpty()) {
            problems.add(new DocumentProblem(source, 1, "tokens", "must list at least one {name, role, sha256}"));
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode entry = entries.get(i);
            String pointer = "/tokens/" + i;
            String name = entry.path("name").asText("");
            String role = entry.path("role").asText("");
            String sha256 = entry.path("sha256").asText("").toLowerCase(Locale.ROOT);
            if (!name.matches("[A-Za-z0-9._-]{1,64}")) {
                problems.add(new DocumentProblem(source, document.lineOf(pointer), "tokens[" + i + "].name", "1-64 letters, digits, . _ -"));
            }
            Optional<Role> parsed = Role.parse(role);
            if (parsed.isEmpty()) {
                problems.add(new DocumentProblem(source, document.lineOf(pointer), "tokens[" + i + "].role",
                        "must be one of " + Role.names() + ", got '" + role + "'"));
            }
            if (!sha256.matches("[0-9a-f]{64}")) {
                problems.add(new DocumentProblem(source, document.lineOf(pointer), "tokens[" + i + "].sha256",
                        "must be the token's SHA-256 in hex (printf %s \"$TOKEN\" | sha256sum)"));
            }
            if (parsed.isPresent() && sha256.matches("[0-9a-f]{64}")) {
                tokens.add(new Token(name, parsed.get(), HexFormat.of().parseHex(sha256)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(problems);
        }
        return tokens;
    }

    private static String generate() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static void write(Path file, String token) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, token + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the API token to " + file, e);
        }
    }
}
