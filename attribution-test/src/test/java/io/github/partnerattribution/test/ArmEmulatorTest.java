package io.github.partnerattribution.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerattribution.core.PartnerId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The emulator answers as ARM does, bad input included, over plain HTTPS. */
class ArmEmulatorTest {
    @RegisterExtension
    static final ArmEmulatorExtension ARM = new ArmEmulatorExtension(2);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SUB = "/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID;
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    static HttpResponse<String> send(String method, String path, String body, boolean authorized) throws Exception {
        return send(method, path, body, authorized, "emulator-test/1 " + ID.token());
    }

    static HttpResponse<String> send(String method, String path, String body, boolean authorized, String userAgent)
            throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(ARM.emulator().sslContext()).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ARM.emulator().endpoint() + path.substring(1)))
                .header("User-Agent", userAgent)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorized) {
            request.header("Authorization", "Bearer test-token");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode error(HttpResponse<String> response) throws IOException {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), response.toString());
        return JSON.readTree(response.body()).get("error");
    }

    @Test
    void resourceGroupsLiveInMemory() throws Exception {
        assertEquals(201, send("PUT", SUB + "/resourcegroups/rg1?api-version=2021-04-01", "{\"location\":\"westeurope\"}", true).statusCode());
        assertEquals(200, send("PUT", SUB + "/resourcegroups/rg1?api-version=2021-04-01", "{\"location\":\"westeurope\"}", true).statusCode());
        JsonNode group = JSON.readTree(send("GET", SUB + "/resourceGroups/RG1?api-version=2021-04-01", null, true).body());
        assertEquals("Microsoft.Resources/resourceGroups", group.get("type").asText());
        assertEquals("Succeeded", group.get("properties").get("provisioningState").asText());
        assertEquals(204, send("HEAD", SUB + "/resourcegroups/rg1?api-version=2021-04-01", null, true).statusCode());
        assertEquals(202, send("DELETE", SUB + "/resourcegroups/rg1?api-version=2021-04-01", null, true).statusCode());
        HttpResponse<String> gone = send("GET", SUB + "/resourcegroups/rg1?api-version=2021-04-01", null, true);
        assertEquals(404, gone.statusCode());
        assertEquals("ResourceGroupNotFound", error(gone).get("code").asText());
    }

    @Test
    void listsArePagedThroughNextLink() throws Exception {
        for (int i = 1; i <= 5; i++) {
            send("PUT", SUB + "/resourcegroups/rg" + i + "?api-version=2021-04-01", "{\"location\":\"westeurope\"}", true);
        }
        int seen = 0;
        String next = SUB + "/resourcegroups?api-version=2021-04-01";
        int pages = 0;
        while (next != null) {
            JsonNode page = JSON.readTree(send("GET", next, null, true).body());
            seen += page.get("value").size();
            pages++;
            next = page.has("nextLink") ? URI.create(page.get("nextLink").asText()).getRawPath() + "?"
                    + URI.create(page.get("nextLink").asText()).getRawQuery() : null;
        }
        assertEquals(5, seen);
        assertEquals(3, pages);
    }

    @Test
    void malformedJsonIsInvalidRequestContent() throws Exception {
        HttpResponse<String> response = send("PUT", SUB + "/resourcegroups/rg1?api-version=2021-04-01", "{\"location\": ", true);
        assertEquals(400, response.statusCode());
        assertEquals("InvalidRequestContent", error(response).get("code").asText());
    }

    @Test
    void anUnknownApiVersionIsRejectedAsArmDoes() throws Exception {
        HttpResponse<String> missing = send("GET", SUB + "/resourcegroups", null, true);
        assertEquals(400, missing.statusCode());
        assertEquals("MissingApiVersionParameter", error(missing).get("code").asText());
        // A version that is no date is refused; a later date is not (see apiVersionsOfAnyLaterYearAreAccepted).
        HttpResponse<String> unknown = send("GET", SUB + "/resourcegroups?api-version=latest", null, true);
        assertEquals(400, unknown.statusCode());
        assertEquals("InvalidApiVersionParameter", error(unknown).get("code").asText());
    }

    @Test
    void missingCredentialsAreAuthenticationFailed() throws Exception {
        HttpResponse<String> response = send("GET", SUB + "/resourcegroups?api-version=2021-04-01", null, false);
        assertEquals(401, response.statusCode());
        assertEquals("AuthenticationFailed", error(response).get("code").asText());
    }

    @Test
    void anUnknownRouteIsA404WithAnArmErrorBodyNotAnHtmlPage() throws Exception {
        HttpResponse<String> response = send("GET", SUB + "/providers/Microsoft.Compute/virtualMachines/vm1?api-version=2024-03-01", null, true);
        assertEquals(404, response.statusCode());
        assertEquals("NotFound", error(response).get("code").asText());
        assertTrue(error(response).get("message").asText().contains("No route for GET"));
    }

    @Test
    void anyOtherProvidersCollectionListsAsEmpty() throws Exception {
        HttpResponse<String> response = send("GET", SUB + "/providers/Microsoft.App/containerApps?api-version=2023-05-01", null, true);
        assertEquals(200, response.statusCode());
        assertEquals("{\"value\":[]}", response.body().replace(" ", ""));
        assertEquals(404, send("GET", SUB + "/resourcegroups/absent/providers/Microsoft.App/containerApps?api-version=2023-05-01",
                null, true).statusCode(), "in a resource group that does not exist");
    }

    @Test
    void deploymentsRecordOperationsAndShareTheCorrelationIdWithNestedOnes() throws Exception {
        send("PUT", SUB + "/resourcegroups/rg1?api-version=2021-04-01", "{\"location\":\"westeurope\"}", true);
        String template = "{\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":["
                + "{\"type\":\"Microsoft.Storage/storageAccounts\",\"name\":\"s1\"},"
                + "{\"type\":\"Microsoft.Resources/deployments\",\"name\":\"" + ID.token() + "\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[]}}}]}}}";
        HttpResponse<String> created = send("PUT", SUB + "/resourcegroups/rg1/providers/Microsoft.Resources/deployments/main?api-version=2021-04-01", template, true);
        assertEquals(201, created.statusCode());
        String correlation = JSON.readTree(created.body()).get("properties").get("correlationId").asText();
        JsonNode nested = JSON.readTree(send("GET", SUB + "/resourcegroups/rg1/providers/Microsoft.Resources/deployments/" + ID.token() + "?api-version=2021-04-01", null, true).body());
        assertEquals(correlation, nested.get("properties").get("correlationId").asText());
        JsonNode operations = JSON.readTree(send("GET", SUB + "/resourcegroups/rg1/deployments/main/operations?api-version=2021-04-01", null, true).body());
        assertEquals("Create", operations.get("value").get(0).get("properties").get("provisioningOperation").asText());
        assertTrue(operations.get("value").get(0).get("properties").get("targetResource").get("id").asText()
                .endsWith("/resourceGroups/rg1/providers/Microsoft.Storage/storageAccounts/s1"));
        HttpResponse<String> subscriptionScope = send("PUT", SUB + "/providers/Microsoft.Resources/deployments/x?api-version=2021-04-01", template, true);
        assertEquals(400, subscriptionScope.statusCode(), "a subscription deployment needs a location");
        assertEquals("LocationRequired", error(subscriptionScope).get("code").asText());
    }

    @Test
    void assertionsListTheOffendingRequests() throws Exception {
        send("GET", SUB + "/resourcegroups?api-version=2021-04-01", null, true);
        ARM.emulator().assertEveryRequestCarries(ID);
        PartnerId other = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
        AssertionError e = assertThrows(AssertionError.class, () -> ARM.emulator().assertEveryRequestCarries(other));
        assertEquals("1 of 1 requests to the ArmEmulator do not carry " + other + " exactly once, at the end of one User-Agent:"
                + System.lineSeparator() + "  GET " + SUB + "/resourcegroups?api-version=2021-04-01  User-Agent: \"emulator-test/1 "
                + ID.token() + "\"", e.getMessage());
        assertThrows(AssertionError.class, () -> ARM.emulator().assertNoRequestCarriesAPartnerId());
        ARM.emulator().reset();
        AssertionError none = assertThrows(AssertionError.class, () -> ARM.emulator().assertEveryRequestCarries(ID));
        assertTrue(none.getMessage().startsWith("No request reached the ArmEmulator"));

        send("GET", SUB + "/resourcegroups?api-version=2021-04-01", null, true, "emulator-test/1 " + ID.token() + " " + other.token());
        AssertionError notLast = assertThrows(AssertionError.class, () -> ARM.emulator().assertEveryRequestCarries(ID),
                "another layer's pid after ours");
        assertTrue(notLast.getMessage().contains(ID.token() + " " + other.token()), notLast.getMessage());
        ARM.emulator().reset();
        send("GET", SUB + "/resourcegroups?api-version=2021-04-01", null, true, other.token() + " " + ID.token().toUpperCase(java.util.Locale.ROOT) + " ");
        ARM.emulator().assertEveryRequestCarries(ID);
    }

    @Test
    void apiVersionsOfAnyLaterYearAreAccepted() throws Exception {
        assertEquals(200, send("GET", SUB + "/resourcegroups?api-version=2031-07-01-preview", null, true).statusCode());
        assertEquals(400, send("GET", SUB + "/resourcegroups?api-version=2031-13-01", null, true).statusCode());
        assertEquals(400, send("GET", SUB + "/resourcegroups?api-version=2013-01-01", null, true).statusCode());
    }

    @Test
    void respondAnswersARouteTheEmulatorDoesNotServe() throws Exception {
        ARM.emulator().respond("GET", "/providers/Contoso.Billing/meters", 200,
                java.util.Map.of("Content-Type", "application/json"), "{\"value\": []}");
        HttpResponse<String> response = send("GET", "/providers/Contoso.Billing/meters?api-version=2024-01-01", null, true);
        assertEquals(200, response.statusCode());
        assertEquals("{\"value\": []}", response.body());
    }

    @Test
    void theAzureSdkClientsItHandsOutReachItOverNettyAndOkHttp() {
        for (com.azure.core.http.HttpClient client : java.util.List.of(ARM.emulator().nettyHttpClient(),
                ARM.emulator().okHttpHttpClient())) {
            com.azure.core.http.HttpPipeline pipeline = new com.azure.core.http.HttpPipelineBuilder().httpClient(client)
                    .policies(new com.azure.core.http.policy.BearerTokenAuthenticationPolicy(ARM.emulator().credential(),
                            "https://management.azure.com/.default")).build();
            String url = ARM.emulator().azureProfile().getEnvironment().getResourceManagerEndpoint() + "subscriptions/"
                    + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups?api-version=2021-04-01";
            try (com.azure.core.http.HttpResponse response = pipeline.sendSync(
                    new com.azure.core.http.HttpRequest(com.azure.core.http.HttpMethod.GET, url), com.azure.core.util.Context.NONE)) {
                assertEquals(200, response.getStatusCode(), client.getClass().getName());
            }
        }
    }

    @Test
    void itsPublicApiHandsOutNoWireMockOrJacksonType() {
        for (Class<?> type : java.util.List.of(ArmEmulator.class, ArmEmulatorExtension.class, RecordedRequest.class,
                AttributionContract.class)) {
            for (java.lang.reflect.Method m : type.getMethods()) {
                java.util.List<Class<?>> types = new java.util.ArrayList<>(java.util.List.of(m.getParameterTypes()));
                types.add(m.getReturnType());
                for (Class<?> t : types) {
                    String name = t.getName();
                    assertTrue(!name.startsWith("com.github.tomakehurst") && !name.startsWith("com.fasterxml")
                            && !name.startsWith("wiremock."), type.getSimpleName() + "." + m.getName() + " uses " + name);
                }
            }
        }
    }
}
