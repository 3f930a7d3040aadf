package io.github.partnerattribution.examples;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpClient;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.Region;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.fluentcore.utils.ResourceManagerUtils;
import com.azure.resourcemanager.resources.models.Deployment;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import com.azure.resourcemanager.storage.models.StorageAccount;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.operations.DeploymentVerifier;
import io.github.partnerattribution.operations.VerificationResult;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Finding;
import io.github.partnerattribution.templates.Severity;
import io.github.partnerattribution.templates.TemplateEdit;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.RecordedRequest;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * The README's demo, with no Azure subscription: a partner's provisioning program against the ArmEmulator on a
 * loopback port. It builds an attributed AzureResourceManager, creates a resource group and a storage account,
 * adds the tracking resource to a main template, checks and deploys it, verifies the deployment, and prints
 * every request the "ARM endpoint" received. Exits 0 only if every request was attributed exactly once and the
 * verification found the template's resources.
 */
public final class Demo {
    private static final PartnerId PARTNER = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    private static final String GROUP = "contoso-demo";

    private Demo() {
    }

    public static void main(String[] args) throws Exception {
        int exit;
        try (ArmEmulator arm = ArmEmulator.start()) {
            exit = run(arm);
        }
        System.exit(exit);
    }

    static int run(ArmEmulator arm) throws Exception {
        // The emulator answers long-running operations with Retry-After: 0; poll without the SDK's default wait.
        ResourceManagerUtils.InternalRuntimeContext.setDelayProvider(delay -> Duration.ofMillis(1));
        Attribution attribution = Attribution.of(PARTNER);
        step("Attribution: " + attribution + ", ARM endpoint " + arm.endpoint() + " (the ArmEmulator, loopback only)");
        if (!attribution.isActive()) {
            System.out.println("This environment opts out of attribution (" + Attribution.DISABLED_VARIABLE
                    + "); unset it to run the demo.");
            return 1;
        }

        AttributedClientFactory clients = AttributedClientFactory.create(attribution);
        AzureResourceManager azure = clients
                .configure(AzureResourceManager.configure().withHttpClient(trusting(arm)))
                .authenticate(staticToken(), profile(arm))
                .withSubscription(ArmEmulator.DEFAULT_SUBSCRIPTION_ID);

        step("1. Create resource group " + GROUP + " and a storage account (a long-running operation)");
        azure.resourceGroups().define(GROUP).withRegion(Region.EUROPE_WEST).create();
        StorageAccount account = azure.storageAccounts().define("contosodemo").withRegion(Region.EUROPE_WEST)
                .withExistingResourceGroup(GROUP).create();
        System.out.println("   created " + account.id());

        step("2. Add the tracking resource to the solution's main template, then check it");
        Path template = Files.createTempDirectory("partner-attribution-demo").resolve("mainTemplate.json");
        try (InputStream in = Demo.class.getResourceAsStream("/demo/mainTemplate.json")) {
            Files.copy(in, template);
        }
        printFindings("before add", ArmTemplates.check(template));
        TemplateEdit edit = ArmTemplates.add(template, PARTNER);
        System.out.println("   " + (edit.written() ? "added " + PARTNER.token() + " to " : "nothing to add: already in ")
                + template.getFileName() + " (" + (edit.after().length() - edit.before().length()) + " characters more)");
        List<Finding> findings = ArmTemplates.check(template);
        printFindings("after add", findings);

        step("3. Deploy the template");
        String json = new String(Files.readAllBytes(template), StandardCharsets.UTF_8);
        Deployment deployment = azure.deployments().define("contoso-solution").withExistingResourceGroup(GROUP)
                .withTemplate(json).withParameters("{}").withMode(DeploymentMode.INCREMENTAL).create();
        System.out.println("   deployed " + deployment.name() + " to " + GROUP + ": " + deployment.provisioningState()
                + ", with the nested deployment " + PARTNER.token() + " that attributes it");

        step("4. Verify which resources the tracking resource covered");
        VerificationResult result = DeploymentVerifier.create(azure).verifyResourceGroup(GROUP, PARTNER);
        System.out.print(indent(result.text()));

        List<RecordedRequest> requests = arm.requests();
        step("5. Every request the ARM endpoint received (" + requests.size() + ")");
        int attributed = printTable(requests);

        boolean templateClean = findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
        boolean ok = attributed == requests.size() && !requests.isEmpty() && result.found()
                && result.resourceIds().size() == 4 && templateClean;
        System.out.println();
        System.out.println(ok
                ? "Demo OK: " + attributed + " of " + requests.size() + " requests carried " + PARTNER
                        + " exactly once, at the end; the deployment's " + result.resourceIds().size()
                        + " resources were attributed."
                : "Demo FAILED: " + attributed + " of " + requests.size() + " requests attributed, verification: "
                        + result.message() + ", template clean: " + templateClean);
        return ok ? 0 : 1;
    }

