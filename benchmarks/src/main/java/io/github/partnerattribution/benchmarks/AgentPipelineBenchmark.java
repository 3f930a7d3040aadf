package io.github.partnerattribution.benchmarks;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.Configuration;
import com.azure.core.util.Context;
import io.github.partnerattribution.azurecore.PartnerAttributionPolicy;
import io.github.partnerattribution.core.Attribution;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One request through a pipeline the Java agent instrumented (a JVM started with {@code -javaagent:} and the id as a
 * system property; the pipeline built with azure-core's UserAgentPolicy only) against the same pipeline with the
 * library's policy added by hand (a JVM without the agent). Each setup checks that its request carries the id, so
 * neither side can measure a pipeline that attributes nothing. Run from the project's folder ({@code run.sh} is).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentPipelineBenchmark {
    static final String AGENT = "-javaagent:attribution-agent/target/attribution-agent.jar";
    static final String ID = "-D" + Attribution.PARTNER_ID_PROPERTY + "=" + PipelineBenchmark.GUID;

    private HttpPipeline agent;
    private HttpPipeline byHand;

    @Setup
    public void setUp() {
        PipelineBenchmark.MemoryClient memory = new PipelineBenchmark.MemoryClient();
        boolean attached = System.getProperty("io.github.partnerattribution.agent") != null;
        if (attached) {
            agent = pipeline(memory, sdk());
            checkAttributed(agent);
        } else {
            byHand = pipeline(memory, sdk(), PartnerAttributionPolicy.create(
                    Attribution.of(PipelineBenchmark.ID, Collections.emptyMap(), Collections.emptyMap())));
            checkAttributed(byHand);
        }
    }

    private static UserAgentPolicy sdk() {
        return new UserAgentPolicy(null, "azure-resourcemanager-resources", "2.53.5", Configuration.NONE);
    }

    private static HttpPipeline pipeline(PipelineBenchmark.MemoryClient client, HttpPipelinePolicy... policies) {
        return new HttpPipelineBuilder().httpClient(client).policies(policies).build();
    }

    private static void checkAttributed(HttpPipeline pipeline) {
        HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL),
                Context.NONE);
        String ua = response.getRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT);
        if (ua == null || !ua.endsWith(PipelineBenchmark.ID.token())) {
            throw new IllegalStateException("the pipeline is not attributed (User-Agent " + ua + "); is "
                    + AGENT.substring("-javaagent:".length()) + " built?");
        }
    }

    @Benchmark
    @Fork(jvmArgsAppend = {AGENT, ID})
    public HttpResponse syncAgent() {
        return agent.sendSync(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL), Context.NONE);
    }

    @Benchmark
    @Fork
    public HttpResponse syncLibraryPolicyByHand() {
        return byHand.sendSync(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL), Context.NONE);
    }

    @Benchmark
    @Fork(jvmArgsAppend = {AGENT, ID})
    public HttpResponse asyncAgent() {
        return agent.send(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL)).block();
    }

    @Benchmark
    @Fork
    public HttpResponse asyncLibraryPolicyByHand() {
        return byHand.send(new HttpRequest(HttpMethod.GET, PipelineBenchmark.URL)).block();
    }
}
