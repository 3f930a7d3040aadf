package io.github.partnerattribution.cli;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.azurecore.DeploymentVerifier;
import io.github.partnerattribution.azurecore.VerificationResult;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import reactor.core.publisher.Mono;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Prove which resources a tagged template deployment covered: find the pid deployment, its",
                "correlation id, the run's deployments and the resources they created.",
                "Authenticates with AZURE_ACCESS_TOKEN when set, else azure-identity's default credential chain."},
        footer = {"", "Example:  attribution verify --subscription <id> --resource-group contoso-rg --pid <guid>"})
final class VerifyCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "AZURE_ACCESS_TOKEN";
    /** The environment, replaceable by in-process tests. */
    static Function<String, String> environment = System::getenv;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--subscription", required = true, description = "The subscription id.")
    String subscription;

    @Option(names = "--resource-group", description = "The resource group deployed to; without it, subscription scope.")
    String resourceGroup;

    @Option(names = "--pid", required = true, description = "The partner id of the tracking deployment.")
    String pid;

    @Option(names = "--endpoint", defaultValue = "https://management.azure.com/",
            description = "The Resource Manager endpoint (default ${DEFAULT-VALUE}).")
    String endpoint;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        PartnerId id = PartnerId.parse(pid);
        URI uri = URI.create(endpoint.endsWith("/") ? endpoint : endpoint + "/");
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--endpoint " + endpoint + " is not an https URL such as"
                    + " https://management.azure.com/");
        }
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", uri.toString());
        endpoints.put("managementEndpointUrl", uri.toString());
        AzureProfile profile = new AzureProfile(environment.apply("AZURE_TENANT_ID"), subscription,
                new AzureEnvironment(endpoints));

        AzureResourceManager azure = AttributedClientFactory.create(Attribution.of(id))
                .azureResourceManager(credential(), profile)
                .withSubscription(subscription);
        DeploymentVerifier verifier = DeploymentVerifier.create(azure);
        VerificationResult result = resourceGroup == null ? verifier.verifySubscription(id)
                : verifier.verifyResourceGroup(resourceGroup, id);
        spec.commandLine().getOut().print(format == Format.json ? result.json() + "\n" : result.text());
        return result.found() ? 0 : AttributionCli.FINDINGS;
    }

    private static TokenCredential credential() {
        String token = environment.apply(TOKEN_VARIABLE);
        if (token != null && !token.trim().isEmpty()) {
            AccessToken access = new AccessToken(token.trim(), OffsetDateTime.now().plusHours(1));
            return request -> Mono.just(access);
        }
        return new DefaultAzureCredentialBuilder().build();
    }
}
