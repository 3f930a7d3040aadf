package io.github.partnerattribution.templates;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code remove} after {@code add} gives back the exact original bytes, on every fixture and every corpus template;
 * and on a template the partner wrote, it takes the tracking resource and the comma it owns, nothing else.
 */
class RemoveKeepsEveryByteTest {
    /** An id no fixture holds, so add always adds. */
    static final PartnerId OTHER = PartnerId.parse("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");

    @TempDir
    Path dir;

    static List<Path> templates() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> fixtures = Files.walk(RuleFixturesTest.ROOT)) {
            all.addAll(fixtures.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList()));
        }
        if (Files.isDirectory(Corpus.ROOT) || "true".equals(System.getenv("CI"))) { // under CI the corpus must be there
            try (Stream<Path> corpus = Files.walk(Corpus.root())) {
                all.addAll(corpus.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList()));
            }
        }
        return all;
    }

    @Test
    void addThenRemoveGivesTheOriginalBytesBackOnEveryTemplate() throws IOException {
        roundTripsOnEveryTemplate(TemplateOptions.defaults());
    }

    @Test
    void addWithAnOptOutParameterThenRemoveGivesTheOriginalBytesBackOnEveryTemplate() throws IOException {
        roundTripsOnEveryTemplate(TemplateOptions.defaults().withOptOutParameter("enablePartnerAttribution"));
        roundTripsOnEveryTemplate(TemplateOptions.defaults().withOptOutParameter("telemetryOptOut"));
    }

    private void roundTripsOnEveryTemplate(TemplateOptions adding) throws IOException {
        int roundTrips = 0;
        List<String> refused = new ArrayList<>();
        for (Path template : templates()) {
            Path copy = dir.resolve("mainTemplate.json"); // as the main template, wherever it came from
            Files.write(copy, Files.readAllBytes(template));
            byte[] original;
            try {
                // one that holds tracking resources already is first taken without them: its shape is what counts
                ArmTemplates.remove(copy, null, TemplateOptions.defaults());
                original = Files.readAllBytes(copy);
                if (!ArmTemplates.add(copy, OTHER, adding).changed()) {
                    continue;
                }
            } catch (TemplateException cannotTakeIt) { // not a template, invalid JSON: nothing to undo
                refused.add(template.getFileName() + ": " + cannotTakeIt.getMessage());
                continue;
            }
            if (adding.optOutParameter() != null) {
                assertTrue(ArmTemplates.check(copy).stream().noneMatch(f -> f.code().equals("CUA001")), template
                        + ": the switched tracking resource counts");
            }
            assertTrue(ArmTemplates.remove(copy, OTHER, TemplateOptions.defaults()).changed(), template.toString());
            assertArrayEquals(original, Files.readAllBytes(copy), template + ": remove after add changed bytes: "
                    + firstDifference(original, Files.readAllBytes(copy)));
            roundTrips++;
        }
        assertTrue(roundTrips >= 50, roundTrips + " round trips; refused: " + refused);
    }

    @Test
    void aCommentAtTheEndOfTheLastResourceLineOfALanguageVersion2TemplateStays() throws IOException {
        String text = "{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"languageVersion\": \"2.0\",\n  \"contentVersion\":"
                + " \"1.0.0.0\",\n  \"resources\": {\n    \"store\": { \"type\": \"Microsoft.Storage/storageAccounts\","
                + " \"apiVersion\": \"2023-01-01\", \"name\": \"s\", \"location\": \"westeurope\" } /* trailing */\n  }\n}\n";
        roundTrip(text);
        roundTrip(text.replace("/* trailing */", "// trailing"));
    }

    @Test
    void trailingSpacesOnAnyLineStay() throws IOException {
        String text = Fixtures.template(Fixtures.RG, "", Fixtures.storage() + "      ").replace("\"resources\": [",
                "\"resources\": [      ");
        roundTrip(text);
        roundTrip(text.replace("\n", "\r\n"));
        roundTrip("{\"$schema\": \"" + Fixtures.RG + "\", \"resources\": [ " + Fixtures.storage() + " ]}");
        roundTrip("{\"$schema\": \"" + Fixtures.RG + "\", \"resources\": [ ]}");
        // "[]" and "[" + line break + "  ]" both become the same text after add, so remove gives one of them back:
        // "[]", the way templates write an empty array
        String blank = "{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"resources\": [\n  ]\n}\n";
        Path file = dir.resolve("mainTemplate.json");
        Files.writeString(file, blank);
        ArmTemplates.add(file, OTHER);
        ArmTemplates.remove(file, OTHER, TemplateOptions.defaults());
        assertEquals(blank.replace("[\n  ]", "[]"), Files.readString(file));
        roundTrip("{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"resources\": [\n    " + Fixtures.storage() + ",\n  ]\n}\n");
    }

    @Test
    void onATemplateThePartnerWroteOnlyTheResourceAndItsCommaGo() throws IOException {
        String tracking = Fixtures.tracking(OTHER.token(), "");
        String store = Fixtures.storage();
        String before = "{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"resources\": [\n    " + store + ", // the store\n"
                + "    " + tracking + ",\n    /* the app */\n    " + store.replace("\"store\"", "\"app\"") + "\n  ]\n}\n";
        String middle = remove(before);
        assertEquals(before.replace("    " + tracking + ",\n", ""), middle);
        String last = "{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"resources\": [\n    " + store + ", // the store\n"
                + "    " + tracking + "\n  ]\n}\n";
        assertEquals("{\n  \"$schema\": \"" + Fixtures.RG + "\",\n  \"resources\": [\n    " + store + " // the store\n"
                + "  ]\n}\n", remove(last), "the comma it owned goes, the comment stays");
    }

    private void roundTrip(String text) throws IOException {
        Path file = dir.resolve("mainTemplate.json");
        byte[] original = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, original);
        assertTrue(ArmTemplates.add(file, OTHER).changed(), text);
        ArmTemplates.remove(file, OTHER, TemplateOptions.defaults());
        assertArrayEquals(original, Files.readAllBytes(file), () -> "after add and remove of\n" + text + "\n"
                + firstDifference(original, readQuietly(file)));
    }

    private String remove(String text) throws IOException {
        Path file = dir.resolve("mainTemplate.json");
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        assertTrue(ArmTemplates.remove(file, OTHER, TemplateOptions.defaults()).changed());
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static byte[] readQuietly(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    static String firstDifference(byte[] a, byte[] b) {
        int i = 0;
        while (i < a.length && i < b.length && a[i] == b[i]) {
            i++;
        }
        String was = new String(a, Math.max(0, i - 30), Math.min(a.length, i + 30) - Math.max(0, i - 30), StandardCharsets.UTF_8);
        String is = new String(b, Math.max(0, i - 30), Math.min(b.length, i + 30) - Math.max(0, i - 30), StandardCharsets.UTF_8);
        return "at byte " + i + ": was " + io.github.partnerattribution.core.support.Text.quote(was) + ", is "
                + io.github.partnerattribution.core.support.Text.quote(is);
    }
}
