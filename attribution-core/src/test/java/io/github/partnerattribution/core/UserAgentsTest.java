package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserAgentsTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final PartnerId OTHER = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");
    static final String SDK = "azsdk-java-azure-resourcemanager-resources/2.57.0 (17.0.15; Linux; 6.1.0)";

    @Test
    void appendsAtTheEndAfterOneSpace() {
        assertEquals(SDK + " " + ID.token(), UserAgents.append(SDK, ID));
    }

    @Test
    void appendingTwiceChangesNothing() {
        String once = UserAgents.append(SDK, ID);
        assertSame(once, UserAgents.append(once, ID));
        assertEquals(1, UserAgents.occurrences(once, ID));
    }

    @Test
    void aMissingOrBlankValueGetsTheTokenAlone() {
        assertEquals(ID.token(), UserAgents.append(null, ID));
        assertEquals(ID.token(), UserAgents.append("", ID));
        assertEquals(ID.token(), UserAgents.append("   ", ID));
    }

    @Test
    void aDifferentPidIsKeptAndOursComesLast() {
        String ua = UserAgents.append(SDK + " " + OTHER.token(), ID);
        assertEquals(SDK + " " + OTHER.token() + " " + ID.token(), ua);
        assertEquals(List.of(OTHER, ID), UserAgents.partnerIds(ua));
    }

    @Test
    void theSamePidInUpperCaseIsNotAddedAgain() {
        String ua = SDK + " " + ID.token().toUpperCase(Locale.ROOT);
        assertSame(ua, UserAgents.append(ua, ID));
        assertTrue(UserAgents.carriesExactlyOnce(ua, ID));
    }

    @Test
    void theTokenCountsOnlyAsAWholeWord() {
        String glued = SDK + " x" + ID.token();
        assertFalse(UserAgents.contains(glued, ID));
        assertEquals(glued + " " + ID.token(), UserAgents.append(glued, ID));

        String marketplace = SDK + " " + ID.token() + "-partnercenter";
        assertFalse(UserAgents.contains(marketplace, ID), "pid-<guid>-partnercenter is another token");
        assertTrue(UserAgents.contains("(" + ID.token() + ")", ID), "parentheses delimit a word");
        assertTrue(UserAgents.contains("app/" + ID.token(), ID), "a slash delimits a word");
    }

    @Test
    void aTrailingSpaceIsNotDoubled() {
        assertEquals(SDK + " " + ID.token(), UserAgents.append(SDK + " ", ID));
    }

    @Test
    void countsAndChecksExactlyOnce() {
        String twice = ID.token() + " " + SDK + " " + ID.token();
        assertEquals(2, UserAgents.occurrences(twice, ID));
        assertFalse(UserAgents.carriesExactlyOnce(twice, ID));
        assertFalse(UserAgents.carriesExactlyOnce(SDK, ID));
        assertFalse(UserAgents.carriesExactlyOnce(null, ID));
        assertEquals(0, UserAgents.occurrences(null, ID));
    }

    @Test
    void extractsValidPartnerIdsInOrderAndSkipsMalformedOnes() {
        String ua = "pid-eb7927c8-dd66-43e1-b0cf-c346a422063 " + SDK + " PID-" + OTHER.guid().toUpperCase(Locale.ROOT)
                + " pid-pid-" + ID.guid() + " (pid-" + ID.guid() + "-partnercenter) xpid-" + ID.guid();
        assertEquals(List.of(OTHER, PartnerId.parse("pid-" + ID.guid() + "-partnercenter")), UserAgents.partnerIds(ua));
        assertEquals(List.of(), UserAgents.partnerIds(null));
        assertEquals(List.of(), UserAgents.partnerIds(SDK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"caf\u00e9", "a\u00a0b", "x\r\nInjected: 1", "tab\tok", "\u0000\u0007\u001b[2J", "\u200b",
            "\uD83D\uDE80", "\uD800 lone", "\u007f"})
    void theResultIsAlwaysAValidHeaderValue(String hostile) {
        String out = UserAgents.append("app/1 " + hostile, ID);
        assertTrue(out.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t'), out);
        assertTrue(out.endsWith(" " + ID.token()), out);
        assertTrue(out.startsWith("app/1 "), out);
        assertEquals(out, UserAgents.append(out, ID));
    }

    @Test
    void aValidValueIsKeptAsTheSameInstance() {
        String valid = "app/1 (x; y)\tz";
        assertSame(valid, UserAgents.headerValue(valid));
        assertEquals("caf%C3%A9 x", UserAgents.headerValue("caf\u00e9\r\nx"));
    }

    @Test
    void rejectsANullId() {
        NullPointerException e = assertThrows(NullPointerException.class, () -> UserAgents.append(SDK, null));
        assertEquals("partnerId must not be null", e.getMessage());
    }
}
