package io.github.partnerattribution.examples;

// README: raw-http-imports
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.net.URI;
import java.net.http.HttpRequest;
// README: end

/** README sample: tagging a raw {@code java.net.http} request to Azure Resource Manager. */
final class RawHttpSample {
    private RawHttpSample() {
    }

    static HttpRequest listResourceGroups(String subscriptionId, String accessToken) {
        // README: raw-http
        Attribution attribution = Attribution.of(PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
        HttpRequest request = HttpRequest.newBuilder()
                .uri(URI.create("https://management.azure.com/subscriptions/" + subscriptionId
                        + "/resourcegroups?api-version=2021-04-01"))
                .header("Authorization", "Bearer " + accessToken)
                .header("User-Agent", attribution.apply("contoso-provisioner/1.0"))
                .build();
        // README: end
        return request;
    }
}
