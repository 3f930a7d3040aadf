package io.github.partnerattribution.operations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.operations.support.ServerGuard;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.internal.WireMockAccess;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile ARM endpoint against a verification guarded by {@link ServerGuard}: every run ends with a clear error,
 * no request leaves the endpoint, and so no credential reaches another host. The bound on each test is a safety net
 * against a hang, not a measurement.
 */
@Timeout(60)
class ServerGuardTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    @RegisterExtension
    static final ArmEmulatorExtension OTHER_HOST = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final String LIST = "(?i)/subscriptions/[^/]+/resourcegroups/rg/providers/microsoft\\.resources/deployments/?";
    /** The SDK's usual retry count, with short waits, so that a wait the guard did not stop would show. */
    static final RetryOptions RETRIES = new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(3)
            .setBaseDelay(Duration.ofMillis(1)).setMaxDelay(Duration.ofMillis(5)));

    static ServerGuard guard(int maxRequests, long maxBody) {
        return new ServerGuard(URI.create(ARM.emulator().endpoint()), maxRequests, Duration.ofSeconds(60), maxBody);
    }

    static ServerGuard.RefusedException verifyFails(ServerGuard guard) {
        AzureResourceManager azure = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()))
                .configure(AzureResourceManager.configure()
                        .withHttpClient(ARM.emulator().nettyHttpClient())
                        .withRetryPolicy(ServerGuard.retryPolicy(new com.azure.core.http.policy.ExponentialBackoff(
                                RETRIES.getExponentialBackoffOptions())))
                        .withPolicy(guard.perCall()).withPolicy(guard.perRetry()))
                .authenticate(ARM.emulator().credential(), ARM.emulator().azureProfile())
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> DeploymentVerifier.create(azure).verifyResourceGroup("rg", ID));
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ServerGuard.RefusedException) {
                return (ServerGuard.RefusedException) t;
            }
        }
        throw new AssertionError("not refused by the guard", e);
    }

    static void page(String body) {
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST)).willReturn(okJson(body)));
    }

    @Test
    void aNextLinkToAnotherHostIsRefusedAndNothingIsSentThere() {
        String foreign = OTHER_HOST.emulator().endpoint() + "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID
                + "/resourcegroups/rg/providers/Microsoft.Resources/deployments?api-version=2021-04-01&page=2";
        page("{\"value\":[],\"nextLink\":\"" + foreign + "\"}");
        ServerGuard.RefusedException e = verifyFails(guard(100, 1 << 20));
        assertTrue(e.getMessage().startsWith("refused to follow a link to \"" + OTHER_HOST.emulator().endpoint()),
                e.getMessage());
        assertTrue(e.getMessage().contains("nothing was sent there"), e.getMessage());
        assertEquals(0, OTHER_HOST.emulator().requests().size(), "no request, so no token, reached the other host");
    }

    @Test
    void aNextLinkOnTheSameHostButAnotherPortOrSchemeIsRefusedToo() {
        URI endpoint = URI.create(ARM.emulator().endpoint());
        page("{\"value\":[],\"nextLink\":\"http://" + endpoint.getHost() + ":" + endpoint.getPort() + "/x?page=2\"}");
        assertTrue(verifyFails(guard(100, 1 << 20)).getMessage().startsWith("refused to follow a link to \"http://"));
    }

    @Test
    void aNextLinkThatPointsBackIsALoopNotAnEndlessListing() {
        String self = ARM.emulator().endpoint() + "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID
                + "/resourcegroups/rg/providers/Microsoft.Resources/deployments?api-version=2021-04-01&page=2";
        page("{\"value\":[],\"nextLink\":\"" + self + "\"}");
        ServerGuard guard = guard(100, 1 << 20);
        ServerGuard.RefusedException e = verifyFails(guard);
        assertTrue(e.getMessage().startsWith("the server sent the same link twice"), e.getMessage());
        assertTrue(guard.requests() <= 3, "stopped at once: " + guard.requests());
    }

    @Test
    void endlessDistinctPagesStopAtTheRequestLimit() {
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"value\":[],\"nextLink\":\"" + ARM.emulator().endpoint() + "subscriptions/"
                        + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups/rg/providers/Microsoft.Resources/"
                        + "deployments?api-version=2021-04-01&page={{randomValue length=12 type='ALPHANUMERIC'}}\"}")
                .withTransformers("response-template")));
        ServerGuard guard = guard(25, 1 << 20);
        ServerGuard.RefusedException e = verifyFails(guard);
        assertEquals("stopped after 25 requests to the endpoint (the limit): the server keeps sending more pages or"
                + " deployments than a verification reads", e.getMessage());
    }

    @Test
    void aLongRetryAfterIsReportedNotSlept() {
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        ServerGuard.RefusedException e = verifyFails(guard(100, 1 << 20));
        assertEquals("the endpoint answered 429 and asked to wait 3600 s before trying again, longer than the 60 s"
                + " this tool waits; try again later", e.getMessage());
    }

    @Test
    void aBodyOverTheLimitIsRefusedEvenWithoutADeclaredLength() {
        page("{\"value\":[" + "{},".repeat(5_000) + "{}]}");
        ServerGuard.RefusedException e = verifyFails(guard(100, 4_096));
        assertTrue(e.getMessage().startsWith("the endpoint's answer is"), e.getMessage());
        assertTrue(e.getMessage().contains("the limit of 4096 bytes for one response"), e.getMessage());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() {
        String body = "{\"value\":[" + "{},".repeat(5_000) + "{}]}";
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Length", "" + body.length())
                .withBody(body)));
        ServerGuard.RefusedException e = verifyFails(guard(100, 4_096));
        assertEquals("the endpoint's answer is " + body.length() + " bytes long, over the limit of 4096 bytes for one"
                + " response", e.getMessage());
    }

    @Test
    void aGuardedSyncResponseGivesItsWholeBodyHoweverAndHoweverOftenItIsRead() {
        io.github.partnerattribution.test.internal.WireMockAccess.of(ARM.emulator()).stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/body"))
                        .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"a\":1}")));
        for (int way = 0; way < 3; way++) {
            ServerGuard guard = guard(10, 1 << 20);
            com.azure.core.http.HttpPipeline pipeline = new com.azure.core.http.HttpPipelineBuilder()
                    .httpClient(ARM.emulator().nettyHttpClient()).policies(guard.perCall(),
                            new com.azure.core.http.policy.RetryPolicy(), guard.perRetry()).build();
            try (com.azure.core.http.HttpResponse r = pipeline.sendSync(new com.azure.core.http.HttpRequest(
                    com.azure.core.http.HttpMethod.GET, ARM.emulator().endpoint() + "body"), com.azure.core.util.Context.NONE)) {
                String body = way == 0 ? r.getBodyAsBinaryData().toString() : way == 1
                        ? new String(r.getBodyAsByteArray().block(), java.nio.charset.StandardCharsets.UTF_8)
                        : r.getBodyAsString().block();
                assertEquals("{\"a\":1}", body, "way " + way);
                assertEquals("{\"a\":1}", r.getBodyAsBinaryData().toString(), "read again after way " + way);
            }
        }
    }

    @Test
    void aBodyRefusedForItsSizeIsNotAskedForAgain() {
        String body = "{\"value\":[" + "{},".repeat(5_000) + "{}]}";
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Content-Length", "" + body.length())
                .withBody(body)));
        ServerGuard guard = guard(100, 4_096);
        verifyFails(guard);
        assertEquals(1, guard.requests(), "refused once, never retried");
        assertEquals(1, ARM.emulator().requests().stream().filter(r -> r.path().contains("/deployments")).count());
    }

    /** Distinct pages each under the limit for one answer still stop at the bound for the whole run. */
    @Test
    void pagesThatAddUpPastTheRunsBoundStopThere() {
        String filler = "{\"name\":\"" + "x".repeat(2_000) + "\"}";
        WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathMatching(LIST)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"value\":[" + filler + "],\"nextLink\":\"" + ARM.emulator().endpoint() + "subscriptions/"
                        + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups/rg/providers/Microsoft.Resources/"
                        + "deployments?api-version=2021-04-01&page={{randomValue length=12 type='ALPHANUMERIC'}}\"}")
                .withTransformers("response-template")));
        ServerGuard guard = new ServerGuard(URI.create(ARM.emulator().endpoint()), 1_000, Duration.ofSeconds(60),
                1 << 20, 40_000);
        ServerGuard.RefusedException e = verifyFails(guard);
        assertEquals("stopped after the endpoint's answers reached 40000 bytes in all (the limit for one run): it keeps"
                + " sending more than a verification reads", e.getMessage());
        assertTrue(guard.requests() <= 21, "stopped near the bound: " + guard.requests());
    }
}
