package io.github.partnerattribution.agent.internal;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpRequestInterceptor;

/**
 * The source of the {@code build()} the agent gives Apache HttpClient 5's classic {@code HttpClientBuilder}
 * ({@link Rewriter}): the builder's request interceptors end with the agent's, which attributes requests to Azure
 * Resource Manager's hosts only, once per builder. Not API; never loaded.
 */
abstract class HttpClient5BuildTemplate {
    /** Stands for the builder's method of the same name. */
    abstract HttpClientBuilder addRequestInterceptorLast(HttpRequestInterceptor interceptor);

    /** Stands for the builder's own {@code build()}, renamed. */
    private CloseableHttpClient partnerAttribution$build() {
        return null;
    }

    public CloseableHttpClient build() {
        Object ours;
        try {
            ours = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                    ClassLoader.getSystemClassLoader()).getMethod("httpClient5InterceptorFor", Class.class,
                    Object.class).invoke(null, HttpRequestInterceptor.class, this);
        } catch (Throwable agentUnreachable) {
            ours = null;
        }
        if (ours instanceof HttpRequestInterceptor) {
            addRequestInterceptorLast((HttpRequestInterceptor) ours);
        }
        return partnerAttribution$build();
    }
}
