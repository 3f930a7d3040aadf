package io.github.partnerattribution.benchmarks;

/**
 * The class initialisation of {@code java.math.BigDecimal} alone, timed inside a fresh JVM: Jackson's parser needs
 * the class (its base class holds BigDecimal bounds), and JDK 25 fills a table of powers of five when it initialises
 * it, which JDK 17 does not. Prints the figure in milliseconds. Run by {@link StartupBenchmark} on each JDK it
 * measures, with the launcher's flags.
 */
final class BigDecimalInit {
    private BigDecimalInit() {
    }

    public static void main(String[] args) {
        long t = System.nanoTime();
        Object one = java.math.BigDecimal.ONE;
        long ms = System.nanoTime() - t;
        System.out.println(one.hashCode() == 0 ? "0" : String.valueOf(ms / 1e6));
    }
}
