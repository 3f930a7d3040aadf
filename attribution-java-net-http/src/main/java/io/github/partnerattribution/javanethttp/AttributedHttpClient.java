package io.github.partnerattribution.javanethttp;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.UserAgents;
import io.github.partnerattribution.core.support.Reflect;
import io.github.partnerattribution.core.support.SettingsReport;
import io.github.partnerattribution.core.support.UserAgentMemo;
import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A {@code java.net.http.HttpClient} that attributes every request it sends: the partner's {@code pid-<guid>} token
 * at the end of the User-Agent, by {@link UserAgents}' rules (once, the rest of the value kept; alone when the
 * request has none). Everything else is the wrapped client's: its connection pool, redirects, authenticator,
 * executor and version. A request is never copied: it is sent as a view of the original whose User-Agent is the
 * attributed one. So a request cannot go out unattributed by forgetting a header.
 *
 * <p>The value written is always a valid header value (visible ASCII, space, tab), whatever
 * {@code AZURE_HTTP_USER_AGENT} holds. Doubtful settings and an opt-out in force are logged once per JVM through
 * {@code java.util.logging}. On Java 21 and later, {@code close()}, {@code shutdown()} and the other lifecycle
 * methods reach the wrapped client.
 *
 * <pre>{@code
 * HttpClient http = AttributedHttpClient.wrap(HttpClient.newHttpClient(),
 *         Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));
 * HttpResponse<String> groups = http.send(HttpRequest.newBuilder(uri).header("Authorization", bearer).build(),
 *         HttpResponse.BodyHandlers.ofString());
 * }</pre>
 */
public final class AttributedHttpClient extends HttpClient {
    private static final String USER_AGENT = "User-Agent";
    private static final SettingsReport.Lines LOG_LINES =
            SettingsReport.javaUtilLogging(Logger.getLogger(AttributedHttpClient.class.getName()));

    private final HttpClient delegate;
    private final Attribution attribution;
    private final UserAgentMemo userAgents;
    private final Predicate<URI> requests;

    /** Every request. */
    private static final Predicate<URI> ALL = uri -> true;

    private AttributedHttpClient(HttpClient delegate, Attribution attribution, Predicate<URI> requests) {
        this.delegate = delegate;
        this.requests = requests;
        this.attribution = attribution;
        this.userAgents = new UserAgentMemo(attribution, "AttributedHttpClient (java.net.http)");
        SettingsReport.report(attribution, LOG_LINES);
    }

    /**
     * A client that sends every request through {@code client}, attributed. Wrapping a client this method returned
     * again, with the same configuration, gives it back; an inactive configuration (no id, or the customer opted
     * out) leaves every request as it is.
     *
     * @param client the client to send with
     * @param attribution what to attribute
     * @return the attributing client
     */
    public static HttpClient wrap(HttpClient client, Attribution attribution) {
        return wrap(client, attribution, ALL);
    }

    /**
     * A client that attributes only the requests whose URI {@code requests} accepts, such as those to Azure Resource
     * Manager's hosts, and sends the others as they are: what the Java agent gives every {@code java.net.http}
     * client of a service.
     *
     * <pre>{@code
     * HttpClient http = AttributedHttpClient.wrap(HttpClient.newHttpClient(), attribution,
     *         uri -> "management.azure.com".equalsIgnoreCase(uri.getHost()));
     * }</pre>
     *
     * @param client the client to send with
     * @param attribution what to attribute
     * @param requests which requests to attribute, by URI
     * @return the attributing client
     */
    public static HttpClient wrap(HttpClient client, Attribution attribution, Predicate<URI> requests) {
        if (requests == null) {
            throw new NullPointerException("requests must not be null");
        }
        if (client == null) {
            throw new NullPointerException("client must not be null");
        }
        if (attribution == null) {
            throw new NullPointerException("attribution must not be null");
        }
        if (client instanceof AttributedHttpClient && ((AttributedHttpClient) client).attribution == attribution
                && ((AttributedHttpClient) client).requests == requests) {
            return client;
        }
        return new AttributedHttpClient(client, attribution, requests);
    }

