package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.templates.ArmTemplates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The command line's start-up, as processes: each local command through {@code bin/attribution} of the distribution
 * against a bare JVM start ({@code java -Xshare:auto -version}, same JDK), the two alternated pair by pair (A B, then
 * B A) so that a slower minute of the machine falls on both; the ratio of each pair, then its median and quartiles.
 * {@code template scan} of a 100-file tree is set against the bare start plus the scan itself (the same scan in this
 * warm JVM), on two trees: 100 generated templates of 20-200 KB (11 MB, the large end), and 100 real ones (the corpus's
 * one solution of several files, its main template and the three it links, 25 times: 1.9 MB).
 */
final class StartupBenchmark {
    static final int WARMUP = 2;
    static final int PAIRS = 9;

    /**
     * One command's figures; for the scan, {@code scanMs} is the scan warm in this JVM and {@code coldScanMs} the same
     * scan timed inside a JVM started as the launcher starts it (its flags and archive), so cold as in the command.
     */
    record Row(int jdk, String command, double bareMs, double commandMs, double ratio, double ratioQ1, double ratioQ3,
            double scanMs, double coldScanMs, String tree, String detail) {
    }

    /** The JDK 25 beside the default one (JDK25_HOME, else Temurin's folder), or null when there is none. */
    static Path jdk25() {
        String home = System.getenv("JDK25_HOME");
        Path path = Paths.get(home != null && !home.isEmpty() ? home : "/usr/lib/jvm/temurin-25-jdk-amd64");
        return Files.isExecutable(path.resolve("bin/java")) ? path : null;
    }

    /** The feature release of the JDK at {@code javaHome}, from its release file. */
    static int feature(Path javaHome) throws IOException {
        for (String line : Files.readAllLines(javaHome.resolve("release"))) {
            if (line.startsWith("JAVA_VERSION=\"")) {
                String v = line.substring("JAVA_VERSION=\"".length());
                int end = 0;
                while (end < v.length() && Character.isDigit(v.charAt(end))) {
                    end++;
                }
                return Integer.parseInt(v.substring(0, end));
            }
        }
        throw new IllegalStateException("no JAVA_VERSION in " + javaHome.resolve("release"));
    }

    private StartupBenchmark() {
    }

