package io.github.partnerattribution.azurecore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import com.azure.core.client.traits.HttpTrait;
import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.UserAgentPolicy;
import com.azure.core.util.tracing.Tracer;
import io.github.partnerattribution.azurecore.support.Reports;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** One class at a time, each collaborator an interface or a pipeline stage, mocked; real clients are elsewhere. */
@Tag("azure-core-only")
class PolicyAndFactoryUnitTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final PartnerId OTHER = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    static final AttributedClientFactory CLIENTS = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()));

    final Reports.Sink sink = mock(Reports.Sink.class);

    @BeforeEach
    void recordReports() {
        Reports.redirectForTests(sink);
    }

    @AfterEach
    void restore() {
        Reports.redirectForTests(null);
    }

    interface Builder extends HttpTrait<Builder> {
    }

    /** A builder that was given a whole pipeline, the way azure-core's generated builders keep it. */
    abstract static class BuilderHoldingAPipeline implements HttpTrait<BuilderHoldingAPipeline> {
        final HttpPipeline pipeline = new HttpPipelineBuilder().build();
    }

    @Test
    void tagAddsExactlyOnePolicyAndReturnsTheBuilder() {
        Builder builder = mock(Builder.class, RETURNS_SELF);
        assertSame(builder, CLIENTS.tag(builder));
        verify(builder).addPolicy(isA(PartnerAttributionPolicy.class));
        verifyNoMoreInteractions(builder);
    }

    @Test
    void tagRefusesABuilderHoldingAPipelineAndTouchesNothing() {
        BuilderHoldingAPipeline builder = mock(BuilderHoldingAPipeline.class,
                withSettings().useConstructor().defaultAnswer(RETURNS_SELF));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CLIENTS.tag(builder));
        assertTrue(e.getMessage().contains("already holds a complete pipeline(...)"), e.getMessage());
        assertTrue(e.getMessage().contains("tag(pipeline)"), e.getMessage());
        verify(builder, never()).addPolicy(any());
    }

    @Test
    void configureRefusesAnObjectWithoutWithPolicyAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CLIENTS.configure("text"));
        assertEquals("java.lang.String has no public withPolicy(HttpPipelinePolicy), so it is not an Azure Resource"
                + " Manager configuration. Pass AzureResourceManager.configure() or a manager's configure()"
                + " (ResourceManager.configure(), ContainerAppsApiManager.configure(), ...); tag an azure-core client"
                + " builder with tag(builder) and a pipeline with tag(pipeline).", e.getMessage());
    }

    /** A configuration shaped like a generated manager's: its own type, a withPolicy, nothing in common. */
    public static final class GeneratedStyleConfigurable {
        HttpPipelinePolicy added;
        int calls;

        public GeneratedStyleConfigurable withPolicy(HttpPipelinePolicy policy) {
            added = policy;
            calls++;
            return this;
        }
    }

    @Test
    void configureCallsWithPolicyOnceOnAnyConfigurationShape() {
        GeneratedStyleConfigurable configurable = new GeneratedStyleConfigurable();
        assertSame(configurable, CLIENTS.configure(configurable));
        assertEquals(1, configurable.calls);
        assertEquals(ID, ((PartnerAttributionPolicy) configurable.added).attribution().partnerId());
    }

    static HttpPipelineCallContext context(String userAgent) {
        HttpRequest request = new HttpRequest(HttpMethod.GET, "https://127.0.0.1/x");
        if (userAgent != null) {
            request.setHeader(HttpHeaderName.USER_AGENT, userAgent);
        }
        HttpPipelineCallContext context = mock(HttpPipelineCallContext.class);
        when(context.getHttpRequest()).thenReturn(request);
        return context;
    }

    @Test
    void theSyncPolicyCallsTheNextStageExactlyOnce() {
        HttpPipelineNextSyncPolicy next = mock(HttpPipelineNextSyncPolicy.class);
        HttpResponse response = mock(HttpResponse.class);
        when(next.processSync()).thenReturn(response);
        HttpPipelineCallContext context = context("sdk/1");
        assertSame(response, CLIENTS.policy().processSync(context, next));
        verify(next).processSync();
        verifyNoMoreInteractions(next);
        assertEquals("sdk/1 " + ID.token(), context.getHttpRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT));
    }

    @Test
    void theAsyncPolicyCallsTheNextStageExactlyOnce() {
        HttpPipelineNextPolicy next = mock(HttpPipelineNextPolicy.class);
        HttpResponse response = mock(HttpResponse.class);
        when(next.process()).thenReturn(Mono.just(response));
        HttpPipelineCallContext context = context(null);
        assertSame(response, CLIENTS.policy().process(context, next).block());
        verify(next).process();
        verifyNoMoreInteractions(next);
        assertEquals(ID.token(), context.getHttpRequest().getHeaders().getValue(HttpHeaderName.USER_AGENT));
    }

    @Test
    void aDifferentPidIsNamedFirstAndOursSecondOncePerClient() {
        PartnerAttributionPolicy policy = CLIENTS.policy();
        HttpPipelineNextSyncPolicy next = mock(HttpPipelineNextSyncPolicy.class);
        for (int i = 0; i < 3; i++) {
            policy.processSync(context("tool/1 " + OTHER.token()), next);
            policy.processSync(context("tool/2 " + OTHER.token()), next);
        }
        verify(sink).warning("The User-Agent already carries " + OTHER.token() + "; " + ID.token() + " (from code) is"
                + " appended after it, so both are credited. Use one partner id per offer and channel.");
        verifyNoMoreInteractions(sink);
    }

    @Test
    void theSameIdAlreadyPresentIsNoWarning() {
        CLIENTS.policy().processSync(context("tool/1 " + ID.token()), mock(HttpPipelineNextSyncPolicy.class));
        verifyNoInteractions(sink);
    }

    @Test
    void taggingAPipelinePutsThePolicyRightAfterTheUserAgentPolicyAndKeepsEverythingElse() {
        HttpClient httpClient = mock(HttpClient.class);
        Tracer tracer = mock(Tracer.class);
        HttpPipelinePolicy userAgent = new UserAgentPolicy();
        HttpPipelinePolicy retry = new RetryPolicy();
        HttpPipelinePolicy custom = mock(HttpPipelinePolicy.class);
        HttpPipeline pipeline = new HttpPipelineBuilder().httpClient(httpClient).tracer(tracer)
                .policies(custom, userAgent, retry).build();

        HttpPipeline tagged = CLIENTS.tag(pipeline);
        assertEquals(4, tagged.getPolicyCount());
        assertSame(custom, tagged.getPolicy(0));
        assertSame(userAgent, tagged.getPolicy(1));
        assertTrue(tagged.getPolicy(2) instanceof PartnerAttributionPolicy, tagged.getPolicy(2).toString());
        assertSame(retry, tagged.getPolicy(3));
        assertSame(httpClient, tagged.getHttpClient());
        assertSame(tracer, tagged.getTracer());
        assertSame(tagged, CLIENTS.tag(tagged), "tagging twice changes nothing");
        assertEquals(3, pipeline.getPolicyCount(), "the original is left as it was");
    }

    @Test
    void aPipelineWithoutUserAgentPolicyGetsThePolicyLast() {
        HttpPipelinePolicy retry = new RetryPolicy();
        HttpPipeline tagged = CLIENTS.tag(new HttpPipelineBuilder().httpClient(mock(HttpClient.class)).policies(retry).build());
        assertSame(retry, tagged.getPolicy(0));
        assertTrue(tagged.getPolicy(1) instanceof PartnerAttributionPolicy);
    }
}
