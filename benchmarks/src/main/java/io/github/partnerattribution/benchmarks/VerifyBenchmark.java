package io.github.partnerattribution.benchmarks;

import com.azure.core.management.Region;
import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.resources.models.DeploymentMode;
import io.github.partnerattribution.azurecore.AttributedClientFactory;
import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.operations.DeploymentVerifier;
import io.github.partnerattribution.operations.VerificationResult;
import io.github.partnerattribution.test.ArmEmulator;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code DeploymentVerifier} on a solution that nests 500 deployments, against the ArmEmulator answering every
 * request 20 ms late: reading the deployments' operations one after the other, and a handful at a time (the
 * default). One operation is a whole verification.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VerifyBenchmark {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final int NESTED = 500;

    /** How many deployments' operations are read at once: DeploymentVerifier's default. */
    private final int reads = DeploymentVerifier.DEFAULT_PARALLEL_READS;

    private ArmEmulator arm;
    private DeploymentVerifier verifier;

    @Setup
    public void deploy() throws Exception {
        arm = ArmEmulator.start();
        AzureResourceManager azure = AttributedClientFactory.create(Attribution.of(ID, Map.of(), Map.of()))
                .configure(AzureResourceManager.configure().withHttpClient(arm.nettyHttpClient()))
                .authenticate(arm.credential(), arm.azureProfile()).withDefaultSubscription();
        azure.resourceGroups().define("contoso-rg").withRegion(Region.EUROPE_WEST).create();
        StringBuilder resources = new StringBuilder();
        for (int i = 0; i < NESTED; i++) {
            resources.append("{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2025-04-01\",\"name\":\"part")
                    .append(i).append("\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[")
                    .append("{\"type\":\"Microsoft.Storage/storageAccounts\",\"apiVersion\":\"2023-01-01\",\"name\":")
                    .append("\"store").append(i).append("\",\"location\":\"westeurope\"}]}}},");
        }
        resources.append("{\"type\":\"Microsoft.Resources/deployments\",\"apiVersion\":\"2025-04-01\",\"name\":\"")
                .append(ID.token()).append("\",\"properties\":{\"mode\":\"Incremental\",\"template\":{\"resources\":[]}}}");
        azure.deployments().define("large-solution").withExistingResourceGroup("contoso-rg")
                .withTemplate("{\"$schema\":\"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\","
                        + "\"contentVersion\":\"1.0.0.0\",\"resources\":[" + resources + "]}")
                .withParameters("{}").withMode(DeploymentMode.INCREMENTAL).create();
        verifier = DeploymentVerifier.create(azure);
        VerificationResult check = verifier.verifyResourceGroup("contoso-rg", ID);
        if (check.resourceIds().size() != NESTED) {
            throw new IllegalStateException("expected " + NESTED + " resources: " + check.message());
        }
        arm.latency(Duration.ofMillis(20));
    }

    @TearDown
    public void stop() {
        arm.close();
    }

    @Benchmark
    public VerificationResult sequential() {
        return verifier.withParallelReads(1).verifyResourceGroup("contoso-rg", ID);
    }

    @Benchmark
    public VerificationResult parallel() {
        return verifier.withParallelReads(reads).verifyResourceGroup("contoso-rg", ID);
    }
}
