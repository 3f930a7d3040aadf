package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Zero-code mode's policy: the environment's attribution for every client of the JVM, except a call that a
 * {@link PartnerAttributionPolicy} of the client already attributed in code. The id in code wins for that call, as
 * code wins over the environment everywhere in the Azure SDK: the environment's id is not appended after it (which
 * would credit both, the code's not last), and that decision is reported once per JVM. Made by
 * the ServiceLoader provider through {@link #of}. Not API.
 */
public final class ZeroCodePolicy implements HttpPipelinePolicy {
    /** The call-context key under which an explicit policy leaves the id it attributed. */
    public static final String ATTRIBUTED_IN_CODE = "partner-attribution.in-code";

    /**
     * Set once the first zero-code policy exists: until then an explicit policy need not leave its mark, so a JVM
     * without zero-code pays nothing for it per request (the mark is a new context node).
     */
    private static volatile boolean created;

    private final UserAgentAttributor attributor;

    private ZeroCodePolicy(Attribution attribution, String via) {
        this.attributor = new UserAgentAttributor(attribution, via);
        Reports.settingsOf(attribution);
        created = true;
    }

    /** {@return whether a zero-code policy that attributes exists in this JVM} */
    public static boolean anyCreated() {
        return created;
    }

    /**
     * The zero-code policy for an active configuration.
     *
     * @param settings the configuration, from the environment or from the host that installed it
     * @param via how the doctor names the path, such as {@code zero-code mode}
     */
    public static HttpPipelinePolicy of(Attribution settings, String via) {
        return new ZeroCodePolicy(settings, via);
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        if (!attributedInCode(context)) {
            attributor.attribute(context.getHttpRequest());
        }
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        if (!attributedInCode(context)) {
            attributor.attribute(context.getHttpRequest());
        }
        return next.processSync();
    }

    private boolean attributedInCode(HttpPipelineCallContext context) {
        Optional<Object> inCode = context.getData(ATTRIBUTED_IN_CODE);
        if (!inCode.isPresent()) {
            return false;
        }
        Attribution ours = attributor.attribution();
        if (!inCode.get().equals(ours.partnerId())) {
            Reports.warningOnce("Partner attribution: the " + ours.source() + " sets " + ours.partnerId()
                    + ", but a client attributed in code with " + inCode.get() + " sends only the id in code;"
                    + " zero-code mode adds " + ours.partnerId() + " to the other clients of this JVM. Use one"
                    + " partner id, or unset the " + ours.source() + ".");
        }
        return true;
    }

    /** {@return the configuration read from the environment} */
    public Attribution attribution() {
        return attributor.attribution();
    }

    @Override
    public String toString() {
        return "ZeroCodePolicy[" + attributor.attribution() + "]";
    }
}
