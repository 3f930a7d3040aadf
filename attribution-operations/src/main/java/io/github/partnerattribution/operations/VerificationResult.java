package io.github.partnerattribution.operations;

import com.azure.json.JsonProviders;
import com.azure.json.JsonWriter;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;

/**
 * What {@link DeploymentVerifier} found: where it searched, the tracking deployment and its correlation id, the
 * deployments of that template run, and the resources they created. "Not found" is a result too, with a message
 * that names what was searched.
 *
 * <pre>{@code
 * VerificationResult result = verifier.verifyResourceGroup("contoso-rg", partnerId);
 * if (result.found()) {
 *     result.resourceIds().forEach(System.out::println);
 * } else {
 *     System.err.println(result.message());
 * }
 * }</pre>
 */
public final class VerificationResult {
    private final PartnerId partnerId;
    private final String scope;
    private final int deploymentsSearched;
    private final String trackingDeployment;
    private final String correlationId;
    private final List<String> deployments;
    private final List<String> resourceIds;
    private final List<String> onlyInOperations;
    private final List<String> onlyInOutputResources;
    private final List<String> skipped;
    private final String message;

    VerificationResult(PartnerId partnerId, String scope, int deploymentsSearched, String trackingDeployment,
            String correlationId, List<String> deployments, List<String> resourceIds, String message) {
        this(partnerId, scope, deploymentsSearched, trackingDeployment, correlationId, deployments, resourceIds,
                Collections.<String>emptyList(), Collections.<String>emptyList(), Collections.<String>emptyList(),
                message);
    }

    VerificationResult(PartnerId partnerId, String scope, int deploymentsSearched, String trackingDeployment,
            String correlationId, List<String> deployments, List<String> resourceIds, List<String> onlyInOperations,
            List<String> onlyInOutputResources, List<String> skipped, String message) {
        this.skipped = Collections.unmodifiableList(skipped);
        this.onlyInOperations = Collections.unmodifiableList(onlyInOperations);
        this.onlyInOutputResources = Collections.unmodifiableList(onlyInOutputResources);
        this.partnerId = partnerId;
        this.scope = scope;
        this.deploymentsSearched = deploymentsSearched;
        this.trackingDeployment = trackingDeployment;
        this.correlationId = correlationId;
        this.deployments = Collections.unmodifiableList(deployments);
        this.resourceIds = Collections.unmodifiableList(resourceIds);
        this.message = message;
    }

    /** {@return whether a tracking deployment for the id was found} */
    public boolean found() {
        return trackingDeployment != null;
    }

    /** {@return the id verified} */
    public PartnerId partnerId() {
        return partnerId;
    }

    /** {@return where the search ran, e.g. {@code resource group contoso-rg in subscription 0000...}} */
    public String scope() {
        return scope;
    }

    /** {@return how many deployments the scope holds (all pages)} */
    public int deploymentsSearched() {
        return deploymentsSearched;
    }

    /** {@return the tracking deployment's name, or null when not found} */
    public String trackingDeployment() {
        return trackingDeployment;
    }

    /** {@return the correlation id shared by the template run's deployments, or null when not found} */
    public String correlationId() {
        return correlationId;
    }

    /** {@return the names of the deployments with that correlation id, the tracking one included} */
    public List<String> deployments() {
        return deployments;
    }

    /** {@return the ids of the resources those deployments created, nested deployments excluded} */
    public List<String> resourceIds() {
        return resourceIds;
    }

    /**
     * The resources only the operations name.
     *
     * @return resources found among the deployments' {@code Create} operations but not in their
     *     {@code outputResources}; empty when the two sources agree
     */
    public List<String> onlyInOperations() {
        return onlyInOperations;
    }

    /**
     * The resources only {@code outputResources} names.
     *
     * @return resources listed in the deployments' {@code outputResources} but created by none of their
     *     {@code Create} operations; empty when the two sources agree
     */
    public List<String> onlyInOutputResources() {
        return onlyInOutputResources;
    }

    /**
     * What was skipped, not requested.
     *
     * @return what the server named that did not parse as ARM ids or names and so was not requested, one sentence
     *     each (the server's text quoted and escaped); empty when everything parsed
     */
    public List<String> skipped() {
        return skipped;
    }

    /** {@return a one-line summary: what was found, or what was searched when nothing was} */
    public String message() {
        return message;
    }

    /**
     * The result for people, several lines. Names and ids come from the server: control characters in them are
     * written as {@code \\uXXXX}, so they cannot drive a terminal or forge a line of the proof.
     *
     * @return the text
     */
    public String text() {
        StringBuilder out = new StringBuilder(Text.printable(message)).append('\n');
        if (found()) {
            out.append("  tracking deployment: ").append(Text.printable(trackingDeployment)).append('\n');
            out.append("  correlation id:      ").append(Text.printable(correlationId)).append('\n');
            out.append("  deployments (").append(deployments.size()).append("):\n");
            for (String d : deployments) {
                out.append("    ").append(Text.printable(d)).append('\n');
            }
            out.append("  resources created (").append(resourceIds.size()).append("):\n");
            java.util.Set<String> operationsOnly = new java.util.HashSet<>(onlyInOperations);
            java.util.Set<String> outputsOnly = new java.util.HashSet<>(onlyInOutputResources);
            for (String id : resourceIds) {
                out.append("    ").append(Text.printable(id)).append(operationsOnly.contains(id)
                        ? "   (from the operations only)" : outputsOnly.contains(id)
                        ? "   (from outputResources only)" : "").append('\n');
            }
            if (!skipped.isEmpty()) {
                out.append("  skipped, not requested (").append(skipped.size()).append("):\n");
                for (String note : skipped) {
                    out.append("    ").append(Text.printable(note)).append('\n');
                }
            }
        }
        return out.toString();
    }

    /** {@return the result as a JSON object, for scripts} */
    public String json() {
        StringWriter out = new StringWriter();
        try (JsonWriter w = JsonProviders.createWriter(out)) {
            w.writeStartObject();
            w.writeStringField("partnerId", partnerId.token());
            w.writeStringField("scope", scope);
            w.writeBooleanField("found", found());
            w.writeIntField("deploymentsSearched", deploymentsSearched);
            w.writeStringField("trackingDeployment", trackingDeployment);
            w.writeStringField("correlationId", correlationId);
            w.writeArrayField("deployments", deployments, JsonWriter::writeString);
            w.writeArrayField("resourceIds", resourceIds, JsonWriter::writeString);
            w.writeArrayField("onlyInOperations", onlyInOperations, JsonWriter::writeString);
            w.writeArrayField("onlyInOutputResources", onlyInOutputResources, JsonWriter::writeString);
            w.writeArrayField("skipped", skipped, JsonWriter::writeString);
            w.writeStringField("message", message);
            w.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text();
    }
}
