package io.github.partnerattribution.core.support;

import io.github.partnerattribution.core.Attribution;

/**
 * What a configuration says about itself, for an integration to log with its own logger, each line once per JVM:
 * every warning of {@link Attribution#warnings()}, and one informational line when the customer's opt-out is in
 * force, naming where it came from. Not API.
 */
public final class SettingsReport {
    /** The levels such lines go to. */
    public interface Lines {
        void warning(String message);

        void info(String message);

        /**
         * A line that says something changes what is sent (an opt-out in force): informational in a log, but one a
         * person must be able to see without one.
         */
        default void decision(String message) {
            info(message);
        }
    }

    private SettingsReport() {
    }

    /** Lines for {@code java.util.logging}, as the transports that have no logger of their own use. */
    public static Lines javaUtilLogging(final java.util.logging.Logger logger) {
        return new Lines() {
            @Override
            public void warning(String message) {
                logger.log(java.util.logging.Level.WARNING, message);
            }

            @Override
            public void info(String message) {
                logger.log(java.util.logging.Level.INFO, message);
            }
        };
    }

    /** Sends what has not been reported in this JVM yet. */
    public static void report(Attribution attribution, Lines lines) {
        for (String warning : attribution.warnings()) {
            if (Once.first(warning)) {
                lines.warning(warning);
            }
        }
        if (attribution.isOptedOut()) {
            String line = "Partner attribution is off: the customer opted out through the "
                    + attribution.optOutSource() + ". No pid- token is added to a request by a configuration that reads it.";
            if (Once.first(line)) {
                lines.decision(line);
            }
        }
    }
}
