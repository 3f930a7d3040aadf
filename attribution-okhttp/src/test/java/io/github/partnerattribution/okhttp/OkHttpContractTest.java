package io.github.partnerattribution.okhttp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.AttributionContract;
import java.io.IOException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The attribution contract through {@link PartnerAttributionInterceptor}, as application and network interceptor. */
abstract class OkHttpContractTest extends AttributionContract {
    /** Retries a 503 answer, up to 3 attempts in all, the way an application's retry interceptor would. */
    static final okhttp3.Interceptor RETRY_503 = chain -> {
        Response response = chain.proceed(chain.request());
        for (int attempt = 2; attempt <= 3 && response.code() == 503; attempt++) {
            response.close();
            response = chain.proceed(chain.request());
        }
        return response;
    };

    abstract OkHttpClient.Builder attach(OkHttpClient.Builder builder, PartnerAttributionInterceptor interceptor);

    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .sslSocketFactory(arm.sslContext().getSocketFactory(), arm.trustManager());
        OkHttpClient client = attach(builder, PartnerAttributionInterceptor.create(attribution)).build();
        return (path, userAgent) -> {
            Request.Builder request = new Request.Builder().url(arm.endpoint() + path.substring(1));
            if (userAgent != null) {
                request.header("User-Agent", userAgent);
            }
            try (Response response = client.newCall(request.build()).execute()) {
                return response.code();
            }
        };
    }

    /** The OkHttp version this surefire run means to test: the floor in one run, the newest 5.x in the other. */
    static final String OKHTTP_VERSION = System.getProperty("expected.okhttp.version");

    /** This run's OkHttp is the one the build meant, judged by the jar OkHttpClient was loaded from. */
    @Test
    void runsOnTheIntendedOkHttpVersion() {
        String jar = OkHttpClient.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        String name = jar.substring(jar.lastIndexOf('/') + 1);
        assertEquals(true, name.matches("okhttp(-jvm)?-" + java.util.regex.Pattern.quote(OKHTTP_VERSION) + "\\.jar"),
                "OkHttp loaded from " + jar + ", expected version " + OKHTTP_VERSION);
    }
}
