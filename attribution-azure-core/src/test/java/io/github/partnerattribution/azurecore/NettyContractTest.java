package io.github.partnerattribution.azurecore;

/** The attribution contract through the policy over azure-core-http-netty. */
class NettyContractTest extends AzureCoreContractTest {
    @Override
    ArmTestClients client() {
        return ArmTestClients.NETTY;
    }
}
