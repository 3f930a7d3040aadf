package io.github.partnerattribution.agent.internal;

import java.net.http.HttpClient;

/**
 * The source of the {@code build()} the agent gives the JDK's {@code HttpClient.Builder} implementation
 * ({@link Rewriter}): the client built is handed back wrapped, so that requests to Azure Resource Manager's hosts
 * are attributed and the others sent as they are. Compiled for Java 11 on its own (the rest of the agent is Java 8).
 * Not API; never loaded.
 */
abstract class JavaNetHttpBuildTemplate {
    /** Stands for the builder's own {@code build()}, renamed. */
    private HttpClient partnerAttribution$build() {
        return null;
    }

    public HttpClient build() {
        HttpClient built = partnerAttribution$build();
        Object wrapped;
        try {
            wrapped = Class.forName("io.github.partnerattribution.agent.AttributionAgent", false,
                    ClassLoader.getSystemClassLoader()).getMethod("wrapJavaNetHttp", Object.class)
                    .invoke(null, built);
        } catch (Throwable agentUnreachable) {
            wrapped = null;
        }
        return wrapped instanceof HttpClient ? (HttpClient) wrapped : built;
    }
}
