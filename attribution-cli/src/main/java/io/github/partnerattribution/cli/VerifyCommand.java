package io.github.partnerattribution.cli;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.resourcemanager.resources.ResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.operations.DeploymentVerifier;
import io.github.partnerattribution.operations.VerificationResult;
import io.github.partnerattribution.operations.support.ServerGuard;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
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
        description = {"Prove which resources a tagged template deployment covered: find the pid deployment, its"
                + " correlation id, the run's deployments and the resources they created.",
                "Authenticates with AZURE_ACCESS_TOKEN when set, else azure-identity's default credential chain."},
        footer = {"", "Examples:",
                "  attribution verify --subscription <id> --resource-group contoso --pid <guid>",
                "  attribution verify --management-group contoso-platform --pid <guid>"})
final class VerifyCommand implements Callable<Integer> {
    static final String TOKEN_VARIABLE = "AZURE_ACCESS_TOKEN";
    private static final String NO_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";
    /** The environment, replaceable by in-process tests. */
    static Function<String, String> environment = System::getenv;

    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @Option(names = "--subscription", description = "The subscription id (subscription and resource-group scope).")
    String subscription;

    @Option(names = "--resource-group", description = "The resource group deployed to; without it, subscription scope.")
    String resourceGroup;

    @Option(names = "--management-group", paramLabel = "ID",
            description = "Verify at management group scope, where landing-zone solutions deploy.")
    String managementGroup;

    @Option(names = "--tenant", description = "Verify at tenant scope.")
    boolean tenant;

    @Option(names = "--pid", required = true, description = "The partner id of the tracking deployment.")
    String pid;

    @Option(names = "--endpoint", defaultValue = "https://management.azure.com/",
            showDefaultValue = picocli.CommandLine.Help.Visibility.ALWAYS, // a line of its own: the URL is never wrapped
            description = "The Resource Manager endpoint.")
    String endpoint;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--timeout", defaultValue = "300", paramLabel = "SECONDS",
            description = "Give up after this many seconds in all (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** Bounds on what the endpoint may make verify do; see ServerGuard. */
    static final int MAX_REQUESTS = 2_000;
    static final Duration MAX_WAIT = Duration.ofSeconds(60);
    static final long MAX_BODY_BYTES = 32L << 20;
    /** All answers of one run together, pages included. */
    static final long MAX_RUN_BYTES = 64L << 20;

    /** A guard on the endpoint with the bounds every command that reads from it shares, and its own count limits. */
    static ServerGuard guard(URI endpoint, int maxRequests, long maxBodyBytes) {
        return new ServerGuard(endpoint, maxRequests, MAX_WAIT, maxBodyBytes, MAX_RUN_BYTES);
    }

    /**
     * The partner id configured for the user running the tool, for the tool's own requests: a malformed setting is
     * named on stderr and the requests then carry none (verifying must not depend on the user's own id).
     */
    static Attribution configuredAttribution(java.io.PrintWriter err) {
        try {
            return Attribution.fromEnvironment();
        } catch (io.github.partnerattribution.core.InvalidPartnerIdException e) {
            err.println("attribution: warning: " + Text.printable(e.getMessage()) + "; this tool's own requests carry"
                    + " no partner id");
            err.flush();
            return Attribution.none();
        }
    }

    /** The tool's own name and version in the User-Agent of its requests, before any partner id. */
    static final String TOOL = "partner-attribution-cli";

    static String toolVersion() {
        return AttributionCli.version() == null ? "dev" : AttributionCli.version();
    }

