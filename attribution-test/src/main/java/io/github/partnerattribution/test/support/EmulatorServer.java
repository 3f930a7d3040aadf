package io.github.partnerattribution.test.support;

import io.github.partnerattribution.test.ArmEmulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code attribution emulator}: an {@link ArmEmulator} served until the process is stopped, with what a client in
 * another process needs printed, and optionally a deployed solution to verify at once. The CLI loads this class
 * (and WireMock) from beside its own jar only for this command; {@link #serve} is the one entry point. Not API:
 * exported to the command line only.
 */
public final class EmulatorServer {
    /** The seed's partner id, the README's example. */
    public static final String DEMO_PID = "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    /** The seed's resource group. */
    public static final String DEMO_GROUP = "contoso-demo";
    static final String DEMO_TEMPLATE = "{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + "\"contentVersion\":\"1.0.0.0\","
            + "\"parameters\":{\"storageName\":{\"type\":\"string\",\"defaultValue\":\"contosodata\"},"
            + "\"prefix\":{\"type\":\"string\",\"defaultValue\":\"contoso\"}},"
            + "\"variables\":{\"workspaceName\":\"[concat(parameters('prefix'), '-logs')]\"},"
            + "\"resources\":["
            + "{\"type\":\"Microsoft.Storage/storageAccounts\",\"apiVersion\":\"2023-01-01\",\"name\":\"[parameters('storageName')]\","
            + "\"location\":\"westeurope\",\"sku\":{\"name\":\"Standard_LRS\"},\"kind\":\"StorageV2\"},"
            + "{\"type\":\"Microsoft.OperationalInsights/workspaces\",\"apiVersion\":\"2022-10-01\","
            + "\"name\":\"[variables('workspaceName')]\",\"location\":\"westeurope\"},"
            + "{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2025-04-01\",\"name\":\"" + DEMO_PID + "\","
            + "\"properties\":{\"mode\":\"Incremental\",\"template\":{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
            + "\"contentVersion\":\"1.0.0.0\",\"resources\":[]}}}]}";

    private EmulatorServer() {
    }

    /**
     * Serves until the thread is interrupted or the JVM stops (a shutdown hook closes the emulator, which deletes
     * its certificate file).
     *
     * @param port the port, 0 for a free one
     * @param seed null, or {@code demo}
     * @param cli how to run the attribution command in the printed lines, such as {@code attribution}
     * @param out where the endpoint and the lines to use it go
     * @return 0 when the emulator stopped
     * @throws IllegalArgumentException for a seed other than {@code demo}
     * @throws IllegalStateException when the port cannot be bound
     * @throws InterruptedException when the serving thread is interrupted (the emulator is closed)
     */
    public static int serve(int port, String seed, String cli, PrintWriter out) throws IOException, InterruptedException {
        if (seed != null && !seed.equals("demo")) {
            throw new IllegalArgumentException("--seed " + seed + " is not a seed; the one seed is demo");
        }
        ArmEmulator arm = port == 0 ? ArmEmulator.start() : ArmEmulator.startOnPort(port);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            arm.close();
            stopped.countDown();
        }, "arm-emulator-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            if (seed != null) {
                seedDemo(arm);
            }
            out.print(instructions(arm, seed != null, cli));
            out.flush();
            stopped.await();
            return 0;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                arm.close();
            } catch (IllegalStateException shuttingDown) {
                // the hook closes it
            }
        }
    }

    /** What a client in another process needs: the endpoint, the certificate, and the exact lines. */
    static String instructions(ArmEmulator arm, boolean seeded, String cli) {
        String n = System.lineSeparator();
        String store = arm.trustStore().toString();
        String trust = "-Djavax.net.ssl.trustStore=" + store + " -Djavax.net.ssl.trustStoreType=PKCS12"
                + " -Djavax.net.ssl.trustStorePassword=" + ArmEmulator.TRUST_STORE_PASSWORD;
        String endpoint = arm.endpoint();
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String set = windows ? "set " : "export ";
        String quote = windows ? "" : "'";
        StringBuilder b = new StringBuilder();
        b.append("ARM emulator: ").append(endpoint).append(n);
        b.append("Subscription: ").append(ArmEmulator.DEFAULT_SUBSCRIPTION_ID).append(", tenant ")
                .append(ArmEmulator.DEFAULT_TENANT_ID).append("; any bearer token is accepted").append(n);
        b.append("Certificate:  ").append(store).append(" (PKCS12, password ")
                .append(ArmEmulator.TRUST_STORE_PASSWORD).append("; deleted when the emulator stops)").append(n);
        if (seeded) {
            b.append("Seeded:       resource group ").append(DEMO_GROUP).append(" with deployment contoso-solution")
                    .append(" (a storage account, a Log Analytics workspace and ").append(DEMO_PID).append(')').append(n);
        }
        b.append(n).append("Use it from another shell (the attribution launcher reads ATTRIBUTION_OPTS; with java -jar,")
                .append(" put the -D options before -jar):").append(n);
        b.append("  ").append(set).append("ATTRIBUTION_OPTS=").append(quote).append(trust).append(quote).append(n);
        b.append("  ").append(set).append("AZURE_ACCESS_TOKEN=arm-emulator-token").append(n);
        b.append("  ").append(cli).append(" verify --endpoint ").append(endpoint).append(" --subscription ")
                .append(ArmEmulator.DEFAULT_SUBSCRIPTION_ID).append(" --resource-group ").append(DEMO_GROUP)
                .append(" --pid ").append(DEMO_PID).append(n);
        b.append("  ").append(cli).append(" pal link --endpoint ").append(endpoint).append(" --partner-id 1234567").append(n);
        b.append("  ").append(cli).append(" pal show --endpoint ").append(endpoint).append(n);
        b.append("An Azure SDK client in another JVM: the same -D options, and ArmEmulator's endpoints (AzureEnvironment")
                .append(" with every endpoint set to ").append(endpoint).append(')').append(n);
        b.append(n).append("Serving until interrupted (Ctrl+C).").append(n);
        return b.toString();
    }

    /** A solution deployed as a partner's customer would: a resource group, then the main template. */
    static void seedDemo(ArmEmulator arm) throws IOException, InterruptedException {
        String group = "subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID + "/resourcegroups/" + DEMO_GROUP;
        put(arm, group + "?api-version=2021-04-01", "{\"location\":\"westeurope\"}");
        put(arm, group + "/providers/Microsoft.Resources/deployments/contoso-solution?api-version=2021-04-01",
                "{\"properties\":{\"mode\":\"Incremental\",\"template\":" + DEMO_TEMPLATE
                + ",\"parameters\":{\"storageName\":{\"value\":\"contosodemo\"}}}}");
    }

    private static void put(ArmEmulator arm, String path, String body) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().sslContext(arm.sslContext()).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(arm.endpoint() + path))
                .header("Authorization", "Bearer arm-emulator-seed").header("Content-Type", "application/json")
                .header("User-Agent", "arm-emulator-seed")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("seeding the emulator failed: PUT /" + path + " answered "
                    + response.statusCode() + " " + response.body());
        }
    }
}
