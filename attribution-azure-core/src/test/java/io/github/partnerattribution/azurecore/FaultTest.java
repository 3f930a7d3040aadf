package io.github.partnerattribution.azurecore;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.test.internal.WireMockAccess;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.util.Context;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Faults from the server (connection reset, empty response, 503 and 429 bursts, a slow answer): attribution never
 * changes how a call ends, never throws, and every attempt that reaches the server is tagged once.
 */
class FaultTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension();
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    static final List<ResponseDefinitionBuilder> FAULTS = List.of(
            aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
            aResponse().withFault(Fault.EMPTY_RESPONSE),
            aResponse().withStatus(503),
            aResponse().withStatus(503),
            aResponse().withStatus(429).withHeader("Retry-After", "0"),
            aResponse().withStatus(429).withHeader("Retry-After", "0"),
            aResponse().withStatus(200).withFixedDelay(300).withBody("{}"));

    /** Each attempt gets the next answer of {@link #FAULTS}. */
    static void stubTheFaults() {
        for (int i = 0; i < FAULTS.size(); i++) {
            WireMockAccess.of(ARM.emulator()).stubFor(get(urlPathEqualTo("/faulty")).inScenario("faults")
                    .whenScenarioStateIs(i == 0 ? STARTED : "attempt " + i)
                    .willSetStateTo("attempt " + (i + 1)).willReturn(FAULTS.get(i)));
        }
    }

    static int call(ArmTestClients client, Attribution attribution) {
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(client.httpClient(ARM.emulator()))
                .policies(PartnerAttributionPolicy.create(attribution), new RetryPolicy(new com.azure.core.http.policy.RetryOptions(
                        new com.azure.core.http.policy.ExponentialBackoffOptions().setMaxRetries(FAULTS.size())
                                .setBaseDelay(java.time.Duration.ofMillis(1)).setMaxDelay(java.time.Duration.ofMillis(2)))))
                .build();
        HttpRequest request = new HttpRequest(HttpMethod.GET, ARM.emulator().endpoint() + "faulty");
        request.setHeader(HttpHeaderName.USER_AGENT, "fault-test/1.0");
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            return response.getStatusCode();
        }
    }

    @ParameterizedTest
    @EnumSource(ArmTestClients.class)
    void attributionNeverChangesHowAFaultyCallEnds(ArmTestClients client) {
        stubTheFaults();
        int plain = call(client, Attribution.none());
        List<RecordedRequest> plainAttempts = ARM.emulator().requests();
        ARM.emulator().reset();

        stubTheFaults();
        int attributed = call(client, Attribution.of(ID, Map.of(), Map.of()));
        List<RecordedRequest> attempts = ARM.emulator().requests();

        assertEquals(200, plain);
        assertEquals(plain, attributed, "the same outcome with and without attribution");
        assertEquals(plainAttempts.size(), attempts.size(), "the same number of attempts");
        assertTrue(attempts.size() >= FAULTS.size(), "every fault was retried: " + attempts);
        attempts.forEach(r -> assertEquals("fault-test/1.0 " + ID.token(), r.userAgent(), r.toString()));
        plainAttempts.forEach(r -> assertEquals("fault-test/1.0", r.userAgent(), r.toString()));
    }

    @Test
    void thePolicyNeverThrowsOnOddUserAgents() {
        PartnerAttributionPolicy policy = PartnerAttributionPolicy.create(Attribution.of(ID, Map.of(), Map.of()));
        for (String odd : new String[] {"", "   ", "x".repeat(100_000), "pid-", "pid-pid-" + ID.guid(), "\u00e9\u4e2d\u6587/1.0",
                "pid-eb7927c8-dd66-43e1-b0cf-c346a422063", ID.token().toUpperCase() + "-suffix"}) {
            assertTrue(UserAgents.carriesExactlyOnce(policy.attributed(odd), ID),
                    "attributed: " + odd.substring(0, Math.min(40, odd.length())));
        }
    }
}
