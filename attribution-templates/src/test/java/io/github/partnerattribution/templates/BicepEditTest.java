package io.github.partnerattribution.templates;

import static io.github.partnerattribution.templates.RemoveKeepsEveryByteTest.OTHER;
import static io.github.partnerattribution.templates.RemoveKeepsEveryByteTest.firstDifference;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bicep remove and replace, with the guarantees JSON edits have: the declaration and its decorators, nothing else. */
class BicepEditTest {
    static final String TRACKING = "resource partnerAttribution 'Microsoft.Resources/deployments@2025-04-01' = {\n"
            + "  name: '" + Fixtures.ID.token() + "'\n  properties: {\n    mode: 'Incremental'\n    template: {\n"
            + "      '$schema': 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#'\n"
            + "      contentVersion: '1.0.0.0'\n      resources: []\n    }\n  }\n}\n";

    @TempDir
    Path dir;

    @Test
    void addThenRemoveGivesTheOriginalBytesBackOnEveryBicepFile() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> fixtures = Files.walk(RuleFixturesTest.ROOT)) {
            files.addAll(fixtures.filter(p -> p.toString().endsWith(".bicep")).sorted().collect(Collectors.toList()));
        }
        if (Files.isDirectory(Corpus.ROOT) || "true".equals(System.getenv("CI"))) {
            files.addAll(Corpus.files(".bicep"));
        }
        int roundTrips = 0;
        for (Path source : files) {
            Path copy = dir.resolve("main.bicep");
            Files.write(copy, Files.readAllBytes(source));
            try {
                ArmTemplates.remove(copy, null, TemplateOptions.defaults()); // its own tracking resources first
                byte[] original = Files.readAllBytes(copy);
                assertTrue(ArmTemplates.add(copy, OTHER).changed(), source.toString());
                assertTrue(ArmTemplates.remove(copy, OTHER, TemplateOptions.defaults()).changed(), source.toString());
                assertArrayEquals(original, Files.readAllBytes(copy), source + ": " + firstDifference(original,
                        Files.readAllBytes(copy)));
                roundTrips++;
            } catch (TemplateException notATemplate) { // a types-only library takes no tracking resource
                assertTrue(notATemplate.getMessage().contains("not a deployable template"), notATemplate.getMessage());
            }
        }
        assertTrue(roundTrips >= 10, roundTrips + " round trips");
    }

    @Test
    void removeTakesTheDeclarationAndItsDecoratorsAndNothingElse() throws IOException {
        String before = "param location string = resourceGroup().location\n\n// attribution: see the README\n"
                + "@description('Partner attribution')\n" + TRACKING + "\nresource store 'Microsoft.Storage/storageAccounts"
                + "@2023-01-01' = {\n  name: 'store'\n  location: location\n}\n";
        Path file = Files.writeString(dir.resolve("main.bicep"), before);
        TemplateEdit edit = ArmTemplates.remove(file, Fixtures.ID, TemplateOptions.defaults());
        assertTrue(edit.written());
        assertEquals(before.replace("@description('Partner attribution')\n" + TRACKING, ""), Files.readString(file),
                "the comment above and the blank line after stay; the decorator and the declaration go");
        assertFalse(ArmTemplates.remove(file, Fixtures.ID, TemplateOptions.defaults()).changed(), "none left");
    }

    @Test
    void replaceRewritesALiteralNameRefusesABuiltOneAndAddsWhenThereIsNone() throws IOException {
        Path file = Files.writeString(dir.resolve("main.bicep"), "param location string\n\n" + TRACKING);
        ArmTemplates.replace(file, OTHER, TemplateOptions.defaults());
        assertEquals("param location string\n\n" + TRACKING.replace(Fixtures.ID.token(), OTHER.token()),
                Files.readString(file));
        assertFalse(ArmTemplates.replace(file, OTHER, TemplateOptions.defaults()).changed());

        String built = "var guid = '" + Fixtures.ID.guid() + "'\n" + TRACKING.replace("'" + Fixtures.ID.token() + "'",
                "'pid-${guid}'");
        Path mainBuilt = Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("main.bicep"), built);
        TemplateException refused = assertThrows(TemplateException.class,
                () -> ArmTemplates.replace(mainBuilt, OTHER, TemplateOptions.defaults()));
        assertTrue(refused.getMessage().contains("built by an expression") && refused.getMessage()
                .contains("Nothing was changed"), refused.getMessage());
        assertEquals(built, Files.readString(mainBuilt));

        Path none = Files.writeString(dir.resolve("none.bicep"), "param location string\n");
        assertTrue(ArmTemplates.replace(none, OTHER, TemplateOptions.defaults()).written());
        assertTrue(Files.readString(none).contains("name: '" + OTHER.token() + "'"));
    }

    @Test
    void aModuleIsNotEditedAndNeitherIsTextThatIsNotUtf8() throws IOException {
        Path module = dir.resolve("nestedtemplates").resolve("db.bicep");
        Files.createDirectories(module.getParent());
        Files.writeString(module, TRACKING);
        TemplateException refused = assertThrows(TemplateException.class,
                () -> ArmTemplates.remove(module, null, TemplateOptions.defaults()));
        assertTrue(refused.getMessage().contains("nested Bicep file"), refused.getMessage());
        Path latin1 = Files.write(dir.resolve("main.bicep"), new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'});
        assertThrows(TemplateException.class, () -> ArmTemplates.remove(latin1, null, TemplateOptions.defaults()));
        assertArrayEquals(new byte[] {'/', '/', ' ', (byte) 0xE9, '\n'}, Files.readAllBytes(latin1));
    }
}
