package io.github.partnerattribution.operations;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.DeploymentsManagementClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentOperationInner;
import com.azure.resourcemanager.resources.models.DeploymentOperationProperties;
import com.azure.resourcemanager.resources.models.ProvisioningOperation;
import com.azure.resourcemanager.resources.models.ResourceReference;
import com.azure.resourcemanager.resources.models.TargetResource;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.operations.internal.ArmIds;
import io.github.partnerattribution.operations.support.ServerGuard;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Proves which resources a tagged template deployment covered, the way Microsoft's own PowerShell script does,
 * through azure-resourcemanager: find the deployment named {@code pid-<guid>} (exactly, else the latest whose name
 * starts with it, as real templates add a suffix), take its correlation id, list every deployment of the scope with
 * that correlation id, and collect the targets of their {@code Create} operations that are not deployments
 * themselves, and the resources each such deployment lists as {@code outputResources} (the result says which came
 * from only one of the two). Every list is followed through all its pages; the operations of a run's deployments
 * are read a handful at a time ({@link #withParallelReads(int)}).
 *
 * <p>It uses whatever client it is given, so it works against Azure as against a test endpoint: build the
 * {@code AzureResourceManager} as usual (endpoint, subscription and credential from its profile).
 *
 * <pre>{@code
 * DeploymentVerifier verifier = DeploymentVerifier.create(azure);
 * VerificationResult result = verifier.verifyResourceGroup("contoso-rg", partnerId);
 * System.out.print(result.text());
 * }</pre>
 */
public final class DeploymentVerifier {
    private static final String DEPLOYMENTS = "Microsoft.Resources/deployments";

    /** How many deployments' operations are read at once, unless set: a handful of requests in flight. */
    public static final int DEFAULT_PARALLEL_READS = 8;
    /** The most {@link #withParallelReads(int)} takes. */
    public static final int MAX_PARALLEL_READS = 16;

    private final DeploymentsManagementClient client;
    private final String subscriptionId;
    private final int parallelReads;

    private DeploymentVerifier(DeploymentsManagementClient client, String subscriptionId, int parallelReads) {
        this.client = client;
        this.subscriptionId = subscriptionId;
        this.parallelReads = parallelReads;
    }

    /**
     * The same verifier, reading the operations of at most {@code count} deployments at once (1 reads them one
     * after the other). Large solutions nest hundreds of deployments; each is one or more requests.
     *
     * @param count from 1 to {@value #MAX_PARALLEL_READS}
     * @return the verifier
     */
    public DeploymentVerifier withParallelReads(int count) {
        if (count < 1 || count > MAX_PARALLEL_READS) {
            throw new IllegalArgumentException("parallel reads must be from 1 to " + MAX_PARALLEL_READS + ", was "
                    + count);
        }
        return new DeploymentVerifier(client, subscriptionId, count);
    }

    /**
     * A verifier that reads through the given client's subscription.
     *
     * @param azure an authenticated client with a subscription chosen
     * @return the verifier
     */
    public static DeploymentVerifier create(AzureResourceManager azure) {
        if (azure == null) {
            throw new NullPointerException("azure must not be null");
        }
        return create(azure.deployments().manager());
    }

    /**
     * A verifier that reads through the given resource manager's subscription.
     *
     * @param resources an authenticated ResourceManager with a subscription chosen
     * @return the verifier
     */
    public static DeploymentVerifier create(ResourceManager resources) {
        if (resources == null) {
            throw new NullPointerException("resources must not be null");
        }
        return new DeploymentVerifier(resources.deploymentClient(), resources.subscriptionId(), DEFAULT_PARALLEL_READS);
    }

    /**
     * Verifies a deployment made into a resource group.
     *
     * @param resourceGroup the resource group deployed to
     * @param partnerId the id the template's tracking deployment carries
     * @return the result; "not found" is a result, not an exception
     */
    public VerificationResult verifyResourceGroup(String resourceGroup, PartnerId partnerId) {
        if (resourceGroup == null || resourceGroup.trim().isEmpty()) {
            throw new IllegalArgumentException("resourceGroup must name a resource group");
        }
        String scope = "resource group " + resourceGroup + " in subscription " + subscriptionId;
        List<DeploymentExtendedInner> all = new ArrayList<>();
        client.getDeployments().listByResourceGroup(resourceGroup).forEach(all::add);
        return verify(scope, "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup, partnerId, all,
                name -> client.getDeploymentOperations().listByResourceGroup(resourceGroup, name));
    }

    /**
     * Verifies a deployment made at subscription scope.
     *
     * @param partnerId the id the template's tracking deployment carries
     * @return the result; "not found" is a result, not an exception
     */
    public VerificationResult verifySubscription(PartnerId partnerId) {
        String scope = "subscription " + subscriptionId;
        List<DeploymentExtendedInner> all = new ArrayList<>();
        client.getDeployments().list().forEach(all::add);
        return verify(scope, "/subscriptions/" + subscriptionId, partnerId, all,
                name -> client.getDeploymentOperations().listAtSubscriptionScope(name));
    }

    /**
     * Verifies a deployment made at management group scope, where landing-zone solutions put their tracking
     * deployment.
     *
     * @param managementGroupId the management group deployed to
     * @param partnerId the id the template's tracking deployment carries
     * @return the result; "not found" is a result, not an exception
     */
    public VerificationResult verifyManagementGroup(String managementGroupId, PartnerId partnerId) {
        if (managementGroupId == null || managementGroupId.trim().isEmpty()) {
            throw new IllegalArgumentException("managementGroupId must name a management group");
        }
        String scope = "management group " + managementGroupId;
        List<DeploymentExtendedInner> all = new ArrayList<>();
        client.getDeployments().listAtManagementGroupScope(managementGroupId).forEach(all::add);
        return verify(scope, "/providers/Microsoft.Management/managementGroups/" + managementGroupId, partnerId, all,
                name -> client.getDeploymentOperations().listAtManagementGroupScope(managementGroupId, name));
    }

    /**
     * Verifies a deployment made at tenant scope.
     *
     * @param partnerId the id the template's tracking deployment carries
     * @return the result; "not found" is a result, not an exception
     */
    public VerificationResult verifyTenant(PartnerId partnerId) {
        String scope = "the tenant";
        List<DeploymentExtendedInner> all = new ArrayList<>();
        client.getDeployments().listAtTenantScope().forEach(all::add);
        return verify(scope, "", partnerId, all, name -> client.getDeploymentOperations().listAtTenantScope(name));
    }

    private interface Operations {
        Iterable<DeploymentOperationInner> of(String deploymentName);
    }

    private VerificationResult verify(String scope, String armScope, PartnerId partnerId,
            List<DeploymentExtendedInner> all, Operations operations) {
        if (partnerId == null) {
            throw new NullPointerException("partnerId must not be null");
        }
        String token = partnerId.token().toLowerCase(Locale.ROOT);
        DeploymentExtendedInner tracking = null;
        for (DeploymentExtendedInner d : all) {
            String name = d.name() == null ? "" : d.name().toLowerCase(Locale.ROOT);
            if (name.equals(token)) {
                tracking = d;
                break;
            }
            if (name.startsWith(token) && (tracking == null || isLater(d, tracking))) {
                tracking = d;
            }
        }
        if (tracking == null) {
            return new VerificationResult(partnerId, scope, all.size(), null, null, new ArrayList<String>(),
                    new ArrayList<String>(), "Not found: no deployment named " + partnerId.token() + " (or starting with"
                    + " it) among the " + all.size() + " deployments of " + scope + ".");
        }
        String correlationId = correlationId(tracking);
        List<DeploymentExtendedInner> run = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (DeploymentExtendedInner d : all) {
            if (correlationId != null && correlationId.equals(correlationId(d))) {
                if (ArmIds.isSegment(d.name())) {
                    run.add(d);
                } else {
                    // its name would become a request path: a server's text is data, never a path
                    skipped.add("deployment " + ArmIds.quote(d.name()) + " of the run: its name is not"
                            + " an ARM deployment name, so its operations were not read");
                }
            }
        }
        List<String> deployments = new ArrayList<>();
        Set<String> fromOperations = new LinkedHashSet<>();
        Set<String> fromOutputs = new LinkedHashSet<>();
        List<Created> created = readOperations(run, operations);
        List<ArmIds.DeploymentId> elsewhere = new ArrayList<>();
        for (int i = 0; i < run.size(); i++) {
            DeploymentExtendedInner d = run.get(i);
            deployments.add(d.name());
            fromOperations.addAll(created.get(i).resources);
            outputsOf(d, fromOutputs);
            for (String id : created.get(i).deployments) {
                ArmIds.DeploymentId parsed = parsed(id, skipped);
                if (parsed != null && !parsed.scopeId().equalsIgnoreCase(armScope)) {
                    elsewhere.add(parsed);
                }
            }
        }
        followOtherScopes(elsewhere, deployments, fromOperations, fromOutputs, skipped);
        // Two sources: the Create operations, and the deployments' outputResources; both are kept, and where they
        // differ the result says which resource came from which.
        Set<String> resources = new LinkedHashSet<>(fromOperations);
        resources.addAll(fromOutputs);
        List<String> onlyInOperations = new ArrayList<>();
        for (String id : fromOperations) {
            if (!fromOutputs.contains(id)) {
                onlyInOperations.add(id);
            }
        }
        List<String> onlyInOutputs = new ArrayList<>();
        for (String id : fromOutputs) {
            if (!fromOperations.contains(id)) {
                onlyInOutputs.add(id);
            }
        }
        String message = "Found " + tracking.name() + " in " + scope + ": " + deployments.size() + " deployment"
                + (deployments.size() == 1 ? "" : "s") + " of that run created " + resources.size() + " resource"
                + (resources.size() == 1 ? "" : "s") + "." + (skipped.isEmpty() ? "" : " " + skipped.size()
                + " id" + (skipped.size() == 1 ? "" : "s") + " from the server skipped, not requested.");
        return new VerificationResult(partnerId, scope, all.size(), tracking.name(), correlationId, deployments,
                new ArrayList<>(resources), onlyInOperations, onlyInOutputs, skipped, message);
    }

    /** Most deployments at other scopes followed from one run: a bound on what a server can make this read. */
    static final int MAX_FOLLOWED = 1_000;

    /**
     * Nested deployments that target another scope (a subscription from a management group, another resource
     * group) are not listed at the verified scope: each is read where its id says, with its operations and
     * outputResources, and so are the deployments it nests elsewhere in turn.
     */
    private void followOtherScopes(List<ArmIds.DeploymentId> ids, List<String> deployments,
            Set<String> fromOperations, Set<String> fromOutputs, List<String> skipped) {
        Set<String> seen = new java.util.HashSet<>();
        java.util.ArrayDeque<ArmIds.DeploymentId> todo = new java.util.ArrayDeque<>(ids);
        while (!todo.isEmpty()) {
            ArmIds.DeploymentId id = todo.poll();
            if (!seen.add(id.id().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (seen.size() > MAX_FOLLOWED) {
                throw new ServerGuard.RefusedException("the run nests more than " + MAX_FOLLOWED + " deployments at"
                        + " other scopes; stopped there");
            }
            // The request path is built from the parsed id: the SDK's "at scope" calls insert the scope as given
            // (so it is encoded here, segment by segment) and encode the name themselves.
            String scope = id.scopePath();
            deployments.add(id.id());
            outputsOf(client.getDeployments().getAtScope(scope, id.name()), fromOutputs);
            Created c = created(n -> client.getDeploymentOperations().listAtScope(scope, n), id.name());
            fromOperations.addAll(c.resources);
            for (String nested : c.deployments) {
                ArmIds.DeploymentId parsed = parsed(nested, skipped);
                if (parsed != null) {
                    todo.add(parsed);
                }
            }
        }
    }

    /** A deployment id from the server, parsed; null, with a note in {@code skipped}, when it does not parse. */
    private static ArmIds.DeploymentId parsed(String id, List<String> skipped) {
        try {
            return ArmIds.parseDeploymentId(id);
        } catch (IllegalArgumentException e) {
            skipped.add("nested deployment " + e.getMessage() + "; it was not requested");
            return null;
        }
    }

    private static void outputsOf(DeploymentExtendedInner d, Set<String> into) {
        if (d != null && d.properties() != null && d.properties().outputResources() != null) {
            for (ResourceReference r : d.properties().outputResources()) {
                if (r != null && r.id() != null) {
                    into.add(r.id());
                }
            }
        }
    }

    /** What a deployment's {@code Create} operations created: resources, and the nested deployments' ids. */
    private static final class Created {
        final List<String> resources = new ArrayList<>();
        final List<String> deployments = new ArrayList<>();
    }

    /**
     * What each deployment's {@code Create} operations created, in the order of {@code run}, read with at most
     * {@link #parallelReads} deployments at once.
     */
    private List<Created> readOperations(List<DeploymentExtendedInner> run, Operations operations) {
        List<Created> out = new ArrayList<>(run.size());
        if (parallelReads == 1 || run.size() <= 1) {
            for (DeploymentExtendedInner d : run) {
                out.add(created(operations, d.name()));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelReads, run.size()), r -> {
            Thread t = new Thread(r, "attribution-verify-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Created>> pending = new ArrayList<>(run.size());
            for (DeploymentExtendedInner d : run) {
                pending.add(pool.submit(() -> created(operations, d.name())));
            }
            for (Future<Created> f : pending) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading deployment operations", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Created created(Operations operations, String deploymentName) {
        Created out = new Created();
        for (DeploymentOperationInner op : operations.of(deploymentName)) {
            DeploymentOperationProperties p = op.properties();
            TargetResource target = p == null ? null : p.targetResource();
            if (p != null && p.provisioningOperation() == ProvisioningOperation.CREATE && target != null
                    && target.id() != null) {
                (DEPLOYMENTS.equalsIgnoreCase(target.resourceType()) ? out.deployments : out.resources).add(target.id());
            }
        }
        return out;
    }

    private static String correlationId(DeploymentExtendedInner d) {
        return d.properties() == null ? null : d.properties().correlationId();
    }

    private static boolean isLater(DeploymentExtendedInner a, DeploymentExtendedInner b) {
        OffsetDateTime ta = a.properties() == null ? null : a.properties().timestamp();
        OffsetDateTime tb = b.properties() == null ? null : b.properties().timestamp();
        return ta != null && (tb == null || ta.isAfter(tb));
    }
}
