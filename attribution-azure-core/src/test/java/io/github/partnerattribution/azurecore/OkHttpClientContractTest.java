package io.github.partnerattribution.azurecore;

/** The attribution contract through the policy over azure-core-http-okhttp. */
@org.junit.jupiter.api.Tag("azure-core-only")
class OkHttpClientContractTest extends AzureCoreContractTest {
    @Override
    ArmTestClients client() {
        return ArmTestClients.OKHTTP;
    }
}
