package io.github.partnerattribution.core.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void printableEscapesWhatCouldDriveATerminal() {
        assertEquals("name\\u001B]0;pwned\\u0007 \\u001B[2J\\r\\nFound: fake".replace("\\r\\n", "\\u000D\\u000A"),
                Text.printable("name\u001b]0;pwned\u0007 \u001b[2J\r\nFound: fake"));
        assertEquals("a\\u009Bb\\u202Ec\\u007F", Text.printable("a\u009bb\u202ec\u007f"));
    }

    @Test
    void printableKeepsOrdinaryTextAsItIs() {
        String ordinary = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/caf\u00e9 \uD83D\uDE80";
        assertSame(ordinary, Text.printable(ordinary));
    }

    @Test
    void closestNamesTheKeyAMistypedOneMeantAndNothingFarOff() {
        java.util.List<String> keys = java.util.Arrays.asList("backup.github", "backup.marketplace", "backup");
        assertEquals("backup.marketplace", Text.closest("backup.marketplce", keys), "a letter dropped");
        assertEquals("backup.marketplace", Text.closest("backup.amrketplace", keys), "two letters swapped");
        assertEquals("backup.github", Text.closest("backup.githbu", keys));
        assertEquals(null, Text.closest("storage.marketplace", keys), "another word is no typo");
        assertEquals(null, Text.closest("backup.marketplace", keys), "the key itself needs no suggestion");
        assertEquals(null, Text.closest("x", java.util.Collections.<String>emptyList()));
        assertEquals(1, Text.editDistance("ab", "ba"));
        assertEquals(3, Text.editDistance("kitten", "sitting"));
    }

    @Test
    void aParameterNameIsALetterOrUnderscoreThenWordCharactersUpTo255() {
        org.junit.jupiter.api.Assertions.assertTrue(Text.isParameterName("enableTelemetry"));
        org.junit.jupiter.api.Assertions.assertTrue(Text.isParameterName("_opt_out2"));
        org.junit.jupiter.api.Assertions.assertTrue(Text.isParameterName("a" + "b".repeat(254)));
        for (String bad : new String[] {null, "", "2fast", "enable-telemetry", "enable telemetry", "caf\u00e9",
                "a" + "b".repeat(255)}) {
            org.junit.jupiter.api.Assertions.assertFalse(Text.isParameterName(bad), String.valueOf(bad));
        }
    }
}
