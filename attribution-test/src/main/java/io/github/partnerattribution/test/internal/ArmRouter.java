package io.github.partnerattribution.test.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ARM emulator's request handling: routes each request by method and path into in-memory state and answers
 * with ARM's JSON shapes, status codes and error bodies. Not API.
 */
public final class ArmRouter implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "partner-attribution-arm-emulator";
    private static final String SEGMENT = "([^/]+)";
    private static final String SUB = "/subscriptions/" + SEGMENT;
    private static final String RG = SUB + "/resourcegroups/" + SEGMENT;
    private static final Pattern RESOURCE_GROUPS = Pattern.compile(SUB + "/resourcegroups");
    private static final Pattern RESOURCE_GROUP = Pattern.compile(RG);
    private static final Pattern RG_STORAGE_ACCOUNTS = Pattern.compile(RG + "/providers/microsoft\\.storage/storageaccounts");
    private static final Pattern SUB_STORAGE_ACCOUNTS = Pattern.compile(SUB + "/providers/microsoft\\.storage/storageaccounts");
    private static final Pattern STORAGE_ACCOUNT = Pattern.compile(RG + "/providers/microsoft\\.storage/storageaccounts/" + SEGMENT);
    private static final Pattern STORAGE_NAME_CHECK = Pattern.compile(SUB + "/providers/microsoft\\.storage/checknameavailability");
    private static final Pattern STORAGE_OPERATION = Pattern.compile(SUB + "/providers/microsoft\\.storage/locations/" + SEGMENT + "/asyncoperations/" + SEGMENT);
    private static final Pattern OPERATION_RESULT = Pattern.compile(SUB + "/operationresults/" + SEGMENT);
    private static final String SCOPE = "(/subscriptions/[^/]+(?:/resourcegroups/[^/]+)?)";
    /** Where deployments live: a resource group, a subscription, a management group, or the tenant (empty). */
    private static final String DEPLOYMENT_SCOPE = "(/subscriptions/[^/]+(?:/resourcegroups/[^/]+)?"
            + "|/providers/microsoft\\.management/managementgroups/[^/]+|)";
    private static final Pattern DEPLOYMENTS = Pattern.compile(DEPLOYMENT_SCOPE + "/providers/microsoft\\.resources/deployments");
    private static final Pattern DEPLOYMENT = Pattern.compile(DEPLOYMENT_SCOPE + "/providers/microsoft\\.resources/deployments/" + SEGMENT);
    private static final Pattern DEPLOYMENT_OPERATIONS = Pattern.compile(DEPLOYMENT_SCOPE + "/providers/microsoft\\.resources/deployments/" + SEGMENT + "/operations");
    /** Deployment Operations - List at resource group scope, as the REST API specification writes it. */
    private static final Pattern RG_DEPLOYMENT_OPERATIONS = Pattern.compile("(" + SUB.replace("([^/]+)", "[^/]+")
            + "/resourcegroups/[^/]+)/deployments/" + SEGMENT + "/operations");
    /** Any other provider's collection at subscription or resource-group scope: served as an empty list. */
    private static final Pattern OTHER_COLLECTION = Pattern.compile(SCOPE + "/providers/[^/]+/[^/]+");
    private static final Pattern PARTNERS = Pattern.compile("/providers/microsoft\\.managementpartner/partners");
    private static final Pattern PARTNER = Pattern.compile("/providers/microsoft\\.managementpartner/partners/" + SEGMENT);
    /** The object id of the identity the emulator's callers are, for Partner Admin Link. */
    public static final String CALLER_OBJECT_ID = "00000000-0000-0000-0000-0000000b1ec7";
    private static final Pattern API_VERSION = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(-preview)?");

    private final ObjectMapper json = new ObjectMapper();
    private final Object lock = new Object();
    private final Map<String, ObjectNode> resourceGroups = new LinkedHashMap<>();
    private final Map<String, ObjectNode> storageAccounts = new LinkedHashMap<>();
    private final Map<String, Map<String, Deployment>> deployments = new LinkedHashMap<>();
    private final Map<String, PendingOperation> operations = new LinkedHashMap<>();
    private final Deque<Fault> faults = new ArrayDeque<>();
    /** The caller's Partner Admin Link, or null. */
    private ObjectNode partnerLink;
    private int partnerLinkVersion;
    private final AtomicInteger pageSize;
    private volatile String endpoint = "";

    public ArmRouter(int pageSize) {
        this.pageSize = new AtomicInteger(pageSize);
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** Only the emulator's catch-all stub is routed here, so that a test's own stubs answer as written. */
    @Override
    public boolean applyGlobally() {
        return false;
    }

    public void endpoint(String baseUrl) {
        this.endpoint = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public void pageSize(int size) {
        pageSize.set(size);
    }

    public void failNext(int times, int status, Map<String, String> headers) {
        synchronized (lock) {
            for (int i = 0; i < times; i++) {
                faults.add(new Fault(status, headers));
            }
        }
    }

    public void reset() {
        synchronized (lock) {
            resourceGroups.clear();
            storageAccounts.clear();
            deployments.clear();
            operations.clear();
            faults.clear();
            partnerLink = null;
        }
    }

    /** Deployments stored at a scope ({@code /subscriptions/s} or {@code /subscriptions/s/resourceGroups/rg}). */
    public List<JsonNode> deploymentsAt(String scope) {
        synchronized (lock) {
            List<JsonNode> out = new ArrayList<>();
            for (Deployment d : deployments.getOrDefault(scope.toLowerCase(Locale.ROOT), Map.of()).values()) {
                out.add(d.body.deepCopy());
            }
            return out;
        }
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        LoggedRequest request = serveEvent.getRequest();
        synchronized (lock) {
            Fault fault = faults.poll();
            if (fault != null) {
                ResponseDefinitionBuilder b = new ResponseDefinitionBuilder().withStatus(fault.status)
                        .withHeader("Content-Type", "application/json");
                fault.headers.forEach(b::withHeader);
                return b.withBody(error("ServiceUnavailable", "Injected fault " + fault.status + " from the ArmEmulator.")
                        .toString()).build();
            }
            try {
                return route(request);
            } catch (ArmError e) {
                return respond(e.status, error(e.code, e.getMessage()));
            } catch (RuntimeException e) {
                return respond(500, error("InternalServerError", "The ArmEmulator failed: " + e));
            }
        }
    }

    private ResponseDefinition route(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = decode(q < 0 ? url : url.substring(0, q));
        Map<String, String> query = query(q < 0 ? "" : url.substring(q + 1));
        String method = request.getMethod().getName();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith("/") && lower.length() > 1) {
            path = path.substring(0, path.length() - 1);
            lower = lower.substring(0, lower.length() - 1);
        }

        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).trim().isEmpty()) {
            throw new ArmError(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing"
                    + (authorization == null ? "." : " a bearer token."));
        }
        String apiVersion = query.get("api-version");
        if (apiVersion == null) {
            throw new ArmError(400, "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.");
        }
        Matcher version = API_VERSION.matcher(apiVersion);
        // No upper bound: an SDK release with a newer api-version must keep working against the emulator.
        if (!version.matches() || Integer.parseInt(version.group(1)) < 2014
                || Integer.parseInt(version.group(2)) < 1 || Integer.parseInt(version.group(2)) > 12
                || Integer.parseInt(version.group(3)) < 1 || Integer.parseInt(version.group(3)) > 31) {
            throw new ArmError(400, "InvalidApiVersionParameter", "The api-version '" + apiVersion
                    + "' is invalid. The supported versions are dates from '2014-01-01' on, such as '2021-04-01'.");
        }

        Matcher m;
        if (match(PARTNERS, lower).matches()) {
            requireMethod(method, "GET");
            if (partnerLink == null) {
                throw new ArmError(404, "PartnerNotFound", "No partner is linked to the caller.");
            }
            return respond(200, partnerLink);
        }
        if ((m = match(PARTNER, lower)).matches()) {
            return partner(method, segment(path, m, 1));
        }
        if ((m = match(DEPLOYMENT_OPERATIONS, lower)).matches() || (m = match(RG_DEPLOYMENT_OPERATIONS, lower)).matches()) {
            return page(operationsOf(m.group(1), segment(path, m, 2)), path, query);
        }
        if ((m = match(DEPLOYMENT, lower)).matches()) {
            return deployment(method, m.group(1), segment(path, m, 2), request);
        }
        if ((m = match(DEPLOYMENTS, lower)).matches()) {
            requireMethod(method, "GET");
            requireScope(m.group(1));
            List<JsonNode> all = new ArrayList<>();
            for (Deployment d : deployments.getOrDefault(m.group(1), Map.of()).values()) {
                all.add(d.body);
            }
            return page(all, path, query);
        }
        if ((m = match(STORAGE_NAME_CHECK, lower)).matches()) {
            requireMethod(method, "POST");
            String name = body(request).path("name").asText("");
            boolean taken = storageAccounts.keySet().stream().anyMatch(id -> id.endsWith("/" + name.toLowerCase(Locale.ROOT)));
            ObjectNode answer = json.createObjectNode().put("nameAvailable", !taken);
            if (taken) {
                answer.put("reason", "AlreadyExists").put("message", "The storage account named " + name + " is already taken.");
            }
            return respond(200, answer);
        }
        if ((m = match(STORAGE_OPERATION, lower)).matches() || (m = match(OPERATION_RESULT, lower)).matches()) {
            requireMethod(method, "GET");
            return poll(segment(path, m, m.groupCount()));
        }
        if ((m = match(STORAGE_ACCOUNT, lower)).matches()) {
            return storageAccount(method, segment(path, m, 1), segment(path, m, 2), segment(path, m, 3), request);
        }
        if ((m = match(RG_STORAGE_ACCOUNTS, lower)).matches()) {
            requireMethod(method, "GET");
            requireResourceGroup(m.group(1), segment(path, m, 2));
            String prefix = "/subscriptions/" + m.group(1) + "/resourcegroups/" + m.group(2) + "/";
            return page(filter(storageAccounts, prefix), path, query);
        }
        if ((m = match(SUB_STORAGE_ACCOUNTS, lower)).matches()) {
            requireMethod(method, "GET");
            return page(filter(storageAccounts, "/subscriptions/" + m.group(1) + "/"), path, query);
        }
        if ((m = match(RESOURCE_GROUP, lower)).matches()) {
            return resourceGroup(method, segment(path, m, 1), segment(path, m, 2), request);
        }
        if ((m = match(RESOURCE_GROUPS, lower)).matches()) {
            requireMethod(method, "GET");
            return page(filter(resourceGroups, "/subscriptions/" + m.group(1) + "/"), path, query);
        }
        if (method.equals("GET") && (m = match(OTHER_COLLECTION, lower)).matches()) {
            requireScope(m.group(1));
            return page(new ArrayList<>(), path, query);
        }
        throw new ArmError(404, "NotFound", "No route for " + method + " " + path
                + ": the ArmEmulator serves resource groups, template deployments, storage accounts and Partner Admin"
                + " Link, and lists"
                + " every other resource type as empty.");
    }

    // ---- Partner Admin Link ----

    private ResponseDefinition partner(String method, String id) {
        if (!id.matches("[0-9]{1,12}")) {
            throw new ArmError(400, "InvalidPartnerId", "The partner id '" + id + "' is not a number.");
        }
        boolean linkedToIt = partnerLink != null && partnerLink.path("name").asText().equals(id);
        switch (method) {
            case "GET":
                if (!linkedToIt) {
                    throw new ArmError(404, "PartnerNotFound", "The caller is not linked to partner " + id + ".");
                }
                return respond(200, partnerLink);
            case "PUT":
                if (partnerLink != null) {
                    throw new ArmError(409, "Conflict", "The caller is already linked to partner "
                            + partnerLink.path("name").asText() + "; update or delete that link first.");
                }
                partnerLink = newPartnerLink(id);
                return respond(200, partnerLink);
            case "PATCH":
                if (partnerLink == null) {
                    throw new ArmError(404, "PartnerNotFound", "No partner is linked to the caller.");
                }
                partnerLink = newPartnerLink(id);
                return respond(200, partnerLink);
            case "DELETE":
                if (!linkedToIt) {
                    throw new ArmError(404, "PartnerNotFound", "The caller is not linked to partner " + id + ".");
                }
                partnerLink = null;
                return new ResponseDefinitionBuilder().withStatus(200).build();
            default:
                throw methodNotAllowed(method);
        }
    }

    private ObjectNode newPartnerLink(String id) {
        partnerLinkVersion++;
        String now = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString();
        ObjectNode link = json.createObjectNode()
                .put("id", "/providers/microsoft.managementpartner/partners/" + id)
                .put("name", id)
                .put("type", "Microsoft.ManagementPartner/partner")
                .put("etag", partnerLinkVersion);
        link.putObject("properties")
                .put("partnerId", id)
                .put("partnerName", "Partner " + id)
                .put("tenantId", "00000000-0000-0000-0000-0000000074e7")
                .put("objectId", CALLER_OBJECT_ID)
                .put("version", partnerLinkVersion)
                .put("createdTime", now)
                .put("updatedTime", now)
                .put("state", "Active");
        return link;
    }

    // ---- resource groups ----

    private ResponseDefinition resourceGroup(String method, String subscription, String name, LoggedRequest request) {
        String key = ("/subscriptions/" + subscription + "/resourcegroups/" + name).toLowerCase(Locale.ROOT);
        ObjectNode existing = resourceGroups.get(key);
        switch (method) {
            case "PUT": {
                JsonNode body = body(request);
                String location = body.path("location").asText("");
                if (location.isEmpty()) {
                    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
                }
                ObjectNode group = json.createObjectNode();
                group.put("id", "/subscriptions/" + subscription + "/resourceGroups/" + name);
                group.put("name", name);
                group.put("type", "Microsoft.Resources/resourceGroups");
                group.put("location", location);
                group.set("tags", body.has("tags") ? body.get("tags") : json.createObjectNode());
                group.putObject("properties").put("provisioningState", "Succeeded");
                resourceGroups.put(key, group);
                return respond(existing == null ? 201 : 200, group);
            }
            case "GET":
                return respond(200, requireResourceGroup(subscription, name));
            case "HEAD":
                return new ResponseDefinitionBuilder().withStatus(existing == null ? 404 : 204).build();
            case "DELETE": {
                requireResourceGroup(subscription, name);
                resourceGroups.remove(key);
                storageAccounts.keySet().removeIf(id -> id.startsWith(key + "/"));
                deployments.remove(key);
                return accepted("/subscriptions/" + subscription + "/operationresults/" + newOperation(null),
                        "2021-04-01");
            }
            default:
                throw methodNotAllowed(method);
        }
    }

    private ObjectNode requireResourceGroup(String subscription, String name) {
        ObjectNode group = resourceGroups.get(("/subscriptions/" + subscription + "/resourcegroups/" + name).toLowerCase(Locale.ROOT));
        if (group == null) {
            throw new ArmError(404, "ResourceGroupNotFound", "Resource group '" + name + "' could not be found.");
        }
        return group;
    }

    private void requireScope(String lowerScope) {
        Matcher m = RESOURCE_GROUP.matcher(lowerScope);
        if (m.matches()) {
            requireResourceGroup(m.group(1), m.group(2));
        }
    }

    // ---- storage accounts ----

    private ResponseDefinition storageAccount(String method, String subscription, String group, String name,
            LoggedRequest request) {
        String id = "/subscriptions/" + subscription + "/resourceGroups/" + group
                + "/providers/Microsoft.Storage/storageAccounts/" + name;
        String key = id.toLowerCase(Locale.ROOT);
        switch (method) {
            case "PUT": {
                requireResourceGroup(subscription, group);
                if (!name.matches("[a-z0-9]{3,24}")) {
                    throw new ArmError(400, "AccountNameInvalid", name + " is not a valid storage account name. Storage"
                            + " account name must be between 3 and 24 characters in length and use numbers and"
                            + " lower-case letters only.");
                }
                JsonNode body = body(request);
                ObjectNode account = json.createObjectNode();
                account.put("id", id);
                account.put("name", name);
                account.put("type", "Microsoft.Storage/storageAccounts");
                String location = body.path("location").asText("eastus");
                account.put("location", location);
                account.put("kind", body.path("kind").asText("StorageV2"));
                account.set("sku", body.has("sku") ? body.get("sku") : json.createObjectNode().put("name", "Standard_LRS"));
                account.set("tags", body.has("tags") ? body.get("tags") : json.createObjectNode());
                ObjectNode properties = body.has("properties") && body.get("properties").isObject()
                        ? ((ObjectNode) body.get("properties")).deepCopy() : json.createObjectNode();
                properties.put("provisioningState", "Succeeded");
                properties.put("creationTime", Instant.now().toString());
                properties.put("primaryLocation", location);
                properties.put("statusOfPrimary", "available");
                ObjectNode endpoints = properties.putObject("primaryEndpoints");
                for (String service : new String[] {"blob", "queue", "table", "file", "dfs", "web"}) {
                    endpoints.put(service, "https://" + name + "." + service + ".core.windows.net/");
                }
                storageAccounts.put(key, account);
                // Storage creates accounts as a long-running operation: 202, then polling of the Location.
                return accepted("/subscriptions/" + subscription + "/providers/Microsoft.Storage/locations/" + location
                        + "/asyncoperations/" + newOperation(account), "2023-01-01");
            }
            case "GET": {
                ObjectNode account = storageAccounts.get(key);
                if (account == null) {
                    throw new ArmError(404, "ResourceNotFound", "The Resource 'Microsoft.Storage/storageAccounts/" + name
                            + "' under resource group '" + group + "' was not found.");
                }
                return respond(200, account);
            }
            case "DELETE":
                return new ResponseDefinitionBuilder().withStatus(storageAccounts.remove(key) == null ? 204 : 200).build();
            default:
                throw methodNotAllowed(method);
        }
    }

    // ---- long-running operations ----

    private String newOperation(JsonNode result) {
        String id = UUID.randomUUID().toString();
        operations.put(id, new PendingOperation(result));
        return id;
    }

    private ResponseDefinition accepted(String operationPath, String apiVersion) {
        return new ResponseDefinitionBuilder().withStatus(202)
                .withHeader("Location", endpoint + operationPath + "?api-version=" + apiVersion)
                .withHeader("Retry-After", "0")
                .build();
    }

    private ResponseDefinition poll(String operationId) {
        PendingOperation operation = operations.get(operationId.toLowerCase(Locale.ROOT));
        if (operation == null) {
            operation = operations.get(operationId);
        }
        if (operation == null) {
            throw new ArmError(404, "NotFound", "No operation " + operationId + ".");
        }
        if (operation.pollsLeft-- > 0) {
            return new ResponseDefinitionBuilder().withStatus(202).withHeader("Retry-After", "0").build();
        }
        return operation.result == null ? new ResponseDefinitionBuilder().withStatus(200).build()
                : respond(200, operation.result);
    }

    // ---- deployments ----

    private ResponseDefinition deployment(String method, String lowerScope, String name, LoggedRequest request) {
        Map<String, Deployment> atScope = deployments.get(lowerScope);
        Deployment existing = atScope == null ? null : atScope.get(name.toLowerCase(Locale.ROOT));
        switch (method) {
            case "PUT": {
                requireScope(lowerScope);
                if (name.length() > 64) {
                    throw new ArmError(400, "InvalidDeploymentName", "The deployment name '" + name
                            + "' is invalid: it must be at most 64 characters long.");
                }
                JsonNode body = body(request);
                JsonNode properties = body.path("properties");
                if (!properties.has("template") && !properties.has("templateLink")) {
                    throw new ArmError(400, "InvalidRequestContent",
                            "The request content was invalid: properties.template or properties.templateLink is required.");
                }
                boolean subscriptionScope = !lowerScope.contains("/resourcegroups/");
                if (subscriptionScope && !body.hasNonNull("location")) {
                    throw new ArmError(400, "LocationRequired", "The location property is required for this definition.");
                }
                String correlationId = request.getHeader("x-ms-correlation-request-id");
                if (correlationId == null || correlationId.isEmpty()) {
                    correlationId = UUID.randomUUID().toString();
                }
                Deployment deployment = createDeployment(lowerScope, name, properties,
                        body.path("location").asText(null), correlationId);
                return respond(existing == null ? 201 : 200, deployment.body);
            }
            case "GET":
                if (existing == null) {
                    throw new ArmError(404, "DeploymentNotFound", "Deployment '" + name + "' could not be found.");
                }
                return respond(200, existing.body);
            case "HEAD":
                return new ResponseDefinitionBuilder().withStatus(existing == null ? 404 : 204).build();
            case "DELETE":
                if (atScope != null) {
                    atScope.remove(name.toLowerCase(Locale.ROOT));
                }
                return new ResponseDefinitionBuilder().withStatus(existing == null ? 204 : 202)
                        .withHeader("Location", endpoint + "/subscriptions/" + (lowerScope.startsWith("/subscriptions/")
                                ? lowerScope.split("/")[2] : "00000000-0000-0000-0000-00000000a11e")
                                + "/operationresults/" + newOperation(null)
                                + "?api-version=2021-04-01")
                        .withHeader("Retry-After", "0").build();
            default:
                throw methodNotAllowed(method);
        }
    }

    private Deployment createDeployment(String lowerScope, String name, JsonNode properties, String location,
            String correlationId) {
        String scopeId = scopeId(lowerScope);
        String id = scopeId + "/providers/Microsoft.Resources/deployments/" + name;
        ObjectNode body = json.createObjectNode();
        body.put("id", id);
        body.put("name", name);
        body.put("type", "Microsoft.Resources/deployments");
        if (location != null) {
            body.put("location", location);
        }
        ObjectNode p = body.putObject("properties");
        p.put("templateHash", Integer.toUnsignedString(properties.path("template").toString().hashCode()));
        p.set("parameters", properties.has("parameters") ? properties.get("parameters") : json.createObjectNode());
        p.put("mode", properties.path("mode").asText("Incremental"));
        p.put("provisioningState", "Succeeded");
        p.put("timestamp", Instant.now().toString());
        p.put("duration", "PT1S");
        p.put("correlationId", correlationId);
        p.putArray("providers");
        p.putArray("dependencies");
        p.putObject("outputs");
        ArrayNode outputResources = p.putArray("outputResources");

        Deployment deployment = new Deployment(body);
        deployments.computeIfAbsent(lowerScope, k -> new LinkedHashMap<>()).put(name.toLowerCase(Locale.ROOT), deployment);

        int index = 0;
        DeployedNames names = new DeployedNames(properties.path("template"), properties.path("parameters"));
        for (JsonNode resource : resources(properties.path("template"))) {
            index++;
            if (resource.path("existing").asBoolean(false)) {
                continue;
            }
            String type = resource.path("type").asText("");
            String resourceName = names.of(resource.path("name").asText(""), index);
            String targetScope = scopeId;
            String childScope = lowerScope;
            // A nested deployment may target another subscription (from a management group or the tenant) and
            // another resource group: it is stored, and its resources created, there.
            String sub = resource.hasNonNull("subscriptionId") && !resource.path("subscriptionId").asText().startsWith("[")
                    ? resource.path("subscriptionId").asText()
                    : lowerScope.startsWith("/subscriptions/") ? lowerScope.split("/")[2] : null;
            if (sub != null && resource.hasNonNull("subscriptionId")) {
                childScope = "/subscriptions/" + sub.toLowerCase(Locale.ROOT);
                targetScope = "/subscriptions/" + sub;
            }
            if (sub != null && resource.hasNonNull("resourceGroup") && !resource.path("resourceGroup").asText().startsWith("[")) {
                childScope = "/subscriptions/" + sub.toLowerCase(Locale.ROOT) + "/resourcegroups/"
                        + resource.path("resourceGroup").asText().toLowerCase(Locale.ROOT);
                targetScope = "/subscriptions/" + sub + "/resourceGroups/" + resource.path("resourceGroup").asText();
            }
            String targetId = targetScope + "/providers/" + resourceIdPath(type, resourceName);
            if (type.equalsIgnoreCase("Microsoft.Resources/deployments")) {
                createDeployment(childScope, resourceName, resource.path("properties"), null, correlationId);
            } else {
                outputResources.addObject().put("id", targetId);
            }
            deployment.operations.add(operation(id, type, resourceName, targetId));
        }
        return deployment;
    }

    private ObjectNode operation(String deploymentId, String type, String name, String targetId) {
        String operationId = Long.toHexString(UUID.randomUUID().getMostSignificantBits()).toUpperCase(Locale.ROOT);
        ObjectNode op = json.createObjectNode();
        op.put("id", deploymentId + "/operations/" + operationId);
        op.put("operationId", operationId);
        ObjectNode p = op.putObject("properties");
        p.put("provisioningOperation", "Create");
        p.put("provisioningState", "Succeeded");
        p.put("timestamp", Instant.now().toString());
        p.put("duration", "PT1S");
        p.put("trackingId", UUID.randomUUID().toString());
        p.put("statusCode", "Created");
        p.putObject("targetResource").put("id", targetId).put("resourceType", type).put("resourceName", name);
        return op;
    }

    private List<JsonNode> operationsOf(String lowerScope, String name) {
        Deployment d = deployments.getOrDefault(lowerScope, Map.of()).get(name.toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new ArmError(404, "DeploymentNotFound", "Deployment '" + name + "' could not be found.");
        }
        return d.operations;
    }

    private static List<JsonNode> resources(JsonNode template) {
        List<JsonNode> out = new ArrayList<>();
        JsonNode resources = template.path("resources");
        if (resources.isArray()) {
            resources.forEach(out::add);
        } else if (resources.isObject()) {
            resources.forEach(out::add); // languageVersion 2.0: symbolic names
        }
        return out;
    }

    private static String resourceIdPath(String type, String name) {
        String[] types = type.split("/");
        String[] names = name.split("/");
        if (types.length < 2) {
            return type + "/" + name;
        }
        StringBuilder path = new StringBuilder(types[0]).append('/').append(types[1]).append('/').append(names[0]);
        for (int i = 2; i < types.length; i++) {
            path.append('/').append(types[i]).append('/').append(i - 1 < names.length ? names[i - 1] : "default");
        }
        return path.toString();
    }

    private static String scopeId(String lowerScope) {
        // ids keep ARM's usual casing of the fixed segments
        return lowerScope.replace("/resourcegroups/", "/resourceGroups/")
                .replace("/providers/microsoft.management/managementgroups/", "/providers/Microsoft.Management/managementGroups/");
    }

    // ---- helpers ----

    private ResponseDefinition page(List<JsonNode> all, String path, Map<String, String> query) {
        int size = pageSize.get();
        int from = 0;
        String token = query.get("$skiptoken");
        if (token != null) {
            try {
                from = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new ArmError(400, "InvalidSkipToken", "The $skiptoken '" + token + "' is not valid.");
            }
        }
        ObjectNode body = json.createObjectNode();
        ArrayNode value = body.putArray("value");
        int to = Math.min(all.size(), from + size);
        for (int i = from; i < to; i++) {
            value.add(all.get(i));
        }
        if (to < all.size()) {
            body.put("nextLink", endpoint + path + "?api-version=" + query.get("api-version") + "&$skiptoken=" + to);
        }
        return respond(200, body);
    }

    private static List<JsonNode> filter(Map<String, ObjectNode> items, String lowerPrefix) {
        List<JsonNode> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, ObjectNode>> it = items.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ObjectNode> e = it.next();
            if (e.getKey().startsWith(lowerPrefix)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private JsonNode body(LoggedRequest request) {
        String text = request.getBodyAsString();
        if (text == null || text.trim().isEmpty()) {
            throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be"
                    + " deserialized: the body is empty.");
        }
        try {
            JsonNode node = json.readTree(text);
            if (!node.isObject()) {
                throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be"
                        + " deserialized: expected a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ArmError(400, "InvalidRequestContent", "The request content was invalid and could not be"
                    + " deserialized: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ".");
        }
    }

    private ResponseDefinition respond(int status, JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("x-ms-request-id", UUID.randomUUID().toString())
                .withBody(body.toString()).build();
    }

    private ObjectNode error(String code, String message) {
        ObjectNode body = json.createObjectNode();
        body.putObject("error").put("code", code).put("message", message);
        return body;
    }

    private static ArmError methodNotAllowed(String method) {
        return new ArmError(405, "MethodNotAllowed", "The requested resource does not support http method '" + method + "'.");
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw methodNotAllowed(method);
        }
    }

    private static Matcher match(Pattern pattern, String path) {
        return pattern.matcher(path);
    }

    /** The original-case text of group {@code g} (matching ran on the lower-case path of the same length). */
    private static String segment(String path, Matcher m, int g) {
        return path.substring(m.start(g), m.end(g));
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static Map<String, String> query(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            out.put(key.toLowerCase(Locale.ROOT).equals("api-version") ? "api-version" : key,
                    eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private static final class Deployment {
        final ObjectNode body;
        final List<JsonNode> operations = new ArrayList<>();

        Deployment(ObjectNode body) {
            this.body = body;
        }
    }

    private static final class PendingOperation {
        final JsonNode result;
        int pollsLeft = 1;

        PendingOperation(JsonNode result) {
            this.result = result;
        }
    }

    private static final class Fault {
        final int status;
        final Map<String, String> headers;

        Fault(int status, Map<String, String> headers) {
            this.status = status;
            this.headers = headers;
        }
    }

    private static final class ArmError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        ArmError(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }
}
