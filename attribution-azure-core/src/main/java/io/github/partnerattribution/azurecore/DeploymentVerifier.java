package io.github.partnerattribution.azurecore;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.ResourceManager;
import com.azure.resourcemanager.resources.fluent.DeploymentsManagementClient;
import com.azure.resourcemanager.resources.fluent.models.DeploymentExtendedInner;
import com.azure.resourcemanager.resources.fluent.models.DeploymentOperationInner;
import com.azure.resourcemanager.resources.models.DeploymentOperationProperties;
import com.azure.resourcemanager.resources.models.ProvisioningOperation;
import com.azure.resourcemanager.resources.models.TargetResource;
import io.github.partnerattribution.core.PartnerId;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Proves which resources a tagged template deployment covered, the way Microsoft's own PowerShell script does,
 * through azure-resourcemanager: find the deployment named {@code pid-<guid>} (exactly, else the latest whose name
 * starts with it, as real templates add a suffix), take its correlation id, list every deployment of the scope with
 * that correlation id, and collect the targets of their {@code Create} operations that are not deployments
 * themselves. Every list is followed through all its pages.
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

    private final DeploymentsManagementClient client;
    private final String subscriptionId;

    private DeploymentVerifier(DeploymentsManagementClient client, String subscriptionId) {
        this.client = client;
        this.subscriptionId = subscriptionId;
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
        return new DeploymentVerifier(resources.deploymentClient(), resources.subscriptionId());
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
        return verify(scope, partnerId, all, name -> client.getDeploymentOperations().listByResourceGroup(resourceGroup, name));
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
        return verify(scope, partnerId, all, name -> client.getDeploymentOperations().listAtSubscriptionScope(name));
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
        return verify(scope, partnerId, all,
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
        return verify(scope, partnerId, all, name -> client.getDeploymentOperations().listAtTenantScope(name));
    }

    private interface Operations {
        Iterable<DeploymentOperationInner> of(String deploymentName);
    }

    private VerificationResult verify(String scope, PartnerId partnerId, List<DeploymentExtendedInner> all,
            Operations operations) {
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
        List<String> deployments = new ArrayList<>();
        Set<String> resources = new LinkedHashSet<>();
        for (DeploymentExtendedInner d : all) {
            if (correlationId == null || !correlationId.equals(correlationId(d))) {
                continue;
            }
            deployments.add(d.name());
            for (DeploymentOperationInner op : operations.of(d.name())) {
                DeploymentOperationProperties p = op.properties();
                TargetResource target = p == null ? null : p.targetResource();
                if (p != null && p.provisioningOperation() == ProvisioningOperation.CREATE && target != null
                        && target.id() != null && !DEPLOYMENTS.equalsIgnoreCase(target.resourceType())) {
                    resources.add(target.id());
                }
            }
        }
        String message = "Found " + tracking.name() + " in " + scope + ": " + deployments.size() + " deployment"
                + (deployments.size() == 1 ? "" : "s") + " of that run created " + resources.size() + " resource"
                + (resources.size() == 1 ? "" : "s") + ".";
        return new VerificationResult(partnerId, scope, all.size(), tracking.name(), correlationId, deployments,
                new ArrayList<>(resources), message);
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
