package com.contoso.app;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import reactor.core.publisher.Mono;

/** A partner's provisioning back end: Spring Cloud Azure's blob client, and an AzureResourceManager bean of its own. */
@SpringBootApplication
public class ContosoApplication {
    public static void main(String[] args) {
        SpringApplication.run(ContosoApplication.class, args);
    }

    /** The ARM endpoint, tenant and subscription come from the application's own settings. */
    @Bean
    AzureResourceManager azureResourceManager(@Value("${contoso.arm.endpoint}") String endpoint,
            @Value("${contoso.arm.tenant}") String tenant, @Value("${contoso.arm.subscription}") String subscription,
            @Value("${contoso.arm.token}") String token) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        endpoints.put("resourceManagerEndpointUrl", endpoint);
        endpoints.put("activeDirectoryEndpointUrl", endpoint);
        TokenCredential credential = request -> Mono.just(new AccessToken(token, OffsetDateTime.now().plusHours(1)));
        return AzureResourceManager.authenticate(credential, new AzureProfile(tenant, subscription,
                new AzureEnvironment(endpoints))).withSubscription(subscription);
    }
}
