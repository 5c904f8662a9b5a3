package io.cutline.config;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every secret value this process has read (provider keys, API tokens, the database password),
 * so that text on its way to a log, the ledger or an API answer can be cleaned of them: a provider
 * error that echoes the key it was sent is stored and shown without it. Values shorter than
 * {@value #SHORTEST} characters are not secrets worth masking (they would mask ordinary words).
 */
public final class Secrets {

    static final int SHORTEST = 8;
    private static final String MASK = "***";
    /** Credentials in authorization headers and URL parameters, whatever their value. */
    private static final Pattern CREDENTIAL_SHAPES = Pattern.compile(
            "((?:Bearer|bearer|Basic|Key) +|(?i:api[_-]?key|access_token|token|password|secret)=)[^\\s&\"',;]+");

    private static final Set<String> KNOWN = ConcurrentHashMap.newKeySet();
    /** The known secrets, longest first (so a secret containing another is masked whole); redact runs for every log line. */
    private static volatile List<String> longestFirst = List.of();

    private Secrets() {
    }

    /** Remembers a secret value (as read from the environment or a secrets file); returns it. */
    public static synchronized String register(String value) {
        if (value != null && value.strip().length() >= SHORTEST && KNOWN.add(value.strip())) {
            longestFirst = KNOWN.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        }
        return value;
    }

    /** The text with every known secret, and anything shaped like a credential, replaced by {@value #MASK}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String clean = text;
        for (String secret : longestFirst) {
            clean = clean.replace(secret, MASK);
        }
        return CREDENTIAL_SHAPES.matcher(clean).replaceAll("$1" + MASK);
    }
}
