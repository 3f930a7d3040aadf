package io.github.partnerattribution.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.util.Statistics;

/** Runs every benchmark in one run and writes the Markdown table of benchmarks/run.sh: goals first, then all. */
public final class RunAll {
    private RunAll() {
    }

    record Measured(String name, double score, double error, String unit, double bytesPerOp, Statistics samples) {
    }

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "benchmarks/results/latest.md");
        Map<String, Measured> m = new LinkedHashMap<>();
        Options fast = new OptionsBuilder()
                .include("PipelineBenchmark|OkHttpBenchmark|TemplateCheckBenchmark|ScanBenchmark|AgentPipelineBenchmark")
                .forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class).build();
        collect(new Runner(fast).run(), m);
        Options verify = new OptionsBuilder().include("VerifyBenchmark")
                .forks(1).warmupIterations(1).measurementIterations(3).build();
        collect(new Runner(verify).run(), m);
        String endToEnd = EndToEndInterleaved.row(EndToEndInterleaved.measure());
        String agentStartup = AgentStartup.row(AgentStartup.measure());
        CheckStages.Result stages = CheckStages.measure();
        PeakHeap.Result peak = PeakHeap.measure(4_000_000);
        Path launcher = StartupBenchmark.launcher();
        String startup = "";
        if (launcher != null) {
            // the build's JDK (17), then the JDK 25 beside it, whose launcher makes an ahead-of-time cache
            startup = StartupBenchmark.rows(StartupBenchmark.measure(launcher, Paths.get(System.getProperty("java.home"))));
            Path jdk25 = StartupBenchmark.jdk25();
            if (jdk25 != null) {
                startup += StartupBenchmark.rows(StartupBenchmark.measure(launcher, jdk25));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, table(m, peak, endToEnd, stages, startup, agentStartup).getBytes(StandardCharsets.UTF_8));
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static void collect(Collection<RunResult> results, Map<String, Measured> into) {
        for (RunResult r : results) {
            BenchmarkParams params = r.getParams();
            String name = params.getBenchmark().replace("io.github.partnerattribution.benchmarks.", "");
            Result<?> primary = r.getPrimaryResult();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            into.put(name, new Measured(name, primary.getScore(), primary.getScoreError(), primary.getScoreUnit(),
                    alloc == null ? Double.NaN : alloc.getScore(), primary.getStatistics()));
        }
    }

    static String table(Map<String, Measured> m, PeakHeap.Result peak, String endToEndRow, CheckStages.Result stages,
            String startupRows, String agentStartupRow)
            throws IOException {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n");
        md.append("Measured ").append(LocalDate.now()).append(" by `benchmarks/run.sh`, all in one run, on: ")
                .append(machine()).append(". JMH, 1 fork; average time over 5 measurement iterations of 1 s after 3")
                .append(" of warm-up (end to end: 10,000 interleaved pairs of calls after 3,000, outside JMH); bytes per operation from `-prof gc`.\n\n");
        md.append("## Goals\n\n| goal | measured | verdict |\n|---|---|---|\n");
        for (String path : List.of("sync", "async")) {
            Measured a = m.get("PipelineBenchmark." + path + "A_userAgentPolicyOnly");
            Measured b = m.get("PipelineBenchmark." + path + "B_withPartnerAttributionPolicy");
            Measured c = m.get("PipelineBenchmark." + path + "C_withHandWrittenPolicy");
            Measured d = m.get("PipelineBenchmark." + path + "D_withNoOpPolicy");
            if (a == null || b == null || c == null || d == null) {
                continue;
            }
            double added = b.score() - a.score();
            double noise = b.error() + a.error();
            md.append(row("azure-core pipeline, " + path + ": (b) adds at most 50 ns over (a)",
                    String.format(Locale.ROOT, "%.1f ± %.1f ns (b/a = %.3f)", added, noise, b.score() / a.score()),
                    added <= 50, added - noise <= 50));
            md.append(row("azure-core pipeline, " + path + ": (b) faster than the hand-written policy (c)",
                    String.format(Locale.ROOT, "b/c = %.3f (b - c = %.1f ± %.1f ns)", b.score() / c.score(),
                            b.score() - c.score(), b.error() + c.error()), b.score() < c.score(),
                    b.score() - c.score() <= b.error() + c.error()));
            double own = b.bytesPerOp() - d.bytesPerOp();
            md.append(row("azure-core pipeline, " + path + ": (b) allocates nothing of its own (vs a no-op policy, d)",
                    String.format(Locale.ROOT, "%.0f B/op (the HttpHeader object azure-core allocates on every"
                            + " header write; no API sets a header without it)", own), own <= 0));
        }
        Measured oa = m.get("OkHttpBenchmark.a_withoutInterceptor");
        Measured ob = m.get("OkHttpBenchmark.b_withPartnerAttributionInterceptor");
        Measured oc = m.get("OkHttpBenchmark.c_withHandWrittenInterceptor");
        if (oa != null && ob != null && oc != null) {
            double added = ob.score() - oa.score();
            double noise = ob.error() + oa.error();
            md.append(row("OkHttp: the interceptor adds at most 100 ns per call",
                    String.format(Locale.ROOT, "%.1f ± %.1f ns (b/a = %.3f); a hand-written interceptor that sets"
                            + " the header adds %.1f ns (b/c = %.3f): OkHttp requests are immutable, so changing a"
                            + " header rebuilds the request, which is the cost", added, noise, ob.score() / oa.score(),
                            oc.score() - oa.score(), ob.score() / oc.score()), added <= 100, added - noise <= 100));
        }
        md.append(endToEndRow);
        for (String path : List.of("sync", "async")) {
            Measured agent = m.get("AgentPipelineBenchmark." + path + "Agent");
            Measured byHand = m.get("AgentPipelineBenchmark." + path + "LibraryPolicyByHand");
            if (agent != null && byHand != null) {
                double added = agent.score() - byHand.score();
                double noise = agent.error() + byHand.error();
                md.append(row("Java agent, " + path + ": a pipeline it instrumented costs what the library's policy"
                                + " added by hand does, within noise (each in its own JVM)",
                        String.format(Locale.ROOT, "%.1f ± %.1f ns over the policy by hand (agent/by hand = %.3f;"
                                + " %.0f against %.0f B/op)", added, noise, agent.score() / byHand.score(),
                                agent.bytesPerOp(), byHand.bytesPerOp()), added <= noise));
            }
        }
        md.append(agentStartupRow);
        Measured readParse = m.get("TemplateCheckBenchmark.readAndParseMainTemplates");
        Measured add = m.get("TemplateCheckBenchmark.addMainTemplates");
        md.append(CheckStages.row(stages)); // alternated in one JVM: JMH's two runs minutes apart were noise
        if (readParse != null && add != null) {
            md.append(row("Templates: add (dry run) against reading and parsing the same files",
                    String.format(Locale.ROOT, "add/(read+parse) = %.2f", add.score() / readParse.score()), true)
                    .replace("| met |", "| for information |"));
        }
        Measured scan = m.get("ScanBenchmark.scan");
        Measured tree = m.get("ScanBenchmark.readAndReadTree");
        Measured tokens = m.get("ScanBenchmark.readAndParse");
        if (scan != null && tree != null && tokens != null) {
            md.append(row("Templates: scan of 1,000 generated templates (20-200 KB) within 1.5x reading them and parsing"
                            + " them plainly with Jackson (`ObjectMapper.readTree`)",
                    String.format(Locale.ROOT, "scan/(read+readTree) = %.2f; against the bare floor, reading and only"
                            + " tokenizing (`JsonParser.nextToken`), scan/(read+tokens) = %.2f",
                            scan.score() / tree.score(), scan.score() / tokens.score()),
                    scan.score() <= 1.5 * tree.score()));
        }
        md.append(InterleavedScans.bicepRow());
        md.append(InterleavedScans.expressionLinksRow());
        md.append(InterleavedScans.documentsRow());
        Measured sequential = m.get("VerifyBenchmark.sequential");
        Measured parallel = m.get("VerifyBenchmark.parallel");
        if (sequential != null && parallel != null) {
            md.append(row("Verify: a solution nesting 500 deployments, 20 ms added to every answer, in at most a quarter"
                            + " of the sequential time",
                    String.format(Locale.ROOT, "%.0f ms with %d reads at once against %.0f ms one after the other"
                            + " (ratio %.3f; single shots, 3 each after 1 warm-up)", parallel.score(),
                            io.github.partnerattribution.operations.DeploymentVerifier.DEFAULT_PARALLEL_READS,
                            sequential.score(), parallel.score() / sequential.score()),
                    parallel.score() <= sequential.score() / 4));
        }
        if (peak != null) {
            md.append(row("Templates: peak heap while checking one template at most 8x its size",
                    String.format(Locale.ROOT, "%.2f x for a %d-byte main template (smallest -Xmx that checks it, %d KB,"
                            + " less that for a tiny template, %d KB; serial collector; `PeakHeap`)", peak.ratio(),
                            peak.templateBytes(), peak.templateHeapKb(), peak.tinyHeapKb()), peak.ratio() <= 8));
        }
        md.append(startupRows);
        md.append(CheckStages.profile(stages));
        md.append("\n## All results\n\n| benchmark | score | error | unit | bytes/op |\n|---|---:|---:|---|---:|\n");
        for (Measured r : m.values()) {
            md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %s | %s |%n", r.name(), r.score(), r.error(),
                    r.unit(), Double.isNaN(r.bytesPerOp()) ? "" : String.format(Locale.ROOT, "%.0f", r.bytesPerOp())));
        }
        return md.toString();
    }

    private static String row(String goal, String measured, boolean met) {
        return row(goal, measured, met, met);
    }

    /**
     * A goal's row; {@code withinNoise}: the goal lies inside the measurement's error (JMH's 99.9% intervals of the
     * two scores, added), so the run cannot tell met from missed.
     */
    private static String row(String goal, String measured, boolean met, boolean withinNoise) {
        return "| " + goal + " | " + measured + " | " + (met ? "met" : withinNoise ? "within noise of the goal"
                : "**missed**") + " |\n";
    }

    private static String machine() throws IOException {
        List<String> parts = new ArrayList<>();
        Path cpuinfo = Paths.get("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            for (String line : Files.readAllLines(cpuinfo)) {
                if (line.startsWith("model name")) {
                    parts.add(line.substring(line.indexOf(':') + 1).trim());
                    break;
                }
            }
        }
        parts.add(Runtime.getRuntime().availableProcessors() + " cores");
        parts.add(Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB max heap");
        parts.add(System.getProperty("os.name") + " " + System.getProperty("os.version"));
        parts.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        return String.join(", ", parts);
    }
}
