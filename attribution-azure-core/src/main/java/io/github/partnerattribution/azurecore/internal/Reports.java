package io.github.partnerattribution.azurecore.internal;

import com.azure.core.util.logging.ClientLogger;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.internal.Once;
import io.github.partnerattribution.core.internal.SettingsReport;

/**
 * Where this module's log lines go: azure-core's {@link ClientLogger} (so SLF4J, or {@code AZURE_LOG_LEVEL}), never
 * on the path of a request. Settings are read for every client, so what they say is reported once per JVM. Not API.
 */
public final class Reports {
    /** The three levels this module logs at; the one seam tests replace. */
    public interface Sink extends SettingsReport.Lines {
        void error(String message);
    }

    private static final Sink LOGGER = new Sink() {
        private final ClientLogger logger = new ClientLogger("io.github.partnerattribution.azurecore");

        @Override
        public void error(String message) {
            logger.error(message);
        }

        @Override
        public void warning(String message) {
            logger.warning(message);
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }
    };

    private static volatile Sink sink = LOGGER;

    private Reports() {
    }

    /** The sink in use. */
    public static Sink sink() {
        return sink;
    }

    /** Replaces the sink (null restores the logger) and forgets what was reported; for tests. */
    public static void redirectForTests(Sink replacement) {
        sink = replacement == null ? LOGGER : replacement;
        Once.forget();
    }

    /** An error once per JVM. */
    public static void errorOnce(String message) {
        if (Once.first(message)) {
            sink.error(message);
        }
    }

    /** An informational line once per JVM. */
    public static void infoOnce(String message) {
        if (Once.first(message)) {
            sink.info(message);
        }
    }

    /** What a configuration says about itself (its warnings, an opt-out in force), once per JVM each line. */
    public static void settingsOf(Attribution attribution) {
        SettingsReport.report(attribution, sink);
    }
}
