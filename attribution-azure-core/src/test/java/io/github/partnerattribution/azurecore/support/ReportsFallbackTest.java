package io.github.partnerattribution.azurecore.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.azure.core.util.logging.ClientLogger;
import com.azure.core.util.logging.LogLevel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What changes what is sent reaches a person without a logging binding: on standard error, once per JVM, unless
 * SLF4J is bound or azure-core's own fallback logger prints that level.
 */
@Tag("azure-core-only")
class ReportsFallbackTest {
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final PrintStream stream = new PrintStream(err, true);
    final ClientLogger logger = new ClientLogger(ReportsFallbackTest.class);

    @BeforeEach
    @AfterEach
    void forget() {
        Reports.redirectForTests(null);
    }

    String printed() {
        return new String(err.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void withoutABindingWarningsErrorsAndDecisionsGoToStandardErrorOnce() {
        Reports.LoggerSink sink = new Reports.LoggerSink(logger, false, level -> false, stream);
        sink.warning("two ids");
        sink.warning("two ids");
        sink.error("a bad id");
        sink.decision("opted out");
        sink.info("active");
        assertEquals("[partner-attribution] WARNING two ids" + System.lineSeparator()
                + "[partner-attribution] ERROR a bad id" + System.lineSeparator()
                + "[partner-attribution] INFO opted out" + System.lineSeparator(), printed());
    }

    /** Whichever sink prints them (a test's own, a bound logger), errors, warnings and decisions are kept for the doctor. */
    @Test
    void everySinksErrorsWarningsAndDecisionsAreKept() {
        for (boolean bound : new boolean[] {false, true}) {
            Reports.redirectForTests(new Reports.LoggerSink(logger, bound, level -> false, stream));
            Reports.sink().warning("two ids");
            Reports.sink().warning("two ids");
            Reports.sink().error("a bad id");
            Reports.sink().decision("opted out");
            Reports.sink().info("active");
            assertEquals(Arrays.asList("WARNING two ids", "ERROR a bad id", "INFO opted out"), Reports.decisions());
        }
    }

    @Test
    void aBindingOrAzureCoresFallbackLoggerTakesOver() {
        new Reports.LoggerSink(logger, true, level -> false, stream).warning("bound");
        new Reports.LoggerSink(logger, false, level -> true, stream).warning("AZURE_LOG_LEVEL prints it");
        new Reports.LoggerSink(logger, false, level -> level != LogLevel.INFORMATIONAL, stream).decision("info not on");
        assertEquals("[partner-attribution] INFO info not on" + System.lineSeparator(), printed());
    }
}
