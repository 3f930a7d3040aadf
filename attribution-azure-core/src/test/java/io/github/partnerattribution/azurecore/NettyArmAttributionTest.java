package io.github.partnerattribution.azurecore;

/** The attribution scenarios over azure-core-http-netty, the SDK's default HTTP client. */
class NettyArmAttributionTest extends AbstractArmAttributionTest {
    @Override
    ArmTestClients client() {
        return ArmTestClients.NETTY;
    }
}
