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
import io.github.partnerattribution.azurecore.internal.ServerGuard;
import io.github.partnerattribution.core.internal.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        footer = {"", "Example:  attribution verify --subscription <id> --resource-group contoso-rg --pid <guid>",
                "          attribution verify --management-group contoso-platform --pid <guid>"})
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
            description = "The Resource Manager endpoint (default ${DEFAULT-VALUE}).")
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
    static final int PROGRESS_SECONDS = 5;

    @Override
    public Integer call() {
        PartnerId id = PartnerId.parse(pid);
        int scopes = (subscription != null ? 1 : 0) + (managementGroup != null ? 1 : 0) + (tenant ? 1 : 0);
        if (scopes != 1 || (resourceGroup != null && subscription == null)) {
            throw new IllegalArgumentException("say where the solution was deployed: --subscription ID (with"
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

        if (timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout " + timeoutSeconds + " is not a number of seconds of 1 or more");
        }
        // Every request stays on the endpoint (a credential never goes elsewhere) and the work is bounded.
        ServerGuard guard = new ServerGuard(uri, MAX_REQUESTS, MAX_WAIT, MAX_BODY_BYTES);
        AzureResourceManager azure = AttributedClientFactory.create(Attribution.of(id))
                .configure(AzureResourceManager.configure().withPolicy(guard.perCall()).withPolicy(guard.perRetry()))
                .authenticate(credential(), profile)
                .withSubscription(clientSubscription);
        DeploymentVerifier verifier = DeploymentVerifier.create(azure);
        VerificationResult result = withinTimeout(guard, () -> tenant ? verifier.verifyTenant(id)
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
            throw new IllegalArgumentException(hint + ": " + e.getReason());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(hint + (uri.getRawAuthority() != null && uri.getHost() == null
                    ? ": " + Text.quote(uri.getRawAuthority()) + " is not a host with an optional port" : ""));
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(hint + ": it may hold no user name, query or fragment");
        }
        return uri;
    }

    private VerificationResult withinTimeout(ServerGuard guard, Callable<VerificationResult> verification) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "attribution-verify");
            t.setDaemon(true);
            return t;
        });
        Future<VerificationResult> result = worker.submit(verification);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        try {
            // A line on stderr every few seconds while a long run goes on; stdout keeps only the result.
            while (true) {
                long left = deadline - System.nanoTime();
                try {
                    return result.get(Math.min(left, TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS)), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    if (deadline - System.nanoTime() <= 0) {
                        throw stillRunning;
                    }
                    spec.commandLine().getErr().println("verify: still reading, " + guard.requests()
                            + " requests so far");
                    spec.commandLine().getErr().flush();
                }
            }
        } catch (TimeoutException e) {
            result.cancel(true);
            throw new ServerGuard.RefusedException("no answer within " + timeoutSeconds + " s (--timeout): the"
                    + " endpoint is too slow or keeps sending more to read");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        } finally {
            worker.shutdownNow();
        }
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
