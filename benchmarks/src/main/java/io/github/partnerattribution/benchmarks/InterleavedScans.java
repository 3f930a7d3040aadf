package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.templates.ArmTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Two trees scanned alternately in one JVM, so that the machine's drift (its other work, its page cache, the JIT's
 * mood in one fork) falls on both alike: the median of the per-pair ratios, with its quartiles. 21 pairs after 5 of
 * warm-up: with 9 after 3, the median of the Bicep row moved between 1.12 and 1.26 from one run to the next on the
 * 2-core machine of the results (the kernel reclaims the page cache of both trees between scans). Two goals are measured
 * this way, each tree first checked to scan with all 900 of its links followed and none unresolved
 * ({@link ScanBenchmark#tree}, {@link ScanBenchmark#bicepTree}):
 * <ul>
 *   <li>the 1,000-template tree with every link written through variables and parameter prefixes, against the same
 *   tree with literal links;</li>
 *   <li>the same 1,000 templates written in Bicep, against the JSON tree.</li>
 * </ul>
 */
final class InterleavedScans {
    static final int WARM_UP = 5;
    static final int PAIRS = 21;

    private InterleavedScans() {
    }

    /** Runs these measurements alone: {@code java -cp benchmarks/target/benchmarks.jar ...InterleavedScans}. */
    public static void main(String[] args) throws IOException {
        System.out.print(expressionLinksRow());
        System.out.print(bicepRow());
        System.out.print(documentsRow());
    }

    /** The goal's row: the median ratio, expression links over literal links, within 1.2. */
    static String expressionLinksRow() throws IOException {
        Path literal = ScanBenchmark.tree(false);
        Path expressions = ScanBenchmark.tree(true);
        try {
            Pairs p = measure(literal, expressions);
            return "| Templates: the 1,000-template scan with every link written through variables and parameter"
                    + " prefixes resolves every link in at most 1.2x the time of the literal-link tree | "
                    + p.describe("literal", "through expressions")
                    + String.format(Locale.ROOT, "; %d of %d links followed, 0 unresolved, in each tree (asserted)",
                            TemplateTree.links(100), TemplateTree.links(100))
                    + " | " + p.verdict(1.2) + " |\n";
        } finally {
            ScanBenchmark.delete(literal);
            ScanBenchmark.delete(expressions);
        }
    }

    /**
     * The goal's row: the 1,000-template tree with 1,000 Markdown, script and pipeline files beside its templates,
     * read for the templates they deploy, against the same tree without them, within 1.1.
     */
    static String documentsRow() throws IOException {
        Path plain = ScanBenchmark.tree(false);
        Path documented = ScanBenchmark.tree(false);
        try {
            int deployments = TemplateTree.writeDocuments(documented, 100, false);
            String expected = deployments + " deployments written in 1000 Markdown, script and pipeline file(s): 100"
                    + " templates are deployed directly";
            if (ArmTemplates.scan(documented).notes().stream().noneMatch(n -> n.startsWith(expected))) {
                throw new IllegalStateException("the documents were not read as written: "
                        + ArmTemplates.scan(documented).notes());
            }
            Pairs p = measure(plain, documented);
            return "| Templates: the 1,000-template scan with 1,000 Markdown, script and pipeline files beside it (read"
                    + " for the templates they deploy directly) in at most 1.1x the scan without them | "
                    + p.describe("without", "with the files")
                    + String.format(Locale.ROOT, "; %d deployments found in them, each naming one of the 100 main"
                            + " templates or a missing file (asserted)", deployments)
                    + " | " + p.verdict(1.1) + " |\n";
        } finally {
            ScanBenchmark.delete(plain);
            ScanBenchmark.delete(documented);
        }
    }

    /** The goal's row: the median ratio, the Bicep tree over its JSON twin, within 1.2. */
    static String bicepRow() throws IOException {
        Path json = ScanBenchmark.tree(false);
        Path bicep = ScanBenchmark.bicepTree();
        try {
            Pairs p = measure(json, bicep);
            return "| Templates: scan of the same 1,000 templates written in Bicep (generated side by side with the"
                    + " JSON ones: the same resources, one `module` for each link) in at most 1.2x the JSON scan | "
                    + p.describe("JSON", "Bicep")
                    + String.format(Locale.ROOT, "; %d of %d links followed, 0 unresolved, in each tree, and no"
                            + " error in the Bicep one (asserted)", TemplateTree.links(100), TemplateTree.links(100))
                    + " | " + p.verdict(1.2) + " |\n";
        } finally {
            ScanBenchmark.delete(json);
            ScanBenchmark.delete(bicep);
        }
    }

    /** Each scan's time in each pair, and their ratios, {@code other} over {@code baseline}. */
    static final class Pairs {
        final double[] ratios = new double[PAIRS];
        final double[] baselineMs = new double[PAIRS];
        final double[] otherMs = new double[PAIRS];

        double median() {
            return StartupBenchmark.quantile(ratios, 0.5);
        }

        String describe(String baseline, String other) {
            return String.format(Locale.ROOT, "ratio %.3f (quartiles %.3f-%.3f, %d alternated pairs after %d of"
                    + " warm-up); medians %.0f ms %s, %.0f ms %s", median(), StartupBenchmark.quantile(ratios, 0.25),
                    StartupBenchmark.quantile(ratios, 0.75), PAIRS, WARM_UP, StartupBenchmark.quantile(baselineMs, 0.5),
                    baseline, StartupBenchmark.quantile(otherMs, 0.5), other);
        }

        String verdict(double goal) {
            return median() <= goal ? "met" : "**missed**";
        }
    }

    static Pairs measure(Path baseline, Path other) throws IOException {
        for (int i = 0; i < WARM_UP; i++) {
            ArmTemplates.scan(baseline);
            ArmTemplates.scan(other);
        }
        Pairs p = new Pairs();
        for (int i = 0; i < PAIRS; i++) {
            if (i % 2 == 0) { // which goes first alternates too
                p.baselineMs[i] = time(baseline);
                p.otherMs[i] = time(other);
            } else {
                p.otherMs[i] = time(other);
                p.baselineMs[i] = time(baseline);
            }
            p.ratios[i] = p.otherMs[i] / p.baselineMs[i];
        }
        return p;
    }

    private static double time(Path root) throws IOException {
        long start = System.nanoTime();
        ArmTemplates.scan(root);
        return (System.nanoTime() - start) / 1e6;
    }
}
