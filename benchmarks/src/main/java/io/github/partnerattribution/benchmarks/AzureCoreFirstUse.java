package io.github.partnerattribution.benchmarks;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.util.logging.ClientLogger;
import io.github.partnerattribution.operations.AttributionDoctor;

/**
 * The first use of what {@code doctor} takes from azure-core, step by step, timed inside this JVM: SLF4J's start (its
 * binding looked for on the class path), azure-core's first ClientLogger, HttpHeaderName's constants (each made
 * through ExpandableStringEnum's method handles), then the rest of the doctor; prints the four figures in
 * milliseconds. Run by {@link StartupBenchmark} in a JVM started as the launcher starts the tool.
 */
final class AzureCoreFirstUse {
    private AzureCoreFirstUse() {
    }

    public static void main(String[] args) {
        long t0 = System.nanoTime();
        org.slf4j.LoggerFactory.getLogger("doctor");
        long t1 = System.nanoTime();
        new ClientLogger("doctor");
        long t2 = System.nanoTime();
        HttpHeaderName.USER_AGENT.getCaseInsensitiveName();
        long t3 = System.nanoTime();
        AttributionDoctor.examine().text();
        long t4 = System.nanoTime();
        System.out.println((t1 - t0) / 1e6 + " " + (t2 - t1) / 1e6 + " " + (t3 - t2) / 1e6 + " " + (t4 - t3) / 1e6);
    }
}
