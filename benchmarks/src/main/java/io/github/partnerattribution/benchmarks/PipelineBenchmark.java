package io.github.partnerattribution.benchmarks;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.testkit.CannedResponse;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;

/**
 * One request through an azure-core pipeline whose HttpClient answers from memory: (a) azure-core's
 * UserAgentPolicy alone, (b) plus PartnerAttributionPolicy, (c) plus the policy a user would write by hand (read the
 * header, concatenate, set it), (d) plus a policy that does nothing (the pipeline's own cost of one more policy). Sync ({@code sendSync}) and async ({@code send}) paths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PipelineBenchmark {
    static final String GUID = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final PartnerId ID = PartnerId.parse(GUID);
    static final String URL = "https://management.azure.com/subscriptions/s/resourcegroups/rg?api-version=2021-04-01";

    private HttpPipeline sdkOnly;
    private HttpPipeline attributed;
    private HttpPipeline handWritten;
    private HttpPipeline noOp;

    @Setup
    public void setUp() {
        HttpClient memory = new MemoryClient();
        sdkOnly = pipeline(memory, sdk());
        attributed = pipeline(memory, sdk(), PartnerAttributionPolicy.create(
                Attribution.of(ID, Collections.emptyMap(), Collections.emptyMap())));
        handWritten = pipeline(memory, sdk(), new HandWrittenPolicy(ID.token()));
        noOp = pipeline(memory, sdk(), new NoOp());
    }

    private static UserAgentPolicy sdk() {
        return new UserAgentPolicy(null, "azure-resourcemanager-resources", "2.53.5", Configuration.NONE);
    }

    private static HttpPipeline pipeline(HttpClient client, HttpPipelinePolicy... policies) {
        return new HttpPipelineBuilder().httpClient(client).policies(policies).build();
    }

    @Benchmark
    public HttpResponse syncA_userAgentPolicyOnly() {
        return sdkOnly.sendSync(new HttpRequest(HttpMethod.GET, URL), Context.NONE);
    }

    @Benchmark
    public HttpResponse syncB_withPartnerAttributionPolicy() {
        return attributed.sendSync(new HttpRequest(HttpMethod.GET, URL), Context.NONE);
    }

    @Benchmark
    public HttpResponse syncC_withHandWrittenPolicy() {
        return handWritten.sendSync(new HttpRequest(HttpMethod.GET, URL), Context.NONE);
    }

    @Benchmark
    public HttpResponse asyncA_userAgentPolicyOnly() {
        return sdkOnly.send(new HttpRequest(HttpMethod.GET, URL)).block();
    }

    @Benchmark
    public HttpResponse asyncB_withPartnerAttributionPolicy() {
        return attributed.send(new HttpRequest(HttpMethod.GET, URL)).block();
    }

    @Benchmark
    public HttpResponse asyncC_withHandWrittenPolicy() {
        return handWritten.send(new HttpRequest(HttpMethod.GET, URL)).block();
    }

    @Benchmark
    public HttpResponse syncD_withNoOpPolicy() {
        return noOp.sendSync(new HttpRequest(HttpMethod.GET, URL), Context.NONE);
    }

    @Benchmark
    public HttpResponse asyncD_withNoOpPolicy() {
        return noOp.send(new HttpRequest(HttpMethod.GET, URL)).block();
    }

    /** What a user writes without this library: read, concatenate, set, on every request. */
    static final class HandWrittenPolicy implements HttpPipelinePolicy {
        private final String token;

        HandWrittenPolicy(String token) {
            this.token = token;
        }

        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            apply(context.getHttpRequest());
            return next.process();
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            apply(context.getHttpRequest());
            return next.processSync();
        }

        private void apply(HttpRequest request) {
            String ua = request.getHeaders().getValue(HttpHeaderName.USER_AGENT);
            request.setHeader(HttpHeaderName.USER_AGENT, ua == null ? token : ua + " " + token);
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return HttpPipelinePosition.PER_CALL;
        }
    }

    /** Answers every request from memory with one shared empty 200. */
    static final class MemoryClient implements HttpClient {
        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.just(new CannedResponse(request, 200));
        }

        @Override
        public HttpResponse sendSync(HttpRequest request, Context context) {
            return new CannedResponse(request, 200);
        }
    }

    /** A policy that changes nothing, sync and async, as zero-code mode's off switch does. */
    static final class NoOp implements HttpPipelinePolicy {
        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            return next.process();
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            return next.processSync();
        }
    }
}
