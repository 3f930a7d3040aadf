package io.github.partnerattribution.azurecore;

/** The attribution contract through the policy over azure-core-http-okhttp. */
class OkHttpClientContractTest extends AzureCoreContractTest {
    @Override
    ArmTestClients client() {
        return ArmTestClients.OKHTTP;
    }
}
