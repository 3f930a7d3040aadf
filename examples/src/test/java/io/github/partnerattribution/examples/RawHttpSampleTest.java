package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import org.junit.jupiter.api.Test;

class RawHttpSampleTest {
    @Test
    void theSampleTagsTheUserAgent() {
        PartnerId id = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        String ua = RawHttpSample.listResourceGroups("sub", "token").headers().firstValue("User-Agent").orElseThrow();
        assertTrue(ua.startsWith("contoso-provisioner/1.0"), ua);
        // The sample honours a customer opt-out in this machine's environment, as it must.
        if (Attribution.of(id).isActive()) {
            assertTrue(UserAgents.carriesExactlyOnce(ua, id) && ua.endsWith(" " + id.token()), ua);
        } else {
            assertEquals("contoso-provisioner/1.0", ua);
        }
    }
}
