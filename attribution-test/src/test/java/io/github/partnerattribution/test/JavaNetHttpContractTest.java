package io.github.partnerattribution.test;

import io.github.partnerattribution.core.Attribution;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The contract over plain {@code java.net.http}, the header built with {@link Attribution#apply(String)}. */
class JavaNetHttpContractTest extends AttributionContract {
    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        HttpClient client = HttpClient.newBuilder().sslContext(arm.sslContext())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return (path, userAgent) -> {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(arm.endpoint() + path.substring(1)));
            String attributed = attribution.apply(userAgent);
            if (attributed != null) {
                builder.header("User-Agent", attributed);
            }
            HttpRequest request = builder.build();
            int status = 0;
            for (int attempt = 1; attempt <= 3; attempt++) {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status != 503) {
                    break;
                }
            }
            return status;
        };
    }
}
