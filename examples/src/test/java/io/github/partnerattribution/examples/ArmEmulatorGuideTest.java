package io.github.partnerattribution.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.ArmEmulatorExtension;
import io.github.partnerattribution.test.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** attribution-test's README, example by example: each region between the markers stands there word for word. */
class ArmEmulatorGuideTest {
    static final PartnerId PARTNER = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final Attribution ATTRIBUTION = Attribution.of(PARTNER, Map.of(), Map.of());
    static final String GROUPS = "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups";

    // README: guide-extension
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension(); // one emulator for the class, reset before each test
    // README: end

    static int get(ArmEmulator arm, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        return http.send(HttpRequest.newBuilder(URI.create(arm.endpoint() + path))
                .header("Authorization", "Bearer t").header("User-Agent", ATTRIBUTION.apply("guide/1")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anyHttpClientAndWhatTheEmulatorRecorded() throws Exception {
        Attribution attribution = ATTRIBUTION;
        // README: guide-raw-http
        try (ArmEmulator arm = ArmEmulator.start()) {
            HttpClient http = HttpClient.newBuilder().sslContext(arm.sslContext()).build(); // trusts the emulator only
            HttpRequest request = HttpRequest.newBuilder(URI.create(arm.endpoint() + "subscriptions/"
                            + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups?api-version=2021-04-01"))
                    .header("Authorization", "Bearer any-token") // 401 without one, as ARM answers
                    .header("User-Agent", attribution.apply("contoso-provisioner/1.0"))
                    .build();
            assertEquals(200, http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());

            RecordedRequest first = arm.requests().get(0); // every request since start or reset(), in order
            assertEquals("GET", first.method());
            assertEquals("/" + GROUPS + "?api-version=2021-04-01", first.path()); // path and query as sent
            assertEquals("contoso-provisioner/1.0 " + PARTNER.token(), first.userAgent());
            assertEquals(List.of(first.userAgent()), first.userAgents()); // each User-Agent header, usually one
            assertEquals(200, first.status());
            arm.assertEveryRequestCarries(PARTNER); // once, at the end; else an AssertionError lists the requests
        }
        // README: end
    }

    // README: guide-parameter
    @Test
    void theExtensionHandsTheEmulatorToATest(ArmEmulator arm) throws Exception {
        assertEquals(200, get(arm, GROUPS + "?api-version=2021-04-01"));
        assertEquals(1, ARM.emulator().requests().size()); // the same emulator
    }
    // README: end

    @Test
    void faultsPagesAndRoutesOfYourOwn() throws Exception {
        ArmEmulator arm = ARM.emulator();
        // README: guide-faults
        arm.failNext(2, 503, Map.of("Retry-After", "0")); // the next 2 requests, whatever they are
        assertEquals(503, get(arm, GROUPS + "?api-version=2021-04-01"));
        assertEquals(503, get(arm, GROUPS + "?api-version=2021-04-01"));
        assertEquals(200, get(arm, GROUPS + "?api-version=2021-04-01"));

        arm.pageSize(2); // list answers of 2 items, with a nextLink to the rest

        arm.respond("GET", "/providers/Contoso.Billing/meters", 200,
                Map.of("Content-Type", "application/json"), "{\"value\": []}"); // a route it does not serve
        assertEquals(200, get(arm, "providers/Contoso.Billing/meters"));

        arm.latency(Duration.ofMillis(20)); // every answer waits, as a distant endpoint's would
        arm.reset(); // forgets requests, answers, faults, latency and every resource
        // README: end
        assertEquals(0, arm.requests().size());
    }

    @Test
    void deploymentsAsArmReturnsThem() throws Exception {
        ArmEmulator arm = ARM.emulator();
        HttpClient http = HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        String group = GROUPS + "/contoso-rg";
        http.send(HttpRequest.newBuilder(URI.create(arm.endpoint() + group + "?api-version=2021-04-01"))
                .header("Authorization", "Bearer t").PUT(HttpRequest.BodyPublishers.ofString("{\"location\":\"westeurope\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        http.send(HttpRequest.newBuilder(URI.create(arm.endpoint() + group + "/providers/Microsoft.Resources/deployments/main?api-version=2021-04-01"))
                .header("Authorization", "Bearer t").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[]}}}")).build(),
                HttpResponse.BodyHandlers.discarding());
        // README: guide-deployments
        List<String> deployed = arm.deployments("/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID
                + "/resourceGroups/contoso-rg"); // each deployment's JSON, as a GET of it returns
        assertTrue(deployed.get(0).contains("\"provisioningState\":\"Succeeded\""));
        // README: end
    }

    @Test
    void aClientInAnotherProcess() throws Exception {
        try (ArmEmulator probe = ArmEmulator.start()) {
            int port = probe.port();
            probe.close();
            // README: guide-other-process
            try (ArmEmulator arm = ArmEmulator.startOnPort(port)) { // a port the other process was told
                List<String> jvmOptions = List.of(
                        "-Djavax.net.ssl.trustStore=" + arm.trustStore(), // a PKCS12 file, removed on close()
                        "-Djavax.net.ssl.trustStoreType=PKCS12",
                        "-Djavax.net.ssl.trustStorePassword=" + ArmEmulator.TRUST_STORE_PASSWORD);
                // start the other JVM with these options and arm.endpoint() as its ARM endpoint
                // README: end
                assertTrue(Files.isRegularFile(arm.trustStore()));
                assertEquals(3, jvmOptions.size());
                assertEquals("https://127.0.0.1:" + port + "/", arm.endpoint());
            }
        }
        IllegalArgumentException outOfRange = assertThrows(IllegalArgumentException.class, () -> ArmEmulator.startOnPort(0));
        assertEquals("port must be from 1 to 65535, was 0", outOfRange.getMessage());
    }
}
