package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.templates.ArmTemplates;
import java.io.IOException;
import java.nio.file.Paths;

/**
 * {@code ArmTemplates.scan} of one folder, timed inside this JVM; prints the milliseconds. Run by
 * {@link StartupBenchmark#coldScan} in a JVM started as the launcher starts the tool, with nothing of this module but
 * this class on the class path after the tool's jar.
 */
final class ColdScan {
    private ColdScan() {
    }

    public static void main(String[] args) throws IOException {
        long t = System.nanoTime();
        ArmTemplates.scan(Paths.get(args[0]));
        System.out.println((System.nanoTime() - t) / 1e6);
    }
}
