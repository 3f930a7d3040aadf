package io.github.partnerattribution.agent.internal;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The source of the method the agent gives OkHttp's {@code OkHttpClient} for its no-argument constructor, which
 * makes a builder of its own instead of calling {@code build()} ({@link Rewriter#rewriteOkHttpClient}): that builder
 * ends with the agent's interceptor. Not API; never loaded.
 */
abstract class OkHttpClientTemplate {
    private static OkHttpClient.Builder partnerAttribution$builder() {
        OkHttpClient.Builder builder = new OkHttpClient.Builder();
        Object ours;
        try {
            ours = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                    ClassLoader.getSystemClassLoader()).getMethod("okHttpInterceptorFor", Class.class, java.util.List.class)
                    .invoke(null, OkHttpClient.class, builder.interceptors());
        } catch (Throwable agentUnreachable) {
            ours = null;
        }
        if (ours instanceof Interceptor) {
            builder.interceptors().add((Interceptor) ours);
        }
        return builder;
    }
}
