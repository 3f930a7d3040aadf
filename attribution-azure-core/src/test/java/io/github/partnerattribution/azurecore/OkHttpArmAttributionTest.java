package io.github.partnerattribution.azurecore;

/** The attribution scenarios over azure-core-http-okhttp. */
class OkHttpArmAttributionTest extends AbstractArmAttributionTest {
    @Override
    ArmTestClients client() {
        return ArmTestClients.OKHTTP;
    }
}
