package com.contoso.boot;

import com.azure.core.credential.AccessToken;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import reactor.core.publisher.Mono;

/** Lists the resource groups of the ARM endpoint given as its argument, then ends. */
@SpringBootApplication
public class ContosoBootService implements CommandLineRunner {
    public static void main(String[] args) {
        SpringApplication.run(ContosoBootService.class, args);
    }

    @Override
    public void run(String... args) {
        StringBuilder visible = new StringBuilder();
        for (String name : new String[] {"io.github.partnerattribution.core.Attribution",
            "io.github.partnerattribution.agent.internal.Installer",
            "io.github.partnerattribution.agent.shaded.asm.ClassReader", "org.objectweb.asm.ClassReader"}) {
            try {
                Class.forName(name, false, getClass().getClassLoader());
                visible.append(' ').append(name);
            } catch (ClassNotFoundException absent) {
                // as it should be
            }
        }
        System.out.println("loaded by " + getClass().getClassLoader().getClass().getName());
        System.out.println("visible agent classes:" + (visible.length() == 0 ? " none" : visible));

        Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
        for (String key : new String[] {"resourceManagerEndpointUrl", "managementEndpointUrl",
            "activeDirectoryEndpointUrl", "activeDirectoryResourceId"}) {
            endpoints.put(key, args[0]);
        }
        AzureProfile profile = new AzureProfile("00000000-0000-0000-0000-0000000074e7",
                "00000000-0000-0000-0000-00000000a11e", new AzureEnvironment(endpoints));
        AzureResourceManager arm = AzureResourceManager.authenticate(
                request -> Mono.just(new AccessToken("token", OffsetDateTime.now().plusHours(1))), profile)
                .withDefaultSubscription();
        System.out.println("listed " + arm.resourceGroups().list().stream().count() + " resource groups");
    }
}
