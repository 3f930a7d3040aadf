package io.github.partnerattribution.examples;

// README: guide-contract
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.test.ArmEmulator;
import io.github.partnerattribution.test.AttributionContract;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Every rule of the contract, run against a transport of your own: here plain java.net.http. */
class MyTransportContractTest extends AttributionContract {
    @Override
    protected Transport transport(Attribution attribution, ArmEmulator arm) {
        HttpClient client = HttpClient.newBuilder().sslContext(arm.sslContext())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        return (path, userAgent) -> {                        // one logical call: GET path, retrying 503 up to 3 attempts
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(arm.endpoint() + path.substring(1)));
            String attributed = attribution.apply(userAgent); // null when there is nothing to send
            if (attributed != null) {
                builder.header("User-Agent", attributed);
            }
            int status = 0;
            for (int attempt = 1; attempt <= 3 && (status == 0 || status == 503); attempt++) {
                status = client.send(builder.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            }
            return status;
        };
    }
}
// README: end
