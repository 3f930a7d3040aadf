package com.contoso.services;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/** What every service here shares: Azure pointed at the emulator whose endpoint is the first argument. */
final class Arm {
    static final String TENANT = "00000000-0000-0000-0000-0000000074e7";
    static final String SUBSCRIPTION = "00000000-0000-0000-0000-00000000a11e";

    private Arm() {
    }

    static AzureProfile profile(String endpoint) {
        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        for (String key : new String[] {"resourceManagerEndpointUrl", "managementEndpointUrl",
            "activeDirectoryEndpointUrl", "microsoftGraphResourceId", "activeDirectoryGraphResourceId",
            "activeDirectoryResourceId"}) {
            endpoints.put(key, endpoint);
        }
        return new AzureProfile(TENANT, SUBSCRIPTION, new AzureEnvironment(endpoints));
    }

    static TokenCredential credential() {
        return request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1)));
    }

    /** Prints which of the agent's classes this service's class loader can see by name: none, if nothing leaks. */
    static void printVisibleAgentClasses() {
        StringBuilder visible = new StringBuilder();
        for (String name : new String[] {"io.github.partnerattribution.core.Attribution",
            "io.github.partnerattribution.azurecore.internal.ZeroCodePolicy",
            "io.github.partnerattribution.agent.internal.Installer",
            "io.github.partnerattribution.agent.shaded.asm.ClassReader", "org.objectweb.asm.ClassReader"}) {
            try {
                Class.forName(name, false, Arm.class.getClassLoader());
                visible.append(' ').append(name);
            } catch (ClassNotFoundException absent) {
                // as it should be
            }
        }
        System.out.println("visible agent classes:" + (visible.length() == 0 ? " none" : visible));
    }
}
