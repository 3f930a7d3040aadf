package io.github.partnerattribution.azurecore.support;

import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.support.FirstLines;
import io.github.partnerattribution.core.support.Once;
import io.github.partnerattribution.core.support.SettingsReport;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where this module's log lines go: azure-core's {@link ClientLogger} (so SLF4J, or {@code AZURE_LOG_LEVEL}), never
 * on the path of a request. Settings are read for every client, so what they say is reported once per JVM.
 *
 * <p>What changes what is sent (an error, a warning, an opt-out in force) must reach a person who has no logging
 * set up: when no SLF4J binding is present (SLF4J's no-operation factory, with or without {@code slf4j-nop}) and
 * azure-core's fallback logger is not switched on at that level by {@code AZURE_LOG_LEVEL}, such a line is also
 * written once per JVM to standard error, prefixed {@code [partner-attribution]}. Every such line is also kept (the
 * first {@value #KEPT} of them) for {@code AttributionDoctor}. Not API: exported to this project's Spring Boot starter and
 * operations module only.
 */
public final class Reports {
    static final int KEPT = 32;

    /** The levels this module logs at; the one seam tests replace. */
    public interface Sink extends SettingsReport.Lines {
        void error(String message);
    }

    /**
     * The logger sink, with standard error as the fallback. Tests give it their own stream and say whether SLF4J is
     * bound and what azure-core's logger would print, which otherwise depend on the class path and environment.
     */
    static final class LoggerSink implements Sink {
        private final ClientLogger logger;
        private final boolean slf4jBound;
        private final Predicate<LogLevel> loggerPrints;
        private final PrintStream fallback;

        LoggerSink(ClientLogger logger, boolean slf4jBound, Predicate<LogLevel> loggerPrints, PrintStream fallback) {
            this.logger = logger;
            this.slf4jBound = slf4jBound;
            this.loggerPrints = loggerPrints;
            this.fallback = fallback;
        }

        @Override
        public void error(String message) {
            logger.error(message);
            visible(LogLevel.ERROR, "ERROR", message);
        }

        @Override
        public void warning(String message) {
            logger.warning(message);
            visible(LogLevel.WARNING, "WARNING", message);
        }

        @Override
        public void info(String message) {
            logger.info(message);
        }

        @Override
        public void decision(String message) {
            logger.info(message);
            visible(LogLevel.INFORMATIONAL, "INFO", message);
        }

        private void visible(LogLevel level, String label, String message) {
            if (!slf4jBound && !loggerPrints.test(level) && Once.first("stderr: " + message)) {
                fallback.println("[partner-attribution] " + label + " " + message);
            }
        }
    }

    private static final FirstLines DECISIONS = new FirstLines(KEPT);
    private static final ClientLogger CLIENT_LOGGER = new ClientLogger("io.github.partnerattribution.azurecore");
    private static final Sink LOGGER = new LoggerSink(CLIENT_LOGGER, slf4jBound(), CLIENT_LOGGER::canLogAtLevel,
            System.err);

    private static volatile Sink sink = new Keeping(LOGGER);

    /** A sink that also keeps each error, warning and decision for the doctor, whichever sink prints them. */
    private static final class Keeping implements Sink {
        private final Sink printing;

        Keeping(Sink printing) {
            this.printing = printing;
        }

        @Override
        public void error(String message) {
            keep("ERROR " + message);
            printing.error(message);
        }

        @Override
        public void warning(String message) {
            keep("WARNING " + message);
            printing.warning(message);
        }

        @Override
        public void info(String message) {
            printing.info(message);
        }

        @Override
        public void decision(String message) {
            keep("INFO " + message);
            printing.decision(message);
        }
    }

    private Reports() {
    }

    /** The sink in use. */
    public static Sink sink() {
        return sink;
    }

    /** Replaces the sink (null restores the logger) and forgets what was reported; for tests. */
    public static void redirectForTests(Sink replacement) {
        sink = new Keeping(replacement == null ? LOGGER : replacement);
        Once.forget();
        DECISIONS.clear();
    }

    /** An error once per JVM. */
    public static void errorOnce(String message) {
        if (Once.first(message)) {
            sink.error(message);
        }
    }

    /** A warning once per JVM. */
    public static void warningOnce(String message) {
        if (Once.first(message)) {
            sink.warning(message);
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

    /**
     * The errors, warnings and decisions this JVM reported through the logger so far (the first {@value #KEPT}),
     * each prefixed with its level.
     */
    public static List<String> decisions() {
        return DECISIONS.all();
    }

    static void keep(String line) {
        DECISIONS.add(line);
    }

    /**
     * Whether SLF4J has a binding that logs: azure-core itself falls back to its own logger when SLF4J's factory is
     * the no-operation one (no binding, or {@code slf4j-nop}), so this follows the same rule.
     */
    static boolean slf4jBound() {
        try {
            Object factory = Class.forName("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
            String name = factory.getClass().getName();
            return !name.endsWith(".NOPLoggerFactory") && !name.endsWith(".SubstituteLoggerFactory");
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
