package io.github.partnerattribution.azurecore;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.internal.UserAgentAttributor;
import io.github.partnerattribution.azurecore.internal.ZeroCodePolicy;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.UserAgents;
import reactor.core.publisher.Mono;

/**
 * An azure-core pipeline policy that appends the partner's {@code pid-<guid>} token to the User-Agent of every
 * request, following {@link UserAgents}' rules: at the end, once, the SDK's own value kept as it is.
 *
 * <p>Its position is {@link HttpPipelinePosition#PER_CALL}: it runs once per logical call, after the SDK's own
 * User-Agent policy has set the header, and not again on each retry (the header it set is kept across retries).
 * azure-core ignores {@code addPolicy} on a builder that was given a whole {@code pipeline(...)}; use
 * {@link AttributedClientFactory}, which says so instead of failing silently.
 *
 * <p>For a client whose User-Agent does not change (the usual case), the attributed value is computed once and
 * reused: a request costs a string comparison and a header write.
 *
 * <pre>{@code
 * PartnerAttributionPolicy policy = PartnerAttributionPolicy.create(Attribution.of(partnerId));
 * BlobServiceClient blobs = new BlobServiceClientBuilder().endpoint(url).credential(credential)
 *         .addPolicy(policy)
 *         .buildClient();
 * }</pre>
 */
public final class PartnerAttributionPolicy implements HttpPipelinePolicy {
    /** How the doctor names requests attributed by a policy made with {@link #create}. */
    static final String VIA_POLICY = "PartnerAttributionPolicy";

    private final UserAgentAttributor attributor;

    PartnerAttributionPolicy(Attribution attribution, String via) {
        this.attributor = new UserAgentAttributor(attribution, via);
        Reports.settingsOf(attribution);
    }

    /**
     * A policy for the given configuration. An inactive configuration (no id, or the customer opted out) gives a
     * policy that leaves every request as it is.
     *
     * @param attribution what to attribute
     * @return the policy
     */
    public static PartnerAttributionPolicy create(Attribution attribution) {
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        return new PartnerAttributionPolicy(attribution, VIA_POLICY);
    }

    /** {@return the configuration this policy applies} */
    public Attribution attribution() {
        return attributor.attribution();
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        attribute(context);
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        attribute(context);
        return next.processSync();
    }

    @Override
    public HttpPipelinePosition getPipelinePosition() {
        return HttpPipelinePosition.PER_CALL;
    }

    /** Returns the attributed User-Agent; the same instance as {@code current} when nothing changes. */
    String attributed(String current) {
        return attributor.attributed(current);
    }

    @Override
    public String toString() {
        return "PartnerAttributionPolicy[" + attribution() + "]";
    }

    /**
     * Attributes the call; zero-code mode's policy, later in the same pipeline, reads the mark left here and leaves
     * a call attributed in code alone (see {@link ZeroCodePolicy}).
     */
    private void attribute(HttpPipelineCallContext context) {
        Attribution attribution = attributor.attribution();
        if (ZeroCodePolicy.anyCreated() && attribution.isActive()) {
            context.setData(ZeroCodePolicy.ATTRIBUTED_IN_CODE, attribution.partnerId());
        }
        attributor.attribute(context.getHttpRequest());
    }
}
