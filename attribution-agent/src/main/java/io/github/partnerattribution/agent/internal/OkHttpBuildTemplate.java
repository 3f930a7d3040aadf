package io.github.partnerattribution.agent.internal;

import java.util.List;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * The source of the {@code build()} the agent gives OkHttp's {@code OkHttpClient.Builder} ({@link Rewriter}): while
 * the original runs, the builder's interceptors end with the agent's, which attributes requests to Azure Resource
 * Manager's hosts only; then the builder's list is as it was. Not API; never loaded.
 */
abstract class OkHttpBuildTemplate {
    /** Stands for the builder's {@code interceptors()}. */
    abstract List<Interceptor> interceptors();

    /** Stands for the builder's own {@code build()}, renamed. */
    private OkHttpClient partnerAttribution$build() {
        return null;
    }

    public OkHttpClient build() {
        List<Interceptor> own = interceptors();
        Object ours;
        try {
            ours = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                    ClassLoader.getSystemClassLoader()).getMethod("okHttpInterceptorFor", Class.class, List.class)
                    .invoke(null, OkHttpClient.class, own);
        } catch (Throwable agentUnreachable) {
            ours = null;
        }
        if (!(ours instanceof Interceptor)) {
            return partnerAttribution$build();
        }
        own.add((Interceptor) ours);
        try {
            return partnerAttribution$build();
        } finally {
            for (int i = own.size() - 1; i >= 0; i--) {
                if (own.get(i) == ours) {
                    own.remove(i);
                    break;
                }
            }
        }
    }
}
