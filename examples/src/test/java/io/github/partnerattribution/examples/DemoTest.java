package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import org.junit.jupiter.api.Test;

/** The README's demo succeeds in every build, not only when someone runs it. */
class DemoTest {
    @Test
    void theDemoAttributesEveryRequestAndVerifiesTheDeployment() throws Exception {
        assumeTrue(Attribution.of(PartnerId.random()).isActive(), "this environment opts out of attribution");
        try (ArmEmulator arm = ArmEmulator.start()) {
            assertEquals(0, Demo.run(arm));
            arm.assertEveryRequestCarries(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
        }
    }
}
