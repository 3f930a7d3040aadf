package com.contoso.services;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.UserAgentPolicy;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A service on azure-core alone, of whatever version its class path holds: one builder built twice, each pipeline
 * sending one request. Its HTTP client is the JDK's, so any azure-core runs it. Argument: the ARM endpoint.
 */
public final class PipelineService {
    private PipelineService() {
    }

    public static void main(String[] args) throws Exception {
        HttpPipelineBuilder builder = new HttpPipelineBuilder().httpClient(new JdkClient())
                .policies(new UserAgentPolicy("contoso-service"));
        for (int i = 0; i < 2; i++) {
            HttpPipeline pipeline = builder.build();
            HttpResponse response = pipeline.send(new HttpRequest(HttpMethod.GET,
                    new URL(args[0] + "/subscriptions?api-version=2022-12-01"))).block();
            System.out.println("pipeline " + i + ": " + pipeline.getPolicyCount() + " policies, status "
                    + response.getStatusCode());
        }
    }

    /** The JDK's HttpURLConnection behind azure-core's HttpClient interface, as old as azure-core 1.0. */
    static final class JdkClient implements HttpClient {
        @Override
        public Mono<HttpResponse> send(HttpRequest request) {
            return Mono.fromCallable(() -> {
                HttpURLConnection connection = (HttpURLConnection) request.getUrl().openConnection();
                connection.setRequestMethod(request.getHttpMethod().toString());
                request.getHeaders().forEach(h -> connection.setRequestProperty(h.getName(), h.getValue()));
                connection.setRequestProperty("Authorization", "Bearer token");
                int status = connection.getResponseCode();
                byte[] body;
                try (InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    byte[] buffer = new byte[8192];
                    for (int n; in != null && (n = in.read(buffer)) > 0; ) {
                        out.write(buffer, 0, n);
                    }
                    body = out.toByteArray();
                }
                return new Response(request, status, body);
            });
        }
    }

    static final class Response extends HttpResponse {
        private final int status;
        private final byte[] body;

        Response(HttpRequest request, int status, byte[] body) {
            super(request);
            this.status = status;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        public String getHeaderValue(String name) {
            return null;
        }

        @Override
        public HttpHeaders getHeaders() {
            return new HttpHeaders();
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return Mono.just(new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }
    }

}
