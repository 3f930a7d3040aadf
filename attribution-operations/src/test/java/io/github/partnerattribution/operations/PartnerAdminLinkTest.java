package io.github.partnerattribution.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import io.github.partnerattribution.operations.support.ServerGuard;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Partner Admin Link against the emulator: show, link, move, unlink, and ids told apart. */
class PartnerAdminLinkTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();

    PartnerAdminLink pal;

    @BeforeEach
    void client() {
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(ARM.emulator().nettyHttpClient())
                .policies(new BearerTokenAuthenticationPolicy(ARM.emulator().credential(),
                        "https://management.azure.com/.default")).build();
        pal = PartnerAdminLink.create(pipeline, ARM.emulator().endpoint());
    }

    @Test
    void linkShowMoveAndUnlink() {
        assertNull(pal.show());
        PartnerAdminLink.Link linked = pal.link("1234567");
        assertEquals("1234567", linked.partnerId());
        assertEquals("Active", linked.state());
        assertEquals("1234567", pal.show().partnerId());
        assertEquals("1234567", pal.show("1234567").partnerId());
        assertNull(pal.show("7654321"));

        assertEquals("1234567", pal.link("1234567").partnerId()); // already linked: nothing sent but the read
        assertEquals("7654321", pal.link("7654321").partnerId()); // moved
        assertEquals("7654321", pal.show().partnerId());

        assertFalse(pal.unlink("1234567"));
        assertTrue(pal.unlink("7654321"));
        assertNull(pal.show());
        List<String> calls = ARM.emulator().requests().stream().map(r -> r.method() + " " + r.path()
                .replaceAll("\\?.*", "").replace("/providers/Microsoft.ManagementPartner/partners", "P"))
                .collect(Collectors.toList());
        assertEquals(List.of("GET P", "GET P", "PUT P/1234567", "GET P", "GET P/1234567", "GET P/7654321", "GET P",
                "GET P", "PATCH P/7654321", "GET P", "DELETE P/1234567", "DELETE P/7654321", "GET P"), calls);
    }

    @Test
    void throughTheGuardedPipelineTheCliUses() {
        ServerGuard guard = new ServerGuard(java.net.URI.create(ARM.emulator().endpoint()), 20,
                java.time.Duration.ofSeconds(5), 1 << 20);
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(ARM.emulator().nettyHttpClient())
                .policies(guard.perCall(), new com.azure.core.http.policy.RetryPolicy(), guard.perRetry(),
                        new BearerTokenAuthenticationPolicy(ARM.emulator().credential(),
                                "https://management.azure.com/.default")).build();
        PartnerAdminLink guarded = PartnerAdminLink.create(pipeline, ARM.emulator().endpoint());
        assertEquals("1234567", guarded.link("1234567").partnerId()); // a GET, then the PUT
        assertTrue(guarded.unlink("1234567"));
    }

    @Test
    void aGuidIsToldApartFromAPartnerIdAndNothingIsSent() {
        IllegalArgumentException guid = assertThrows(IllegalArgumentException.class,
                () -> pal.link("pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
        assertTrue(guid.getMessage().contains("is a GUID: a tracking GUID of customer usage attribution, which goes"
                + " into pid-<guid>. Partner Admin Link takes your Partner ID from Partner Center, a number such as"
                + " 1234567."), guid.getMessage());
        IllegalArgumentException word = assertThrows(IllegalArgumentException.class, () -> pal.unlink("contoso"));
        assertTrue(word.getMessage().startsWith("\"contoso\" is not a Partner ID"), word.getMessage());
        assertEquals(List.of(), ARM.emulator().requests());
    }

    @Test
    void aServersErrorIsReportedWithItsCodeAndTextEscaped() {
        ARM.emulator().respond("PUT", "/providers/Microsoft.ManagementPartner/partners/1234567", 403,
                Map.of("Content-Type", "application/json"),
                "{\"error\":{\"code\":\"AuthorizationFailed\",\"message\":\"no\\u001b[31m access\"}}");
        com.azure.core.exception.HttpResponseException e = assertThrows(
                com.azure.core.exception.HttpResponseException.class, () -> pal.link("1234567"));
        assertEquals(403, e.getResponse().getStatusCode());
        assertTrue(e.getMessage().startsWith("the endpoint answered 403 \"AuthorizationFailed\""), e.getMessage());
        assertFalse(e.getMessage().contains("\u001b"), e.getMessage());
    }
}
