package io.github.partnerattribution.test.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.partnerattribution.test.ArmEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed a user verifies at once, and deployed resources named as ARM would name them. */
class EmulatorServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String GROUP = "/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourceGroups/" + EmulatorServer.DEMO_GROUP;

    static JsonNode get(ArmEmulator arm, String path) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(arm.endpoint() + path.substring(1)))
                .header("Authorization", "Bearer t").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    static List<String> targets(ArmEmulator arm, String deployment) throws Exception {
        List<String> out = new ArrayList<>();
        for (JsonNode op : get(arm, GROUP + "/providers/Microsoft.Resources/deployments/" + deployment
                + "/operations?api-version=2021-04-01").get("value")) {
            out.add(op.get("properties").get("targetResource").get("id").asText());
        }
        return out;
    }

    @Test
    void theDemoSeedIsADeployedSolutionWithItsTrackingDeployment() throws Exception {
        try (ArmEmulator arm = ArmEmulator.start()) {
            EmulatorServer.seedDemo(arm);
            assertEquals(List.of(
                    GROUP + "/providers/Microsoft.Storage/storageAccounts/contosodemo",
                    GROUP + "/providers/Microsoft.OperationalInsights/workspaces/contoso-logs",
                    GROUP + "/providers/Microsoft.Resources/deployments/" + EmulatorServer.DEMO_PID),
                    targets(arm, "contoso-solution"), "names from the parameter's value and from a variable");
            String text = EmulatorServer.instructions(arm, true, "attribution");
            assertTrue(text.startsWith("ARM emulator: " + arm.endpoint() + System.lineSeparator()), text);
            assertTrue(text.contains("-Djavax.net.ssl.trustStore=" + arm.trustStore() + " -Djavax.net.ssl.trustStoreType=PKCS12"
                    + " -Djavax.net.ssl.trustStorePassword=arm-emulator"), text);
            assertTrue(text.contains("attribution verify --endpoint " + arm.endpoint() + " --subscription "
                    + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + " --resource-group contoso-demo --pid " + EmulatorServer.DEMO_PID), text);
        }
    }

    @Test
    void onlyTheDemoSeedExistsAndABusyPortIsNamed() throws Exception {
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> EmulatorServer.serve(0, "prod", "attribution", new java.io.PrintWriter(System.out)));
        assertEquals("--seed prod is not a seed; the one seed is demo", seed.getMessage());
        try (ArmEmulator arm = ArmEmulator.start()) {
            IllegalStateException busy = assertThrows(IllegalStateException.class, () -> ArmEmulator.startOnPort(arm.port()));
            assertTrue(busy.getMessage().startsWith("Cannot serve on 127.0.0.1:" + arm.port() + ": the port is in use"),
                    busy.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ArmEmulator.startOnPort(65536));
    }
}
