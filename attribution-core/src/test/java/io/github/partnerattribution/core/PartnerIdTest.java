package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PartnerIdTest {
    static final String G = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final String DOC_EXAMPLE = "eb7927c8-dd66-43e1-b0cf-c346a422063";

    static Stream<Arguments> valid() {
        String upper = G.toUpperCase(Locale.ROOT);
        String bare = G.replace("-", "");
        return Stream.of(
                Arguments.of(G, G, false),
                Arguments.of(upper, G, false),
                Arguments.of("pid-" + G, G, false),
                Arguments.of("PID-" + G, G, false),
                Arguments.of("Pid-" + upper, G, false),
                Arguments.of("{" + G + "}", G, false),
                Arguments.of("{" + upper + "}", G, false),
                Arguments.of("pid-{" + G + "}", G, false),
                Arguments.of(bare, G, false),
                Arguments.of(bare.toUpperCase(Locale.ROOT), G, false),
                Arguments.of("pid-" + bare, G, false),
                Arguments.of("pid-" + G + "-partnercenter", G, true),
                Arguments.of("PID-" + upper + "-PARTNERCENTER", G, true),
                Arguments.of("   " + G + "   ", G, false),
                Arguments.of("\t pid-" + G + " \n", G, false),
                Arguments.of(G + "\r\n", G, false),
                Arguments.of("pid-a63dea86-f8db-4e75-a231-1145d4f3ab6e-partnercenter",
                        "a63dea86-f8db-4e75-a231-1145d4f3ab6e", true),
                Arguments.of("b446fe15-5d43-5549-858d-4775741cd0ba", "b446fe15-5d43-5549-858d-4775741cd0ba", false),
                Arguments.of("00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-000000000000", false));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("valid")
    void acceptsAndNormalises(String input, String guid, boolean partnerCenter) {
        PartnerId id = PartnerId.parse(input);
        assertAll(
                () -> assertEquals(guid, id.guid()),
                () -> assertEquals("pid-" + guid + (partnerCenter ? "-partnercenter" : ""), id.token()),
                () -> assertEquals(id.token(), id.toString()),
                () -> assertEquals(partnerCenter, id.isPartnerCenter()),
                () -> assertEquals(id, PartnerId.parse(id.token()), "the token parses back to the same id"));
    }

    static Stream<Arguments> invalid() {
        String upper = G.toUpperCase(Locale.ROOT);
        return Stream.of(
                Arguments.of(DOC_EXAMPLE, "group 5 has 11 hex digits; it needs 12. This is the example GUID from Microsoft"),
                Arguments.of("pid-" + DOC_EXAMPLE, "group 5 has 11 hex digits; it needs 12"),
                Arguments.of(DOC_EXAMPLE.toUpperCase(Locale.ROOT), "one digit short"),
                Arguments.of("pid-pid-" + G, "the prefix is doubled ('pid-pid-')"),
                Arguments.of("PID-pid-" + G, "the prefix is doubled"),
                Arguments.of("pid" + G, "the prefix must be written 'pid-', with a hyphen"),
                Arguments.of("pid_" + G, "the prefix must be written 'pid-'"),
                Arguments.of(null, "it is null"),
                Arguments.of("", "it is empty"),
                Arguments.of("   ", "it holds only white space"),
                Arguments.of("1b2c3d4e-5f60\r-4a7b-8c9d-0e1f2a3b4c5d", "a carriage return (U+000D) at position 14 is not allowed"),
                Arguments.of("pid-" + G + "\nX-Injected: yes", "a line feed (U+000A) at position 41 is not allowed"),
                Arguments.of("pid-" + G + "\r\nX-Injected: yes", "a carriage return (U+000D) at position 41"),
                Arguments.of("1b2c3d4e\t5f60-4a7b-8c9d-0e1f2a3b4c5d", "a tab (U+0009) at position 9"),
                Arguments.of(G.substring(0, 10) + "\0" + G.substring(11), "a NUL character (U+0000) at position 11"),
                Arguments.of("\uFF11" + G.substring(1), "'\uFF11' (U+FF11 FULLWIDTH DIGIT ONE) at position 1"),
                Arguments.of(G.substring(0, 35) + "\uFF15", "U+FF15 FULLWIDTH DIGIT FIVE) at position 36"),
                Arguments.of(G.substring(0, 9) + "\u0665" + G.substring(10), "U+0665 ARABIC-INDIC DIGIT FIVE) at position 10"),
                Arguments.of("\u06F1" + G.substring(1), "U+06F1 EXTENDED ARABIC-INDIC DIGIT ONE"),
                Arguments.of("\u0430" + G.substring(1), "U+0430 CYRILLIC SMALL LETTER A"),
                Arguments.of(G.substring(0, 4) + "\u200B" + G.substring(4), "the control character U+200B at position 5"),
                Arguments.of(G + "\u007F", "the control character U+007F at position 37"),
                Arguments.of("1b2c3d4g-5f60-4a7b-8c9d-0e1f2a3b4c5d", "'g' at position 8 is not a hexadecimal digit (0-9, a-f)"),
                Arguments.of("urn:uuid:" + G, "'u' at position 1 is not a hexadecimal digit"),
                Arguments.of(G.replace("-", "").substring(1), "it has 31 hex digits; a GUID has 32"),
                Arguments.of(G.replace("-", "") + "a", "it has 33 hex digits; a GUID has 32"),
                Arguments.of("1b2c3d4e5f60-4a7b-8c9d-0e1f2a3b4c5d", "it has 4 groups separated by '-'; a GUID has 5"),
                Arguments.of(G + "-00", "it has 6 groups separated by '-'"),
                Arguments.of("1b2c3d4-5f60-4a7b-8c9d-0e1f2a3b4c5d0", "group 1 has 7 hex digits; it needs 8"),
                Arguments.of("1b2c3d4e-5f60a-4a7b-8c9d-0e1f2a3b4c5", "group 2 has 5 hex digits; it needs 4"),
                Arguments.of("1b2c3d4e--4a7b-8c9d-0e1f2a3b4c5d0000", "group 2 has 0 hex digits; it needs 4"),
                Arguments.of("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d0", "group 5 has 13 hex digits; it needs 12"),
                Arguments.of("{" + G, "the brace at position 1 is never closed"),
                Arguments.of(G + "}", "the closing brace at position 37 has no opening brace"),
                Arguments.of("{}", "it has 0 hex digits"),
                Arguments.of("pid-", "no GUID follows the 'pid-' prefix"),
                Arguments.of("1b2c3d4e 5f60-4a7b-8c9d-0e1f2a3b4c5d", "a space at position 9 is not allowed"),
                Arguments.of("pid-" + upper + "-partnercenter-partnercenter", "'p' at position 42 is not a hexadecimal digit"),
                Arguments.of("0a52f317-8b40-4a77-9f3c-7607fc3ebfb7wls", "'w' at position 37 is not a hexadecimal digit"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("invalid")
    void rejectsWithThePreciseProblem(String input, String expectedProblem) {
        InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class, () -> PartnerId.parse(input));
        String message = e.getMessage();
        assertAll(
                () -> assertTrue(message.contains(expectedProblem), () -> "message was: " + message),
                () -> assertTrue(message.startsWith("Not a partner id: "), message),
                () -> assertTrue(message.contains("e.g. pid-"), "shows a valid example: " + message),
                () -> assertTrue(message.chars().noneMatch(c -> c < 0x20 || c == 0x7f || c == 0x200B),
                        "no control character reaches the message: " + message),
                () -> assertTrue(e instanceof IllegalArgumentException));
        if (input != null) {
            assertTrue(e.input().startsWith("\"") && e.input().endsWith("\""), e.input());
        } else {
            assertNull(e.input());
        }
    }

    @Test
    void quotesTheInputWithControlCharactersEscaped() {
        InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class,
                () -> PartnerId.parse("pid-" + G + "\r\nX: \"y\"\0"));
        assertEquals("\"pid-" + G + "\\r\\nX: \\\"y\\\"\\u0000\"", e.input());
        assertTrue(e.getMessage().contains(e.input()));
    }

    @Test
    void cutsAVeryLongInputInTheMessage() {
        String longInput = "x".repeat(10_000);
        InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class, () -> PartnerId.parse(longInput));
        assertTrue(e.getMessage().length() < 400, e.getMessage());
        assertTrue(e.getMessage().contains("(10000 characters)"), e.getMessage());
    }

    @Test
    void thePartnerCenterPlaceholderOfMicrosoftsPageIsNamedAsOne() {
        for (String placeholder : new String[] {"pid-contoso-myoffer-partnercenter", "PID-Contoso-MyOffer-PartnerCenter",
                "pid-fabrikam-backup-plan1-partnercenter"}) {
            InvalidPartnerIdException e = assertThrows(InvalidPartnerIdException.class,
                    () -> PartnerId.parse(placeholder));
            assertEquals("this is a placeholder for a Partner Center tracking id, pid-<guid>-partnercenter, not an id:"
                    + " copy the tracking id exactly as Partner Center shows it on the plan's technical configuration"
                    + " page", e.problem(), placeholder);
        }
        // a GUID with a typo is still told by its digits, not taken for a placeholder
        InvalidPartnerIdException typo = assertThrows(InvalidPartnerIdException.class,
                () -> PartnerId.parse("pid-" + G.substring(0, 35) + "-partnercenter"));
        assertTrue(typo.problem().startsWith("group 5 has 11 hex digits"), typo.problem());
        assertEquals(G, PartnerId.parse("pid-" + G + "-partnercenter").guid());
    }

    @Test
    void equalityIsByCanonicalToken() {
        assertEquals(PartnerId.parse(G), PartnerId.parse("PID-{" + G.toUpperCase(Locale.ROOT) + "}"));
        assertEquals(PartnerId.parse(G).hashCode(), PartnerId.parse(G.replace("-", "")).hashCode());
        assertNotEquals(PartnerId.parse(G), PartnerId.parse("pid-" + G + "-partnercenter"));
        assertNotEquals(PartnerId.parse(G), PartnerId.parse("2b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"));
    }

    @Test
    void randomIdsAreVersion4AndDistinct() {
        Set<PartnerId> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PartnerId id = PartnerId.random();
            assertEquals('4', id.guid().charAt(14), id.guid());
            assertTrue("89ab".indexOf(id.guid().charAt(19)) >= 0, id.guid());
            assertFalse(id.isPartnerCenter());
            assertEquals(id, PartnerId.parse(id.token()));
            assertTrue(seen.add(id), "duplicate " + id);
        }
    }
}
