package io.github.partnerattribution.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Each report once, none dropped, the first ones kept for the doctor. */
class AgentReportsTest {
    @Test
    void aMessageIsPrintedOnceAndNoneIsDroppedPastWhatIsKept() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AgentReports reports = new AgentReports(new PrintStream(bytes, true));
        for (int i = 0; i < AgentReports.KEPT + 8; i++) {
            reports.once("ERROR", "message " + i);
            reports.once("ERROR", "message " + i);
        }
        String printed = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(AgentReports.KEPT + 8, printed.split("\n").length, printed);
        assertEquals("[partner-attribution] ERROR Java agent: message 0", printed.split("\n")[0].trim());
        assertEquals(AgentReports.KEPT, reports.all().size());
        assertEquals("ERROR message 0", reports.all().get(0));
    }
}
