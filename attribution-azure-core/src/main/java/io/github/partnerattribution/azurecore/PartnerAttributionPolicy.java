package io.github.partnerattribution.azurecore;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.internal.ZeroCodePolicy;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.core.support.UserAgentMemo;
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
    private final Attribution attribution;
    private final UserAgentMemo userAgents;
    /** The last attributed value looked at for another pid; the memo hands back the same instance until it changes. */
    private volatile String inspected;
    private volatile boolean warnedOfOtherId;

    PartnerAttributionPolicy(Attribution attribution) {
        this.attribution = attribution;
        this.userAgents = new UserAgentMemo(attribution);
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
        return new PartnerAttributionPolicy(attribution);
    }

    /** {@return the configuration this policy applies} */
    public Attribution attribution() {
        return attribution;
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

    @Override
    public String toString() {
        return "PartnerAttributionPolicy[" + attribution + "]";
    }

    /**
     * Attributes the call; zero-code mode's policy, later in the same pipeline, reads the mark left here and leaves
     * a call attributed in code alone (see {@link ZeroCodePolicy}).
     */
    private void attribute(HttpPipelineCallContext context) {
        if (ZeroCodePolicy.anyCreated() && attribution.isActive()) {
            context.setData(ZeroCodePolicy.ATTRIBUTED_IN_CODE, attribution.partnerId());
        }
        attribute(context.getHttpRequest());
    }

    private void attribute(HttpRequest request) {
        // Whether to attribute at all (an id, no opt-out) is decided in one place, Attribution.apply.
        String current = request.getHeaders().getValue(HttpHeaderName.USER_AGENT);
        String attributed = userAgents.apply(current);
        if (attributed != current) {
            request.setHeader(HttpHeaderName.USER_AGENT, attributed);
            if (attributed != inspected) {
                inspected = attributed;
                warnOnceIfAnotherIdIsPresent(attributed);
            }
        }
    }

    /** Returns the attributed User-Agent; the same instance as {@code current} when nothing changes. */
    String attributed(String current) {
        return userAgents.apply(current);
    }

    private void warnOnceIfAnotherIdIsPresent(String attributed) {
        if (warnedOfOtherId) {
            return;
        }
        PartnerId ours = attribution.partnerId();
        for (PartnerId found : UserAgents.partnerIds(attributed)) {
            if (!found.equals(ours)) {
                warnedOfOtherId = true;
                Reports.sink().warning("The User-Agent already carries " + found + "; " + ours + " (from "
                        + attribution.source() + ") is appended after it, so both are credited. Use one partner id"
                        + " per offer and channel.");
                return;
            }
        }
    }
}
