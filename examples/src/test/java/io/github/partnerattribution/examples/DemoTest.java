package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's demo succeeds in every build, not only when someone runs it, and every step it names shows something. */
class DemoTest {
    @Test
    void theDemoAttributesEveryRequestAndVerifiesTheDeployment() throws Exception {
        assumeTrue(Attribution.of(PartnerId.random()).isActive(), "this environment opts out of attribution");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        try (ArmEmulator arm = ArmEmulator.start()) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                assertEquals(0, Demo.run(arm));
            } finally {
                System.setOut(out);
            }
            arm.assertEveryRequestCarries(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
        }
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        int steps = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\d\\. .*")) {
                steps++;
                assertTrue(i + 1 < lines.length && lines[i + 1].startsWith("   "), "step without content: " + lines[i]);
            }
        }
        assertEquals(5, steps, String.join("\n", lines));
    }
}
