package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.templates.ArmTemplates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The 1,000-template tree scanned with its links written as literals and with every link written through variables
 * and parameter prefixes ({@link TemplateTree}), the two scans alternated in one JVM so that the machine's drift
 * falls on both alike: the median of the per-pair ratios, with its quartiles. Each tree is first checked to scan with
 * all 900 of its links followed and none unresolved ({@link ScanBenchmark#tree}).
 */
final class ExpressionLinksInterleaved {
    static final int WARM_UP = 3;
    static final int PAIRS = 9;

    private ExpressionLinksInterleaved() {
    }

    /** Runs this measurement alone: {@code java -cp benchmarks/target/benchmarks.jar ...ExpressionLinksInterleaved}. */
    public static void main(String[] args) throws IOException {
        System.out.print(row());
    }

    /** The goal's row: the median ratio, expression links over literal links, within 1.2. */
    static String row() throws IOException {
        Path literal = ScanBenchmark.tree(false);
        Path expressions = ScanBenchmark.tree(true);
        try {
            for (int i = 0; i < WARM_UP; i++) {
                ArmTemplates.scan(literal);
                ArmTemplates.scan(expressions);
            }
            double[] ratios = new double[PAIRS];
            double[] literalMs = new double[PAIRS];
            double[] expressionMs = new double[PAIRS];
            for (int i = 0; i < PAIRS; i++) {
                if (i % 2 == 0) { // which goes first alternates too
                    literalMs[i] = time(literal);
                    expressionMs[i] = time(expressions);
                } else {
                    expressionMs[i] = time(expressions);
                    literalMs[i] = time(literal);
                }
                ratios[i] = expressionMs[i] / literalMs[i];
            }
            double median = StartupBenchmark.quantile(ratios, 0.5);
            return "| Templates: the 1,000-template scan with every link written through variables and parameter"
                    + " prefixes resolves every link in at most 1.2x the time of the literal-link tree | "
                    + String.format(Locale.ROOT, "ratio %.3f (quartiles %.3f-%.3f, %d alternated pairs after %d of"
                            + " warm-up); medians %.0f ms literal, %.0f ms through expressions; %d of %d links"
                            + " followed, 0 unresolved, in each tree (asserted)", median, StartupBenchmark.quantile(ratios, 0.25),
                            StartupBenchmark.quantile(ratios, 0.75), PAIRS, WARM_UP, StartupBenchmark.quantile(literalMs, 0.5),
                            StartupBenchmark.quantile(expressionMs, 0.5), TemplateTree.links(100), TemplateTree.links(100))
                    + " | " + (median <= 1.2 ? "met" : "**missed**") + " |\n";
        } finally {
            ScanBenchmark.delete(literal);
            ScanBenchmark.delete(expressions);
        }
    }

    private static double time(Path root) throws IOException {
        long start = System.nanoTime();
        ArmTemplates.scan(root);
        return (System.nanoTime() - start) / 1e6;
    }
}
