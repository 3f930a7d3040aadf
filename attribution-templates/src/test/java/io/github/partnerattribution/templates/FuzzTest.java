package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.Fixtures.ID;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the corpus (truncation, flipped bytes, duplicated keys, 10,000 levels of nesting): check
 * and add either succeed or raise TemplateException, never anything else, and a failed add leaves the file as it
 * was. Seeded, so a failure names a mutation that can be replayed.
 */
class FuzzTest {
    static final long SEED = 20261124L;
    static final int MUTATIONS_PER_FILE = 150;

    @TempDir
    Path dir;

    @Test
    void mutatedTemplatesNeverBreakCheckOrAdd() throws IOException {
        Random random = new Random(SEED);
        List<Path> files = Corpus.files(".json");
        for (Path source : files) {
            byte[] original = Files.readAllBytes(source);
            for (int i = 0; i < MUTATIONS_PER_FILE; i++) {
                int kind = i % 4;
                byte[] mutant = mutate(original, kind, random);
                exercise(mutant, source.getFileName() + " mutation " + i + " (kind " + kind + ")");
            }
        }
    }

    @Test
    void tenThousandLevelsOfNestingAreAFindingNotAStackOverflow() throws IOException {
        String deep = "{\"$schema\":\"" + Fixtures.RG + "\",\"resources\":[" + "[".repeat(10_000) + "]".repeat(10_000) + "]}";
        String deepObjects = "{\"$schema\":\"" + Fixtures.RG + "\",\"resources\":[],\"x\":" + "{\"a\":".repeat(10_000)
                + "1" + "}".repeat(10_000) + "}";
        for (List<Finding> findings : List.of(exercise(deep.getBytes(StandardCharsets.UTF_8), "10,000 nested arrays"),
                exercise(deepObjects.getBytes(StandardCharsets.UTF_8), "10,000 nested objects"))) {
            // the depth itself is the finding (CUA001, which any template without tracking gets, would not say so)
            assertTrue(findings.stream().anyMatch(f -> f.code().equals("CUA012") && f.severity() == Severity.ERROR
                    && f.message().contains("nesting depth (1001) exceeds the maximum allowed (1000")), findings.toString());
        }
    }

    private List<Finding> exercise(byte[] content, String what) throws IOException {
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, content);
        List<Finding> findings;
        try {
            findings = ArmTemplates.check(file);
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("check failed on " + what + ": " + e, e);
        }
        try {
            ArmTemplates.add(file, ID);
            ArmTemplates.check(file);
        } catch (TemplateException expected) {
            assertArrayEquals(content, Files.readAllBytes(file), "a failed add left " + what + " changed");
        } catch (RuntimeException | StackOverflowError e) {
            fail("add failed on " + what + " with " + e, e);
        }
        return findings;
    }

    static byte[] mutate(byte[] original, int kind, Random random) {
        switch (kind) {
            case 0:
                return Arrays.copyOf(original, random.nextInt(original.length));
            case 1: {
                byte[] copy = original.clone();
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    int at = random.nextInt(copy.length);
                    copy[at] = (byte) (copy[at] ^ (1 << random.nextInt(8)));
                }
                return copy;
            }
            case 2: {
                String text = new String(original, StandardCharsets.UTF_8);
                String[] lines = text.split("\n", -1);
                int at = random.nextInt(lines.length);
                for (int tries = 0; tries < 50 && !lines[at].contains("\":"); tries++) {
                    at = random.nextInt(lines.length);
                }
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < lines.length; i++) {
                    out.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
                    if (i == at) {
                        out.append(lines[i].trim().endsWith(",") ? lines[i] : lines[i] + ",").append("\n");
                    }
                }
                return out.toString().getBytes(StandardCharsets.UTF_8);
            }
            default: {
                String text = new String(original, StandardCharsets.UTF_8);
                int at = text.indexOf("\"resources\"");
                if (at < 0) {
                    return original;
                }
                int colon = text.indexOf(':', at);
                int depth = 1 + random.nextInt(10_000);
                return (text.substring(0, colon + 1) + "[".repeat(depth) + "]".repeat(depth) + ","
                        + "\"resources2\":" + text.substring(colon + 1)).getBytes(StandardCharsets.UTF_8);
            }
        }
    }
}