    /** Prints the requests as a table; returns how many carried the partner id exactly once, at the end. */
    static int printTable(List<RecordedRequest> requests) {
        String sub = "/subscriptions/" + ArmEmulator.DEFAULT_SUBSCRIPTION_ID;
        System.out.printf("   %-3s %-7s %-6s %-7s %s%n", "#", "METHOD", "STATUS", "PID", "PATH (subscription shown as {sub}) / User-Agent");
        int attributed = 0;
        int n = 0;
        for (RecordedRequest r : requests) {
            String ua = r.userAgent();
            boolean once = UserAgents.carriesExactlyOnce(ua, PARTNER) && ua.endsWith(PARTNER.token());
            attributed += once ? 1 : 0;
            String path = r.path().replace(sub, "{sub}");
            int query = path.indexOf('?');
            System.out.printf("   %-3d %-7s %-6d %-7s %s%n", ++n, r.method(), r.status(), once ? "once" : "MISSING",
                    query < 0 ? path : path.substring(0, query));
            System.out.printf("   %-3s %-7s %-6s %-7s User-Agent: %s%n", "", "", "", "", ua);
        }
        return attributed;
    }

    private static void printFindings(String when, List<Finding> findings) {
        if (findings.isEmpty()) {
            System.out.println("   check " + when + ": no findings");
        }
        for (Finding f : findings) {
            System.out.println("   check " + when + ": " + f.severity().name().toLowerCase() + " " + f.code() + " "
                    + f.message());
        }
    }

    private static void step(String title) {
        System.out.println();
        System.out.println(title);
    }

    private static String indent(String text) {
        return "   " + text.replace("\n", "\n   ").replaceAll(" +$", "");
    }

    /** The SDK's default HTTP client (Netty), trusting the emulator's loopback certificate only. */
    private static HttpClient trusting(ArmEmulator arm) throws Exception {
        var ssl = SslContextBuilder.forClient().trustManager(arm.trustManager()).build();
        return new NettyAsyncHttpClientBuilder(
                reactor.netty.http.client.HttpClient.create().secure(spec -> spec.sslContext(ssl))).build();
    }

    private static TokenCredential staticToken() {
        return request -> Mono.just(new AccessToken("demo-token", OffsetDateTime.now().plusHours(1)));
    }

    /** Azure's endpoints, each pointed at the emulator: nothing leaves loopback. */
    private static AzureProfile profile(ArmEmulator arm) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        for (String key : new String[] {"resourceManagerEndpointUrl", "managementEndpointUrl",
                "activeDirectoryEndpointUrl", "microsoftGraphResourceId", "activeDirectoryResourceId"}) {
            endpoints.put(key, arm.endpoint());
        }
        return new AzureProfile(ArmEmulator.DEFAULT_TENANT_ID, ArmEmulator.DEFAULT_SUBSCRIPTION_ID,
                new AzureEnvironment(endpoints));
    }
}
