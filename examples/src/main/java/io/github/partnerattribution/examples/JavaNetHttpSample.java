package io.github.partnerattribution.examples;

// README: java-net-http-imports
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.javanethttp.AttributedHttpClient;
import java.net.http.HttpClient;
// README: end

/** README sample: a java.net.http client that attributes every request it sends. */
final class JavaNetHttpSample {
    private JavaNetHttpSample() {
    }

    static HttpClient client() {
        // README: java-net-http
        HttpClient http = AttributedHttpClient.wrap(HttpClient.newHttpClient(),
                Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d")));
        // every http.send(...) and http.sendAsync(...) now carries the token, once, at the end of the User-Agent
        // README: end
        return http;
    }
}
