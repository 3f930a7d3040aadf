package io.github.partnerattribution.azurecore.internal;

import com.azure.core.credential.TokenCredential;
import com.azure.core.management.profile.AzureProfile;
import com.azure.resourcemanager.AzureResourceManager;
import io.github.partnerattribution.azurecore.AttributedClientFactory;

/**
 * The factory's code that names azure-resourcemanager types, kept apart so that the factory class itself loads
 * and verifies without azure-resourcemanager on the class path. Not API.
 */
public final class ArmClients {
    private ArmClients() {
    }

    public static AzureResourceManager.Authenticated authenticate(AttributedClientFactory factory,
            TokenCredential credential, AzureProfile profile) {
        return factory.configure(AzureResourceManager.configure()).authenticate(credential, profile);
    }
}
