package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Map;

/**
 * Jazzer fuzz tests of the inputs that come from outside: partner ids, User-Agents and the environment, registry
 * files. In a plain test run they replay the kept inputs under src/test/resources; the build's "fuzz" execution
 * fuzzes for a bounded time. Properties: only the documented exception, and no header value we produce ever holds
 * a CR, LF or other control character that the caller did not put there.
 */
class CoreFuzzTest {
    static final PartnerId ID = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");

    @FuzzTest(maxDuration = "10s")
    void partnerIdParse(FuzzedDataProvider data) {
        String input = data.consumeRemainingAsString();
        PartnerId id;
        try {
            id = PartnerId.parse(input);
        } catch (InvalidPartnerIdException expected) {
            assertTrue(expected.getMessage().chars().noneMatch(c -> c < 0x20 || c == 0x7f), expected.getMessage());
            return;
        }
        assertTrue(id.token().matches("pid-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}(-partnercenter)?"), id.token());
        assertEquals(id, PartnerId.parse(id.token()));
    }

    @FuzzTest(maxDuration = "10s")
    void attributedUserAgents(FuzzedDataProvider data) {
        String userAgent = data.consumeBoolean() ? null : data.consumeString(300);
        String extra = data.consumeString(300);
        String idText = data.consumeRemainingAsString();
        Attribution attribution;
        try {
            attribution = Attribution.fromEnvironment(Map.of(), Map.of("AZURE_PARTNER_ID", idText,
                    "AZURE_HTTP_USER_AGENT", extra));
        } catch (InvalidPartnerIdException expected) {
            attribution = Attribution.of(ID, Map.of(), Map.of("AZURE_HTTP_USER_AGENT", extra));
        }
        String out = attribution.apply(userAgent);
        if (!attribution.isActive()) {
            assertEquals(userAgent, out, "no id: the User-Agent is untouched");
            return;
        }
        // Blank as the library means it (white space only); the caller's own value stays in front, made header-safe
        // (itself, when it already is), and the whole result is a valid header value.
        boolean blank = userAgent == null || UserAgents.headerValue(userAgent).trim().isEmpty();
        String base = blank ? "" : UserAgents.headerValue(userAgent);
        assertTrue(out.startsWith(base), "the original is kept in front");
        if (!blank && userAgent.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t')) {
            assertTrue(out.startsWith(userAgent), "a valid original is kept as it is");
        }
        assertTrue(out.chars().allMatch(c -> (c >= 0x20 && c < 0x7f) || c == '\t'), "not a valid header value: " + out);
        PartnerId id = attribution.partnerId();
        assertTrue(UserAgents.contains(out, id), out);
        assertEquals(out, attribution.apply(out), "applying twice changes nothing");
        assertEquals(out, UserAgents.append(out, id));
    }

    @FuzzTest(maxDuration = "10s")
    void registryLoading(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            PartnerIdRegistry registry = PartnerIdRegistry.parse(text, "fuzz.properties");
            for (PartnerIdRegistry.Entry e : registry.entries()) {
                assertEquals(e.partnerId(), registry.get(e.key()));
            }
        } catch (InvalidRegistryException expected) {
            assertTrue(!expected.problems().isEmpty());
        }
    }
}
