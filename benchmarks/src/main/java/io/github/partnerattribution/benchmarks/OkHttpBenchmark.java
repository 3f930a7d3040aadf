package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.okhttp.PartnerAttributionInterceptor;
import java.io.IOException;
import java.util.Collections;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One OkHttp call whose final application interceptor answers from memory, with and without attribution. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OkHttpBenchmark {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final Request REQUEST = new Request.Builder()
            .url("https://management.azure.com/subscriptions/s/resourcegroups/rg?api-version=2021-04-01")
            .header("User-Agent", "contoso-provisioner/1.0 okhttp/4.12.0").build();
    static final Interceptor ANSWER = chain -> new Response.Builder().request(chain.request())
            .protocol(Protocol.HTTP_1_1).code(200).message("OK")
            .body(ResponseBody.create(new byte[0], MediaType.get("application/json"))).build();

    private OkHttpClient plain;
    private OkHttpClient attributed;
    private OkHttpClient handWritten;

    @Setup
    public void setUp() {
        plain = new OkHttpClient.Builder().addInterceptor(ANSWER).build();
        attributed = PartnerAttributionInterceptor.create(Attribution.of(ID, Collections.emptyMap(), Collections.emptyMap()))
                .addTo(new OkHttpClient.Builder()).addInterceptor(ANSWER).build();
        String token = ID.token();
        handWritten = new OkHttpClient.Builder().addInterceptor(chain -> {
            Request request = chain.request();
            String ua = request.header("User-Agent");
            return chain.proceed(request.newBuilder().header("User-Agent", ua == null ? token : ua + " " + token).build());
        }).addInterceptor(ANSWER).build();
    }

    /** The floor for any interceptor that changes a header: OkHttp requests are immutable, so it rebuilds one. */
    @Benchmark
    public int c_withHandWrittenInterceptor() throws IOException {
        try (Response response = handWritten.newCall(REQUEST).execute()) {
            return response.code();
        }
    }

    @Benchmark
    public int a_withoutInterceptor() throws IOException {
        try (Response response = plain.newCall(REQUEST).execute()) {
            return response.code();
        }
    }

    @Benchmark
    public int b_withPartnerAttributionInterceptor() throws IOException {
        try (Response response = attributed.newCall(REQUEST).execute()) {
            return response.code();
        }
    }
}
