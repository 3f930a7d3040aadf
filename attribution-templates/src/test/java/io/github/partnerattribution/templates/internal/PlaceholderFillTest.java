package io.github.partnerattribution.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Build placeholders in names, filled without a regular expression, against the one that defines them. */
class PlaceholderFillTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    @Test
    void aNameIsFilledAsTheBuildWouldAndWhatHasNoValueIsKeptAndNamed() {
        Map<String, String> properties = new HashMap<>();
        properties.put("admin.start", "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
        List<String> missing = new ArrayList<>();
        assertEquals("pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d-${admin.end}",
                JsonModel.filled("${admin.start}-${admin.end}", properties, missing));
        assertEquals(List.of("${admin.end}"), missing);
    }

    @Test
    void everyNameIsFilledAsTheRegularExpressionWould() {
        Random random = new Random(20261202L);
        String[] pieces = {"$", "{", "}", "a", "b", "${", "${a}", "${b}", "-"};
        Map<String, String> properties = new HashMap<>();
        properties.put("a", "A");
        properties.put("", "EMPTY");
        int filled = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder raw = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                raw.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expectedMissing = new ArrayList<>();
            String expected = oracle(raw.toString(), properties, expectedMissing);
            List<String> missing = new ArrayList<>();
            assertEquals(expected, JsonModel.filled(raw.toString(), properties, missing), raw::toString);
            assertEquals(expectedMissing, missing, raw::toString);
            filled += expected.equals(raw.toString()) ? 0 : 1;
        }
        assertTrue(filled > 1_000, "the random names hold filled placeholders too: " + filled);
    }

    private static String oracle(String raw, Map<String, String> properties, List<String> missing) {
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuffer out = new StringBuffer();
        while (m.find()) {
            String value = properties.get(m.group(1));
            if (value == null) {
                missing.add(m.group(0));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group(0) : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
