package io.github.partnerattribution.operations.support;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.http.policy.RetryPolicy;
import com.azure.core.http.policy.RetryStrategy;
import com.azure.core.util.BinaryData;
import com.azure.core.util.CoreUtils;
import com.azure.core.util.FluxUtil;
import io.github.partnerattribution.core.support.Text;
import java.net.URI;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps a client that reads from a server it does not trust (the tools' {@code verify}) on the endpoint and bounded.
 * Two policies: {@link #perCall()} runs before authentication, so a request it refuses never carries a credential;
 * {@link #perRetry()} looks at each answer before the SDK's retry policy would act on it. Not API.
 *
 * <ul>
 *   <li>every request goes to the endpoint's scheme, host and port: a link elsewhere is refused;</li>
 *   <li>the same GET is never sent twice (a {@code nextLink} that points back is a loop);</li>
 *   <li>at most {@code maxRequests} calls in all;</li>
 *   <li>a {@code Retry-After} longer than {@code maxWait} is reported instead of slept;</li>
 *   <li>a body larger than {@code maxBodyBytes} is refused: at once when its length is declared, else when the
 *       bytes read pass the limit;</li>
 *   <li>all answers of a run together hold at most {@code maxRunBytes}: distinct pages that are each under the
 *       limit do not add up without end;</li>
 *   <li>a refusal is final: {@link #retryPolicy} never tries a refused request again (the SDK's own retry policy
 *       would retry any exception), so a body refused for its size is not asked for three more times.</li>
 * </ul>
 */
public final class ServerGuard {
    /** What a refusal throws: the server misbehaved, so the run ends with an error that says how. */
    public static final class RefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public RefusedException(String message) {
            super(message);
        }
    }

    /** The context key with which azure-core's REST proxy asks the transport to read an answer whole first. */
    static final String EAGERLY_READ_RESPONSE = "azure-eagerly-read-response";

    private final String scheme;
    private final String host;
    private final int port;
    private final int maxRequests;
    private final Duration maxWait;
    private final long maxBodyBytes;
    private final long maxRunBytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong runBytes = new AtomicLong();
    private final Set<String> seen = Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

    public ServerGuard(URI endpoint, int maxRequests, Duration maxWait, long maxBodyBytes) {
        this(endpoint, maxRequests, maxWait, maxBodyBytes, Long.MAX_VALUE);
    }

    public ServerGuard(URI endpoint, int maxRequests, Duration maxWait, long maxBodyBytes, long maxRunBytes) {
        this.maxRunBytes = maxRunBytes;
        this.scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        this.host = endpoint.getHost().toLowerCase(Locale.ROOT);
        this.port = port(scheme, endpoint.getPort());
        this.maxRequests = maxRequests;
        this.maxWait = maxWait;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** How many calls went out so far. */
    public int requests() {
        return requests.get();
    }

    /**
     * The SDK's retry policy (exponential back-off, its usual count) except that a refusal of this guard is never
     * retried: it goes between {@link #perCall()} and {@link #perRetry()}.
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy(new ExponentialBackoff());
    }

    /** {@link #retryPolicy()} with the given back-off (tests use short waits). */
    public static RetryPolicy retryPolicy(ExponentialBackoff backoff) {
        return new RetryPolicy(new RetryStrategy() {
            @Override
            public int getMaxRetries() {
                return backoff.getMaxRetries();
            }

            @Override
            public Duration calculateRetryDelay(int retryAttempts) {
                return backoff.calculateRetryDelay(retryAttempts);
            }

            @Override
            public boolean shouldRetry(HttpResponse response) {
                return backoff.shouldRetry(response);
            }

            @Override
            public boolean shouldRetryException(Throwable throwable) {
                return !refused(throwable) && !untrustedCertificate(throwable) && backoff.shouldRetryException(throwable);
            }
        });
    }

    /**
     * Whether the chain of causes holds a certificate the JVM does not trust (or cannot validate): trying again
     * cannot help, and the user should hear about it at once.
     */
    public static boolean untrustedCertificate(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.security.cert.CertificateException
                    || t instanceof java.security.cert.CertPathBuilderException
                    || t instanceof java.security.cert.CertPathValidatorException) {
                return true;
            }
        }
        return false;
    }

    /** Whether a refusal of a guard is in the chain of causes. */
    private static boolean refused(Throwable throwable) {
        for (Throwable t = throwable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RefusedException) {
                return true;
            }
        }
        return false;
    }

    public HttpPipelinePolicy perCall() {
        return new Policy(HttpPipelinePosition.PER_CALL) {
            @Override
            void before(HttpPipelineCallContext context) {
                check(context.getHttpRequest());
                // The SDK asks the transport to read a whole answer before any policy sees it; then a declared
                // length could only be judged after the body it declares had been read (or waited for without
                // end). Streamed instead, every answer passes perRetry's checks with its headers alone and its
                // body through the bounded reader.
                context.setData(EAGERLY_READ_RESPONSE, false);
            }
        };
    }

    public HttpPipelinePolicy perRetry() {
        return new Policy(HttpPipelinePosition.PER_RETRY) {
            @Override
            HttpResponse after(HttpResponse response) {
                return checked(response);
            }
        };
    }

    void check(HttpRequest request) {
        URL url = request.getUrl();
        String target = url.getProtocol().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + port(url.getProtocol().toLowerCase(Locale.ROOT), url.getPort());
        if (!target.equals(scheme + "://" + host + ":" + port)) {
            throw new RefusedException("refused to follow a link to " + Text.quote(url.toString()) + ": it is not on the"
                    + " endpoint " + scheme + "://" + host + ":" + port + ", so the server's answer cannot be trusted;"
                    + " nothing was sent there");
        }
        int n = requests.incrementAndGet();
        if (n > maxRequests) {
            throw new RefusedException("stopped after " + maxRequests + " requests to the endpoint (the limit):"
                    + " the server keeps sending more pages or deployments than a verification reads");
        }
        if ("GET".equals(request.getHttpMethod().name()) && !seen.add(url.toString())) {
            throw new RefusedException("the server sent the same link twice (" + Text.quote(url.toString())
                    + "): its pages loop, so the listing cannot end");
        }
    }

    HttpResponse checked(HttpResponse response) {
        Duration wait = retryAfter(response);
        if (wait != null && wait.compareTo(maxWait) > 0) {
            response.close();
            throw new RefusedException("the endpoint answered " + response.getStatusCode() + " and asked to wait "
                    + wait.getSeconds() + " s before trying again, longer than the " + maxWait.getSeconds()
                    + " s this tool waits; try again later");
        }
        String length = response.getHeaders().getValue(HttpHeaderName.CONTENT_LENGTH);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            // An answer refused for its size is not closed: closing asks the transport to read the rest of the
            // body so that the connection can serve another request, which a hostile server makes endless. Left
            // open, the connection is never reused and goes away with the run.
            if (bytes > maxBodyBytes) {
                throw new RefusedException("the endpoint's answer is " + bytes + " bytes long, over the limit of "
                        + maxBodyBytes + " bytes for one response");
            }
            if (bytes > 0 && runBytes.get() + bytes > maxRunBytes) {
                throw runBound();
            }
        }
        return new BoundedResponse(response, maxBodyBytes, this);
    }

    /**
     * A response whose body, however it is sent (chunked too), ends in an error past the byte limit. Read whole once
     * (as bytes, a string or BinaryData), the body is kept, so reading it again gives it again, as azure-core's own
     * responses do.
     */
    private static final class BoundedResponse extends HttpResponse {
        private final HttpResponse inner;
        private final long limit;
        private final ServerGuard guard;
        private volatile byte[] whole;

        BoundedResponse(HttpResponse inner, long limit, ServerGuard guard) {
            super(inner.getRequest());
            this.inner = inner;
            this.limit = limit;
            this.guard = guard;
        }

        @Override
        public int getStatusCode() {
            return inner.getStatusCode();
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return inner.getHeaders().getValue(HttpHeaderName.fromString(name));
        }

        @Override
        public HttpHeaders getHeaders() {
            return inner.getHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            byte[] kept = whole;
            if (kept != null) {
                return Flux.defer(() -> Flux.just(ByteBuffer.wrap(kept)));
            }
            AtomicLong read = new AtomicLong();
            return inner.getBody().map(buffer -> {
                if (read.addAndGet(buffer.remaining()) > limit) {
                    throw new RefusedException("the endpoint's answer is longer than the limit of " + limit
                            + " bytes for one response");
                }
                if (guard.runBytes.addAndGet(buffer.remaining()) > guard.maxRunBytes) {
                    throw guard.runBound();
                }
                return buffer;
            });
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            byte[] kept = whole;
            if (kept != null) {
                return Mono.just(kept);
            }
            return FluxUtil.collectBytesInByteBufferStream(getBody()).doOnNext(bytes -> whole = bytes);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsByteArray().map(bytes -> CoreUtils.bomAwareToString(bytes,
                    inner.getHeaders().getValue(HttpHeaderName.CONTENT_TYPE)));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return getBodyAsByteArray().map(bytes -> new String(bytes, charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            byte[] bytes = getBodyAsByteArray().block();
            return BinaryData.fromBytes(bytes == null ? new byte[0] : bytes);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    private RefusedException runBound() {
        return new RefusedException("stopped after the endpoint's answers reached " + maxRunBytes + " bytes in all (the"
                + " limit for one run): it keeps sending more than a verification reads");
    }

    /** The wait a response asks for, from {@code retry-after-ms}, {@code x-ms-retry-after-ms} or {@code Retry-After}. */
    static Duration retryAfter(HttpResponse response) {
        for (String name : new String[] {"retry-after-ms", "x-ms-retry-after-ms"}) {
            String ms = response.getHeaders().getValue(HttpHeaderName.fromString(name));
            if (ms != null) {
                try {
                    return Duration.ofMillis(Long.parseLong(ms.trim()));
                } catch (NumberFormatException ignored) {
                    // not a number: the SDK ignores it as well
                }
            }
        }
        String value = response.getHeaders().getValue(HttpHeaderName.RETRY_AFTER);
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                java.time.OffsetDateTime at = java.time.OffsetDateTime.parse(value.trim(),
                        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                return Duration.between(java.time.OffsetDateTime.now(), at);
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    private static int port(String scheme, int port) {
        return port >= 0 ? port : "https".equals(scheme) ? 443 : 80;
    }

    private abstract static class Policy implements HttpPipelinePolicy {
        private final HttpPipelinePosition position;

        Policy(HttpPipelinePosition position) {
            this.position = position;
        }

        void before(HttpPipelineCallContext context) {
        }

        HttpResponse after(HttpResponse response) {
            return response;
        }

        @Override
        public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
            try {
                before(context);
            } catch (RefusedException e) {
                return Mono.error(e);
            }
            return next.process().map(this::after);
        }

        @Override
        public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
            before(context);
            return after(next.processSync());
        }

        @Override
        public HttpPipelinePosition getPipelinePosition() {
            return position;
        }
    }
}
