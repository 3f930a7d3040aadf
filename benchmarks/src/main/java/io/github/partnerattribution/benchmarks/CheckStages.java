package io.github.partnerattribution.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.JsonModel;
import io.github.partnerattribution.templates.internal.JsonTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ArmTemplates.check} of the corpus against a plain Jackson token pass of the same bytes, and where the
 * difference goes: each of check's stages timed on its own (the tokens, then the text and the tree, then the model,
 * then the whole check with its rules and findings), the stages alternated round by round in one warm JVM so that
 * the machine's drift falls on all alike. Per stage, the median over the rounds; check over tokens, the median of the
 * per-round ratios with their quartiles.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.partnerattribution.benchmarks.CheckStages
 * </pre>
 */
final class CheckStages {
    static final int WARM_UP_ROUNDS = 30;
    static final int ROUNDS = 41;
    /** Passes over the corpus per timed sample: a sample of some tens of milliseconds. */
    static final int PASSES = 100;

    private static final JsonFactory TOKENS = JsonFactory.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();

    record Result(int templates, long bytes, double tokensUs, double treeUs, double modelUs, double checkUs,
            double ratio, double ratioQ1, double ratioQ3) {
    }

    private final List<byte[]> templates = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private long sink;

    private CheckStages() throws IOException {
        for (Path file : TemplateCheckBenchmark.corpus()) {
            templates.add(Files.readAllBytes(file));
            names.add(file.getFileName().toString());
        }
    }

    public static void main(String[] args) throws Exception {
        Result r = measure();
        System.out.print(row(r));
        System.out.print(profile(r));
    }

    static Result measure() throws Exception {
        CheckStages s = new CheckStages();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            s.round(i);
        }
        double[][] us = new double[4][ROUNDS];
        double[] ratios = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            double[] r = s.round(i);
            for (int k = 0; k < 4; k++) {
                us[k][i] = r[k];
            }
            ratios[i] = r[3] / r[0];
        }
        long bytes = 0;
        for (byte[] t : s.templates) {
            bytes += t.length;
        }
        return new Result(s.templates.size(), bytes, StartupBenchmark.median(us[0]), StartupBenchmark.median(us[1]),
                StartupBenchmark.median(us[2]), StartupBenchmark.median(us[3]), StartupBenchmark.median(ratios),
                StartupBenchmark.quantile(ratios, 0.25), StartupBenchmark.quantile(ratios, 0.75));
    }

    /** One round: each stage timed once, in an order that turns each round, microseconds per pass. */
    private double[] round(int i) throws Exception {
        double[] us = new double[4];
        for (int k = 0; k < 4; k++) {
            int stage = (i + k) % 4;
            long start = System.nanoTime();
            for (int p = 0; p < PASSES; p++) {
                stage(stage);
            }
            us[stage] = (System.nanoTime() - start) / 1e3 / PASSES;
        }
        return us;
    }

    private void stage(int stage) throws Exception {
        for (int i = 0; i < templates.size(); i++) {
            byte[] b = templates.get(i);
            switch (stage) {
                case 0:
                    try (JsonParser parser = TOKENS.createParser(b)) {
                        while (parser.nextToken() != null) {
                            sink++;
                        }
                    }
                    break;
                case 1: // as JsonModel.of reads it: the text, then the tree (Jackson on the bytes when they are ASCII)
                    boolean bom = Utf8.hasBom(b);
                    String text = Utf8.text(b);
                    boolean ascii = text.length() == b.length - (bom ? 3 : 0) && text.indexOf('\uFFFD') < 0;
                    sink += JsonTree.parseTemplate(text, ascii ? b : null, bom ? 3 : 0, new ArrayList<>()).start;
                    break;
                case 2:
                    sink += JsonModel.of(names.get(i), b, TemplateOptions.defaults()).size();
                    break;
                default:
                    sink += ArmTemplates.check(b, names.get(i), TemplateRole.MAIN, TemplateOptions.defaults()).size();
            }
        }
    }

    /** The goal's row for latest.md. */
    static String row(Result r) {
        String verdict = StartupBenchmark.verdict(r.ratio(), r.ratioQ3(), 2.0);
        return "| Templates: check within 2x a plain Jackson parse of the same bytes | " + String.format(Locale.ROOT,
                "check/parse = %.2f (quartiles %.2f-%.2f, %d rounds alternating the stages in one JVM after %d); %.0f us"
                        + " against %.0f us for the corpus (%d templates, %,d bytes); where the rest goes: the table"
                        + " after this one", r.ratio(), r.ratioQ1(), r.ratioQ3(), ROUNDS, WARM_UP_ROUNDS, r.checkUs(),
                r.tokensUs(), r.templates(), r.bytes())
                + " | " + verdict + " |\n";
    }

    /** Where check's time goes, stage by stage, for latest.md. */
    static String profile(Result r) {
        return String.format(Locale.ROOT, "%n### Where check's time goes (corpus, warm, medians per pass)%n%n"
                + "| stage | us | of check |%n|---|---:|---:|%n"
                + "| Jackson's tokens alone (the goal's denominator) | %.0f | %.0f%% |%n"
                + "| the text (UTF-8 decoded) and the skeleton tree, duplicates checked, on Jackson's tokens | %.0f | %.0f%% |%n"
                + "| the model: resources walked, names classified, links found | %.0f | %.0f%% |%n"
                + "| the whole check: the rules, their findings, sorted | %.0f | 100%% |%n",
                r.tokensUs(), 100 * r.tokensUs() / r.checkUs(), r.treeUs(), 100 * r.treeUs() / r.checkUs(),
                r.modelUs(), 100 * r.modelUs() / r.checkUs(), r.checkUs());
    }
}
