package io.github.partnerattribution.benchmarks;

import io.github.partnerattribution.templates.ArmTemplates;
import io.github.partnerattribution.templates.Finding;
import io.github.partnerattribution.templates.TemplateOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The peak heap that checking one template needs, measured the only way that does not depend on when the collector
 * runs: the smallest {@code -Xmx} in which a fresh JVM (serial collector) checks the template, less the smallest in
 * which it checks a tiny one. Found by bisection to 256 KB, each probe a separate process.
 */
public final class PeakHeap {
    private static final int STEP_KB = 256;

    private PeakHeap() {
    }

    /** The measurement: the template's size and the heap its check needed beyond a tiny template's, in bytes. */
    record Result(long templateBytes, long tinyHeapKb, long templateHeapKb) {
        long extraBytes() {
            return (templateHeapKb - tinyHeapKb) * 1024;
        }

        double ratio() {
            return (double) extraBytes() / templateBytes;
        }
    }

    /** Checks the template named by the argument and exits 0 (an OutOfMemoryError exits 1). */
    public static final class CheckOnce {
        private CheckOnce() {
        }

        public static void main(String[] args) throws IOException {
            List<Finding> findings = ArmTemplates.check(new File(args[0]).toPath(), TemplateOptions.defaults());
            System.exit(findings.size() >= 0 ? 0 : 2);
        }
    }

    public static void main(String[] args) throws Exception {
        Result r = measure(4_000_000);
        System.out.printf("template %d bytes: %d KB heap, tiny %d KB; extra %d bytes = %.2f x its size%n",
                r.templateBytes(), r.templateHeapKb(), r.tinyHeapKb(), r.extraBytes(), r.ratio());
    }

    /** Measures with a generated main template of about {@code bytes} (ARM takes at most 4 MB). */
    static Result measure(int bytes) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("peak-heap");
        Path big = dir.resolve("mainTemplate.json");
        Files.write(big, TemplateTree.mainTemplate(bytes).getBytes(StandardCharsets.UTF_8));
        Path tiny = Files.createDirectories(dir.resolve("tiny")).resolve("mainTemplate.json");
        Files.write(tiny, TemplateTree.mainTemplate(2_000).getBytes(StandardCharsets.UTF_8));
        try {
            long tinyKb = smallestHeapKb(tiny);
            long bigKb = smallestHeapKb(big);
            return new Result(Files.size(big), tinyKb, bigKb);
        } finally {
            Files.delete(tiny);
            Files.delete(tiny.getParent());
            Files.delete(big);
            Files.delete(dir);
        }
    }

    private static long smallestHeapKb(Path template) throws IOException, InterruptedException {
        long low = 2 * 1024 / STEP_KB; // in steps: known to fail at or below
        long high = 512 * 1024 / STEP_KB; // known to pass
        if (!passes(template, low * STEP_KB)) {
            while (high - low > 1) {
                long mid = (low + high) / 2;
                if (passes(template, mid * STEP_KB)) {
                    high = mid;
                } else {
                    low = mid;
                }
            }
        } else {
            high = low;
        }
        return high * STEP_KB;
    }

    private static boolean passes(Path template, long heapKb) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        command.add("-XX:+UseSerialGC");
        command.add("-Xms" + heapKb + "k");
        command.add("-Xmx" + heapKb + "k");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CheckOnce.class.getName());
        command.add(template.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("a heap probe did not finish in 120 s");
        }
        return p.exitValue() == 0;
    }
}