    /** Appends the tool's token to the User-Agent the SDK writes (the attribution policy then ends it). */
    static com.azure.core.http.policy.HttpPipelinePolicy toolUserAgent() {
        String token = TOOL + "/" + toolVersion();
        return new com.azure.core.http.policy.HttpPipelinePolicy() {
            /** Per call: after the SDK's own User-Agent policy, before attribution's, which ends the header. */
            @Override
            public com.azure.core.http.HttpPipelinePosition getPipelinePosition() {
                return com.azure.core.http.HttpPipelinePosition.PER_CALL;
            }

            @Override
            public Mono<com.azure.core.http.HttpResponse> process(com.azure.core.http.HttpPipelineCallContext context,
                    com.azure.core.http.HttpPipelineNextPolicy next) {
                tag(context.getHttpRequest());
                return next.process();
            }

            @Override
            public com.azure.core.http.HttpResponse processSync(com.azure.core.http.HttpPipelineCallContext context,
                    com.azure.core.http.HttpPipelineNextSyncPolicy next) {
                tag(context.getHttpRequest());
                return next.processSync();
            }

            private void tag(com.azure.core.http.HttpRequest request) {
                String ua = request.getHeaders().getValue(com.azure.core.http.HttpHeaderName.USER_AGENT);
                if (ua == null || !ua.contains(token)) {
                    request.setHeader(com.azure.core.http.HttpHeaderName.USER_AGENT, ua == null || ua.isEmpty() ? token
                            : ua + " " + token);
                }
            }
        };
    }

    @Override
    public Integer call() {
        PartnerId id = PartnerId.parse(pid);
        int scopes = (subscription != null ? 1 : 0) + (managementGroup != null ? 1 : 0) + (tenant ? 1 : 0);
        if (scopes != 1 || (resourceGroup != null && subscription == null)) {
            throw Failure.invalidInput("say where the solution was deployed: --subscription ID (with"
                    + " --resource-group NAME for a resource group), --management-group ID, or --tenant; one of them");
        }
        URI uri = endpoint(endpoint);
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", uri.toString());
        endpoints.put("managementEndpointUrl", uri.toString());
        // Management-group and tenant scopes name no subscription; the client wants one and never uses it there.
        String clientSubscription = subscription != null ? subscription : NO_SUBSCRIPTION;
        AzureProfile profile = new AzureProfile(environment.apply("AZURE_TENANT_ID"), clientSubscription,
                new AzureEnvironment(endpoints));

        // Every request stays on the endpoint (a credential never goes elsewhere) and the work is bounded. The
        // tool's own reads carry its own User-Agent and the partner id configured for this user (if any), never the
        // id being checked, which may be someone else's.
        ServerGuard guard = guard(uri, MAX_REQUESTS, MAX_BODY_BYTES);
        ResourceManager resources = AttributedClientFactory.create(configuredAttribution(spec.commandLine().getErr()))
                .configure(ResourceManager.configure().withPolicy(guard.perCall())
                        .withRetryPolicy(guard.retryPolicy()).withPolicy(guard.perRetry())
                        .withPolicy(toolUserAgent()))
                .authenticate(credential(), profile)
                .withSubscription(clientSubscription);
        DeploymentVerifier verifier = DeploymentVerifier.create(resources);
        VerificationResult result = EndpointCalls.within("verify", timeoutSeconds, guard, spec.commandLine().getErr(),
                () -> tenant ? verifier.verifyTenant(id)
                : managementGroup != null ? verifier.verifyManagementGroup(managementGroup, id)
                : resourceGroup == null ? verifier.verifySubscription(id)
                : verifier.verifyResourceGroup(resourceGroup, id));
        spec.commandLine().getOut().print(format == Format.json ? result.json() + "\n" : result.text());
        return result.found() ? 0 : AttributionCli.FINDINGS;
    }

    /** The endpoint as a URI: https, a host, an optional port, nothing else. */
    static URI endpoint(String text) {
        String hint = "--endpoint " + Text.quote(text) + " is not an https URL such as https://management.azure.com/";
        URI uri;
        try {
            uri = new URI(text.endsWith("/") ? text : text + "/");
        } catch (URISyntaxException e) {
            throw Failure.invalidInput(hint + ": " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw Failure.invalidInput(hint + (uri.getRawAuthority() != null && uri.getHost() == null
                    ? ": " + Text.quote(uri.getRawAuthority()) + " is not a host with an optional port" : ""));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw Failure.invalidInput(hint + ": it may hold no user name, query or fragment");
        }
        return uri;
    }

    static TokenCredential credential() {
        String token = environment.apply(TOKEN_VARIABLE);
        if (token != null && !token.trim().isEmpty()) {
            AccessToken access = new AccessToken(token.trim(), OffsetDateTime.now().plusHours(1));
            return request -> Mono.just(access);
        }
        return new DefaultAzureCredentialBuilder().build();
    }
}
