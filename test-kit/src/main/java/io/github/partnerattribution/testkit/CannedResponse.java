package io.github.partnerattribution.testkit;

import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An empty azure-core response with a status, answered from memory, for a pipeline whose transport is not the point:
 * the tests' and the benchmarks' one. Its headers are one shared empty set, so that a response allocates nothing but
 * itself.
 */
public final class CannedResponse extends HttpResponse {
    private static final HttpHeaders HEADERS = new HttpHeaders();

    private final int status;

    public CannedResponse(HttpRequest request, int status) {
        super(request);
        this.status = status;
    }

    @Override
    public int getStatusCode() {
        return status;
    }

    @Override
    @Deprecated
    public String getHeaderValue(String name) {
        return null;
    }

    @Override
    public HttpHeaders getHeaders() {
        return HEADERS;
    }

    @Override
    public Flux<ByteBuffer> getBody() {
        return Flux.empty();
    }

    @Override
    public Mono<byte[]> getBodyAsByteArray() {
        return Mono.just(new byte[0]);
    }

    @Override
    public Mono<String> getBodyAsString() {
        return Mono.just("");
    }

    @Override
    public Mono<String> getBodyAsString(Charset charset) {
        return Mono.just("");
    }
}
