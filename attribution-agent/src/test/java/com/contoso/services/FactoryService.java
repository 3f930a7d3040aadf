package com.contoso.services;

import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;

/**
 * A service that already carries the library: its client is attributed in code by the factory. Arguments: the ARM
 * endpoint and the partner id in code.
 */
public final class FactoryService {
    private FactoryService() {
    }

    public static void main(String[] args) {
        AttributedClientFactory factory = AttributedClientFactory.create(Attribution.of(PartnerId.parse(args[1])));
        AzureResourceManager arm = factory.configure(AzureResourceManager.configure())
                .authenticate(Arm.credential(), Arm.profile(args[0])).withDefaultSubscription();
        System.out.println("listed " + arm.resourceGroups().list().stream().count() + " resource groups");
    }
}
