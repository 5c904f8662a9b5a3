package io.cutline.config;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.pattern.ConverterKeys;
import org.apache.logging.log4j.core.pattern.LogEventPatternConverter;
import org.apache.logging.log4j.core.pattern.PatternConverter;

/**
 * {@code %maskedMsg} in a log pattern: the message with {@link Secrets} masked. Cutline's own code
 * keeps secrets out of what it logs, but libraries log what they are given (Camel prints every
 * overridden property at start, a callback URL with its token included), so the last line of
 * defence is the log layout itself.
 */
@Plugin(name = "SecretMaskConverter", category = PatternConverter.CATEGORY)
@ConverterKeys({"maskedMsg"})
public final class SecretMaskConverter extends LogEventPatternConverter {

    private SecretMaskConverter() {
        super("maskedMsg", "maskedMsg");
    }

    public static SecretMaskConverter newInstance(String[] options) {
        return new SecretMaskConverter();
    }

    @Override
    public void format(LogEvent event, StringBuilder toAppendTo) {
        toAppendTo.append(Secrets.redact(event.getMessage().getFormattedMessage()));
    }
}
