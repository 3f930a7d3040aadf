package io.github.partnerattribution.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Java agent's start-up cost: {@link SmallService} started {@value #PAIRS} times each way, with and without
 * {@code -javaagent:} (and the id as a system property), alternated, the wall time of each process measured from
 * here. Its ratio is the agent's cost against the service's own start. Each run's output is checked: attributed
 * with the agent, not without.
 */
final class AgentStartup {
    static final int PAIRS = 15;
    static final Path JAR = Paths.get("attribution-agent", "target", "attribution-agent.jar");

    record Result(double without, double with, double q1, double q3) {
    }

    private AgentStartup() {
    }

    /** Prints the row alone: {@code java -cp benchmarks/target/benchmarks.jar ...AgentStartup}, from the project. */
    public static void main(String[] args) throws Exception {
        System.out.print(row(measure()));
    }

    static Result measure() throws Exception {
        if (!Files.isRegularFile(JAR)) {
            return null;
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<String> bare = List.of(java, "-cp", classPath, SmallService.class.getName());
        List<String> attached = List.of(java, "-javaagent:" + JAR, AgentPipelineBenchmark.ID, "-cp", classPath,
                SmallService.class.getName());
        run(bare, false); // warm the file cache, and check each side once
        run(attached, true);
        double[] without = new double[PAIRS];
        double[] with = new double[PAIRS];
        double[] ratios = new double[PAIRS];
        for (int i = 0; i < PAIRS; i++) {
            without[i] = run(bare, false);
            with[i] = run(attached, true);
            ratios[i] = with[i] / without[i];
        }
        return new Result(StartupBenchmark.median(without), StartupBenchmark.median(with),
                StartupBenchmark.quantile(ratios, 0.25), StartupBenchmark.quantile(ratios, 0.75));
    }

    private static double run(List<String> command, boolean attributed) throws IOException, InterruptedException {
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        double ms = (System.nanoTime() - t) / 1e6;
        if (exit != 0 || out.contains(PipelineBenchmark.ID.token()) != attributed) {
            throw new IllegalStateException(String.join(" ", command) + " (exit " + exit + "): " + out);
        }
        return ms;
    }

    /** The row for latest.md. */
    static String row(Result r) {
        if (r == null) {
            return "| Java agent: start-up of a small service with the agent against without it | not measured: "
                    + JAR + " is not built | - |\n";
        }
        return String.format(Locale.ROOT, "| Java agent: start-up of a small service (one azure-core pipeline, one"
                + " request) with the agent against without it | %.0f ms against %.0f ms: ratio %.2f (quartiles of"
                + " the %d alternated pairs' ratios %.2f to %.2f) | for information |%n", r.with(), r.without(),
                r.with() / r.without(), PAIRS, r.q1(), r.q3());
    }
}
