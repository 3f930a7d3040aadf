package io.github.partnerattribution.agent.internal;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.HttpRequestInterceptor;

/**
 * {@link HttpClient5BuildTemplate} for Apache HttpClient 5's {@code HttpAsyncClientBuilder}. Not API; never loaded.
 */
abstract class HttpAsyncClient5BuildTemplate {
    /** Stands for the builder's method of the same name. */
    abstract HttpAsyncClientBuilder addRequestInterceptorLast(HttpRequestInterceptor interceptor);

    /** Stands for the builder's own {@code build()}, renamed. */
    private CloseableHttpAsyncClient partnerAttribution$build() {
        return null;
    }

    public CloseableHttpAsyncClient build() {
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
