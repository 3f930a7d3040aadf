package io.github.partnerattribution.azurecore.internal;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import reactor.core.publisher.Mono;

/** A policy that changes nothing: what zero-code mode gives a pipeline when attribution is off. Not API. */
public final class PassThroughPolicy implements HttpPipelinePolicy {
    /** The one instance; it holds no state. */
    public static final PassThroughPolicy INSTANCE = new PassThroughPolicy();

    private PassThroughPolicy() {
    }

    @Override
    public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
        return next.process();
    }

    @Override
    public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
        return next.processSync();
    }

    @Override
    public String toString() {
        return "PartnerAttribution[off]";
    }
}
