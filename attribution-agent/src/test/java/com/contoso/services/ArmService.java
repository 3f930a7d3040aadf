package com.contoso.services;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.appcontainers.ContainerAppsApiManager;

/**
 * A partner's service as built, without the library: azure-resourcemanager and a generated manager, each listing
 * once. Argument: the ARM endpoint.
 */
public final class ArmService {
    private ArmService() {
    }

    public static void main(String[] args) {
        Arm.printVisibleAgentClasses();
        AzureResourceManager arm = AzureResourceManager.authenticate(Arm.credential(), Arm.profile(args[0]))
                .withDefaultSubscription();
        long groups = arm.resourceGroups().list().stream().count();
        long apps = ContainerAppsApiManager.authenticate(Arm.credential(), Arm.profile(args[0])).containerApps()
                .list().stream().count();
        System.out.println("listed " + groups + " resource groups and " + apps + " container apps");
    }
}