    /** bin/attribution of the distribution the CLI's build made, or null when it is not built. */
    static Path launcher() throws IOException {
        Path target = Paths.get("attribution-cli/target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (java.util.stream.Stream<Path> dirs = Files.list(target)) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path bin = d.resolve(d.getFileName()).resolve("bin/attribution");
                if (d.getFileName().toString().startsWith("attribution-") && Files.isExecutable(bin)) {
                    return bin.toAbsolutePath();
                }
            }
        }
        return null;
    }

    /**
     * Every command through the launcher on the JDK at {@code javaHome}, against that JDK's bare start. The figures of
     * where a command's time goes inside a cold JVM (the doctor's, the scans') are taken on the build's own JDK only.
     */
    static List<Row> measure(Path launcher, Path javaHome) throws Exception {
        int jdk = feature(javaHome);
        boolean details = javaHome.toRealPath().equals(Paths.get(System.getProperty("java.home")).toRealPath());
        Path work = Files.createTempDirectory("startup-bench");
        Path cache = Files.createDirectories(work.resolve("cache"));
        Path small = Files.write(work.resolve("mainTemplate.json"), (TemplateTree.mainTemplate(0))
                .getBytes(StandardCharsets.UTF_8));
        Path bicep = Files.write(work.resolve("main.bicep"), ("resource t 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                + "  name: 'pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d'\n  properties: {\n    mode: 'Incremental'\n"
                + "    template: {\n      resources: []\n    }\n  }\n}\n\nresource s 'Microsoft.Storage/storageAccounts"
                + "@2023-01-01' = {\n  name: 'store${uniqueString(resourceGroup().id)}'\n  location: 'westeurope'\n}\n")
                .getBytes(StandardCharsets.UTF_8));
        Path registry = Files.write(work.resolve("pid.properties"),
                "offer.main=1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d\n".getBytes(StandardCharsets.UTF_8));
        Path tree = Files.createDirectories(work.resolve("generated"));
        TemplateTree.write(tree, 10);
        Path real = realTree(work.resolve("weblogic-admin-x25"), 25);
        java.util.Map<Path, String> trees = java.util.Map.of(tree, describe(tree, "generated templates of 20-200 KB"), real,
                describe(real, "real templates (the corpus's weblogic-admin solution 25 times)"));
        String id = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
        List<String[]> commands = List.of(
                new String[] {"guid", "check", id},
                new String[] {"template", "check", small.toString()},
                new String[] {"template", "check", bicep.toString()},
                new String[] {"template", "rules"},
                new String[] {"user-agent", "--pid", id},
                new String[] {"notice", "--partner", "Contoso"},
                new String[] {"registry", "list", "--file", registry.toString()},
                new String[] {"doctor"},
                new String[] {"template", "scan", tree.toString()},
                new String[] {"template", "scan", real.toString()});
        String java = javaHome.resolve("bin/java").toString();
        List<String> bare = List.of(java, "-Xshare:auto", "-version");
        List<Row> rows = new ArrayList<>();
        for (String[] command : commands) {
            List<String> run = new ArrayList<>();
            run.add(launcher.toString());
            run.addAll(Arrays.asList(command));
            for (int i = 0; i < WARMUP; i++) {
                time(bare, cache, javaHome);
                time(run, cache, javaHome);
            }
            double[] a = new double[PAIRS];
            double[] b = new double[PAIRS];
            double[] ratios = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                if (i % 2 == 0) {
                    a[i] = time(bare, cache, javaHome);
                    b[i] = time(run, cache, javaHome);
                } else {
                    b[i] = time(run, cache, javaHome);
                    a[i] = time(bare, cache, javaHome);
                }
                ratios[i] = b[i] / a[i];
            }
            Path scanned = command.length > 2 && command[1].equals("scan") ? Paths.get(command[2]) : null;
            rows.add(new Row(jdk, String.join(" ", command).replace(work.toString() + "/", ""), median(a), median(b),
                    median(ratios), quantile(ratios, 0.25), quantile(ratios, 0.75),
                    scanned != null ? scanInProcess(scanned) : 0,
                    scanned != null && details ? coldScan(launcher, cache, scanned) : 0,
                    scanned != null ? trees.get(scanned) : "",
                    command[0].equals("doctor") && details ? doctorDetail(launcher, cache)
                    : command.length > 2 && command[1].equals("check") && command[2].endsWith(".json")
                    ? bigDecimalDetail(launcher, javaHome, median(a), median(b)) : ""));
        }
        return rows;
    }

    /** {@code copies} copies of the corpus's weblogic-admin solution (its templates, as they are) under {@code dir}. */
    static Path realTree(Path dir, int copies) throws IOException {
        List<Path> solution = new ArrayList<>();
        Path base = null;
        for (Path file : TemplateCheckBenchmark.corpus()) {
            for (Path p = file.getParent(); p != null; p = p.getParent()) {
                if (p.getFileName() != null && p.getFileName().toString().equals("weblogic-admin")) {
                    base = p;
                    solution.add(file);
                    break;
                }
            }
        }
        if (solution.size() < 2) {
            throw new IllegalStateException("no weblogic-admin solution of several templates in the corpus");
        }
        for (int c = 0; c < copies; c++) {
            Path copy = dir.resolve(String.format(Locale.ROOT, "copy%02d", c));
            for (Path file : solution) {
                Path to = copy.resolve(base.relativize(file).toString());
                Files.createDirectories(to.getParent());
                Files.copy(file, to);
            }
        }
        return dir;
    }

    /** Where the doctor's time beyond the tool's own goes: azure-core's first use, cold as in the command. */
    private static String doctorDetail(Path launcher, Path cache) throws Exception {
        double[] ms = cold(launcher, cache, AzureCoreFirstUse.class);
        return String.format(Locale.ROOT, "; of it, azure-core's first use, timed inside a JVM started as the launcher"
                + " starts it: SLF4J's start %.0f ms, the first ClientLogger %.0f ms, HttpHeaderName's constants %.0f ms"
                + " (through ExpandableStringEnum's method handles), the rest of the doctor %.0f ms", ms[0], ms[1], ms[2],
                ms[3]);
    }

    /**
     * What the JSON check pays for the JDK's own {@code BigDecimal} initialisation (Jackson's parser needs the class),
     * timed in a fresh JVM of the same JDK with the launcher's flags, and the ratio without it.
     */
    private static String bigDecimalDetail(Path launcher, Path javaHome, double bareMs, double commandMs)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(), "-Xshare:auto"));
        command.addAll(Arrays.asList(launcherFlags(launcher).split(" ")));
        command.addAll(List.of("-cp", harness(BigDecimalInit.class).toString(), BigDecimalInit.class.getName()));
        double ms = medians(command)[0];
        return String.format(Locale.ROOT, "; of it, java.math.BigDecimal's class initialisation, which Jackson's parser"
                + " needs, %.1f ms on this JDK (timed alone in a fresh JVM with the launcher's flags; the JDK's own"
                + " work, not the tool's): without it the ratio would be %.2f", ms, (commandMs - ms) / bareMs);
    }

    /** The JVM flags the launcher starts the tool with, read from its {@code flags="..."} line. */
    private static String launcherFlags(Path launcher) throws IOException {
        for (String line : Files.readAllLines(launcher)) {
            if (line.startsWith("flags=\"")) {
                return line.substring("flags=\"".length(), line.length() - 1);
            }
        }
        throw new IllegalStateException("no flags= line in " + launcher);
    }

    /** How many templates a tree holds (parameter files aside) and the size of all its files, for its row. */
    private static String describe(Path tree, String what) throws IOException {
        long[] n = new long[2];
        try (java.util.stream.Stream<Path> files = Files.walk(tree)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                String name = f.getFileName().toString();
                n[0] += (name.endsWith(".json") || name.endsWith(".bicep")) && !name.endsWith(".parameters.json") ? 1 : 0;
                n[1] += f.toFile().length();
            });
        }
        return String.format(Locale.ROOT, "%d %s, %.1f MB", n[0], what, n[1] / 1e6);
    }

    /**
     * The scan itself, without a JVM start: the median of 9 scans in this JVM after 30 of warm-up (with fewer, the
     * scans still run partly before the optimising compiler has done, and the figure depends on what ran before).
     */
    static double scanInProcess(Path tree) throws IOException {
        int warmUp = 30;
        double[] ms = new double[9];
        for (int i = 0; i < warmUp + ms.length; i++) {
            long t = System.nanoTime();
            ArmTemplates.scan(tree);
            if (i >= warmUp) {
                ms[i - warmUp] = (System.nanoTime() - t) / 1e6;
            }
        }
        return median(ms);
    }

    /**
     * The scan timed inside a fresh JVM started with the launcher's flags (read from the script) and the archive it
     * made in {@code cache}, the tool's jar first on the class path: the median of {@link #PAIRS} runs.
     */
    static double coldScan(Path launcher, Path cache, Path tree) throws Exception {
        return cold(launcher, cache, ColdScan.class, tree.toString())[0];
    }

    /**
     * Runs {@code main} {@link #PAIRS} times, each in a fresh JVM started as the launcher starts the tool (its flags,
     * read from the script, and the archive it made in {@code cache}; the tool's jar first on the class path), and
     * returns the median of each figure it prints on one line.
     */
    static double[] cold(Path launcher, Path cache, Class<?> main, String... args) throws Exception {
        String flags = launcherFlags(launcher);
        Path archive;
        try (java.util.stream.Stream<Path> files = Files.walk(cache)) {
            archive = files.filter(f -> f.getFileName().toString().equals("java.jsa")).findFirst().orElse(null);
        }
        if (archive == null) {
            throw new IllegalStateException("no archive under " + cache);
        }
        List<String> command = new ArrayList<>(List.of(Paths.get(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:SharedArchiveFile=" + archive, "-Xshare:auto", "-Xlog:cds=off"));
        command.addAll(Arrays.asList(flags.split(" ")));
        command.addAll(List.of("-cp", launcher.getParent().resolveSibling("lib").resolve("attribution.jar")
                + java.io.File.pathSeparator + harness(main), main.getName()));
        command.addAll(Arrays.asList(args));
        return medians(command);
    }

    /**
     * Runs {@code command} {@link #PAIRS} times, each a fresh JVM that prints its figures on one line, and returns the
     * median of each figure.
     */
    private static double[] medians(List<String> command) throws Exception {
        double[][] figures = null;
        for (int i = 0; i < PAIRS; i++) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + ": " + out);
            }
            String[] values = out.split(" ");
            figures = figures == null ? new double[values.length][PAIRS] : figures;
            for (int k = 0; k < values.length; k++) {
                figures[k][i] = Double.parseDouble(values[k]);
            }
        }
        double[] medians = new double[figures.length];
        for (int k = 0; k < figures.length; k++) {
            medians[k] = median(figures[k]);
        }
        return medians;
    }

    /**
     * A jar of {@code main}'s class alone, to follow the tool's on the class path: not this module's jar, whose
     * copies of the tool's dependencies (a second SLF4J binding among them) would change what is timed.
     */
    private static Path harness(Class<?> main) throws IOException {
        Path jar = Files.createTempFile("harness", ".jar");
        String entry = main.getName().replace('.', '/') + ".class";
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                java.io.InputStream in = main.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        jar.toFile().deleteOnExit();
        return jar;
    }

    private static double time(List<String> command, Path cache, Path javaHome) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("XDG_CACHE_HOME", cache.toString());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        long t = System.nanoTime();
        Process p = builder.start();
        int exit = p.waitFor();
        double ms = (System.nanoTime() - t) / 1e6;
        if (exit > 1) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + exit);
        }
        return ms;
    }

    static double median(double[] values) {
        return quantile(values, 0.5);
    }

    static double quantile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        double at = q * (v.length - 1);
        int lo = (int) Math.floor(at);
        int hi = (int) Math.ceil(at);
        return v[lo] + (v[hi] - v[lo]) * (at - lo);
    }

    /** The goal rows for latest.md. */
    static String rows(List<Row> rows) {
        StringBuilder md = new StringBuilder();
        for (Row r : rows) {
            boolean scan = r.scanMs() > 0;
            // the local commands' plain forms: within 1.5x on a JDK with the ahead-of-time cache (24 and later), 2x
            // before; the doctor (which starts the Azure SDK) and the scans keep the 2x goal
            boolean local = !scan && !r.command().equals("doctor");
            double factor = local && r.jdk() >= 24 ? 1.5 : 2.0;
            double goal = scan ? (2 * r.bareMs() + r.scanMs()) / r.bareMs() : factor;
            String measured = String.format(Locale.ROOT, "%.0f ms against %.0f ms bare: ratio %.2f (quartiles %.2f-%.2f,"
                    + " %d alternated pairs)", r.commandMs(), r.bareMs(), r.ratio(), r.ratioQ1(), r.ratioQ3(), PAIRS);
            if (scan && r.coldScanMs() > 0) {
                double coldGoal = (2 * r.bareMs() + r.coldScanMs()) / r.bareMs();
                measured += String.format(Locale.ROOT, "; the scan itself %.0f ms warm in one JVM, so the goal is %.2f;"
                        + " the same scan cold, timed inside a JVM started as the launcher starts it, %.0f ms (against"
                        + " that, the goal would be %.2f, %s: the rest of the command, its start and its output, is"
                        + " %.2fx the bare start)", r.scanMs(), goal, r.coldScanMs(), coldGoal,
                        verdict(r, coldGoal).replace("*", ""), (r.commandMs() - r.coldScanMs()) / r.bareMs());
            }
            measured += r.detail();
            if (scan && r.coldScanMs() == 0) {
                measured += String.format(Locale.ROOT, "; the scan itself %.0f ms warm in one JVM, so the goal is %.2f",
                        r.scanMs(), goal);
            }
            md.append("| CLI start-up, JDK ").append(r.jdk()).append(": `attribution ").append(r.command()).append("`")
                    .append(scan ? " (" + r.tree() + ")" : "").append(" within ")
                    .append(scan ? "2x the bare JVM start plus the scan" : (factor == 2.0 ? "2x" : "1.5x")
                            + " the bare JVM start").append(" | ")
                    .append(measured).append(" | ").append(verdict(r, goal)).append(" |\n");
        }
        return md.toString();
    }

    private static String verdict(Row r, double goal) {
        return verdict(r.ratio(), r.ratioQ3(), goal);
    }

    /**
     * The verdict on a ratio measured in alternated rounds: met when its upper quartile is within the goal, within
     * noise when only its median is.
     */
    static String verdict(double median, double q3, double goal) {
        return q3 <= goal ? "met" : median <= goal ? "within noise of the goal" : "**missed**";
    }

    public static void main(String[] args) throws Exception {
        Path launcher = launcher();
        if (launcher == null) {
            throw new IllegalStateException("no attribution-cli/target/attribution-*/.../bin/attribution: build the CLI"
                    + " first (mvn -pl attribution-cli -am package -DskipTests)");
        }
        System.out.print(rows(measure(launcher, Paths.get(System.getProperty("java.home")))));
        Path jdk25 = jdk25();
        if (jdk25 != null) {
            System.out.print(rows(measure(launcher, jdk25)));
        }
    }
}