    /** {@return the configuration this client applies} */
    public Attribution attribution() {
        return attribution;
    }

    /** The request as it is sent: the same request when nothing changes, else a view with the attributed value. */
    HttpRequest attributed(HttpRequest request) {
        if (request == null) {
            throw new NullPointerException("request must not be null");
        }
        if (requests != ALL && !requests.test(request.uri())) {
            return request;
        }
        Optional<String> current = request.headers().firstValue(USER_AGENT);
        String before = current.orElse(null);
        String after = userAgents.apply(before);
        return after == null || after.equals(before) ? request : new Attributed(request, after);
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        return delegate.send(attributed(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return delegate.sendAsync(attributed(request), handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return delegate.sendAsync(attributed(request), handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }

    /** WebSocket handshakes are not ARM requests: the wrapped client's builder, unattributed. */
    @Override
    public WebSocket.Builder newWebSocketBuilder() {
        return delegate.newWebSocketBuilder();
    }

    // Java 21's lifecycle methods: not in the Java 11 API this is compiled against, so declared here by name; on
    // Java 21 and later they override HttpClient's and reach the wrapped client.

    /** Closes the wrapped client (Java 21 and later; before that, a client has nothing to close). */
    public void close() {
        lifecycle("close");
    }

    /** Shuts the wrapped client down (Java 21 and later). */
    public void shutdown() {
        lifecycle("shutdown");
    }

    /** Shuts the wrapped client down now (Java 21 and later). */
    public void shutdownNow() {
        lifecycle("shutdownNow");
    }

    /**
     * Waits for the wrapped client to terminate (Java 21 and later).
     *
     * @param duration how long to wait at most
     * @return whether it terminated
     * @throws InterruptedException when interrupted while waiting
     */
    public boolean awaitTermination(Duration duration) throws InterruptedException {
        java.lang.reflect.Method method = lifecycleMethod("awaitTermination", Duration.class);
        if (method == null) {
            return true;
        }
        try {
            return (Boolean) Reflect.invoke(method, delegate, duration);
        } catch (RuntimeException | InterruptedException e) {
            throw e;
        } catch (Exception impossible) { // it declares no other
            throw new IllegalStateException(impossible);
        }
    }

    /** {@return whether the wrapped client has terminated (Java 21 and later; false before)} */
    public boolean isTerminated() {
        Object terminated = lifecycle("isTerminated");
        return terminated != null && (Boolean) terminated;
    }

    /** Calls a lifecycle method without parameters, which declare no checked exception; null before Java 21. */
    private Object lifecycle(String name) {
        java.lang.reflect.Method method = lifecycleMethod(name);
        if (method == null) {
            return null;
        }
        try {
            return Reflect.invoke(method, delegate);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** {@code HttpClient}'s method of that name, or null on a Java that has none (before 21). */
    private static java.lang.reflect.Method lifecycleMethod(String name, Class<?>... types) {
        try {
            return HttpClient.class.getMethod(name, types);
        } catch (NoSuchMethodException beforeJava21) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "AttributedHttpClient[" + attribution + ", " + delegate + "]";
    }

    /** The request as sent: the original's every part, but one User-Agent, the attributed value. */
    private static final class Attributed extends HttpRequest {
        private final HttpRequest original;
        private final HttpHeaders headers;

        Attributed(HttpRequest original, String userAgent) {
            this.original = original;
            java.util.Map<String, java.util.List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            map.putAll(original.headers().map());
            map.put(USER_AGENT, java.util.Collections.singletonList(userAgent));
            this.headers = HttpHeaders.of(map, (name, value) -> true);
        }

        @Override
        public Optional<BodyPublisher> bodyPublisher() {
            return original.bodyPublisher();
        }

        @Override
        public String method() {
            return original.method();
        }

        @Override
        public Optional<Duration> timeout() {
            return original.timeout();
        }

        @Override
        public boolean expectContinue() {
            return original.expectContinue();
        }

        @Override
        public URI uri() {
            return original.uri();
        }

        @Override
        public Optional<HttpClient.Version> version() {
            return original.version();
        }

        @Override
        public HttpHeaders headers() {
            return headers;
        }
    }
}
