package io.github.partnerattribution.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The link resolver's path patterns, matched without regular expressions, against java.util.regex as the oracle. */
class LinkGlobTest {
    private static final char GAP = Expressions.GAP;
    private static final char ONE = Expressions.OPAQUE;

    @Test
    void aGapIsAnyRunWithinOneSegmentAndAnOpaqueCharacterExactlyOne() {
        assertTrue(LinkResolver.segmentMatches("nested" + GAP + ".json", "nested1.json"));
        assertTrue(LinkResolver.segmentMatches("nested" + GAP + ".json", "nested.json"));
        assertTrue(LinkResolver.segmentMatches(GAP + "Template.json", "dbTemplate.json"));
        assertTrue(LinkResolver.segmentMatches("v" + ONE + ".json", "v2.json"));
        assertFalse(LinkResolver.segmentMatches("v" + ONE + ".json", "v.json"));
        assertFalse(LinkResolver.segmentMatches("nested" + GAP + ".json", "Nested1.json")); // case counts
        assertTrue(LinkResolver.matches(("nestedtemplates/" + GAP + ".json").split("/", -1), "s1/nestedtemplates/a.json",
                true));
        assertFalse(LinkResolver.matches(("nestedtemplates/" + GAP + ".json").split("/", -1),
                "s1/nestedtemplates/a.json", false));
        assertFalse(LinkResolver.matches((GAP + ".json").split("/", -1), "nestedtemplates/a.json", false),
                "a gap never spans a separator");
    }

    @Test
    void everyPatternMatchesWhatItsRegularExpressionWould() {
        Random random = new Random(20261202L);
        char[] patternChars = {'a', 'b', '.', '/', GAP, GAP, ONE};
        char[] pathChars = {'a', 'b', '.', '/'};
        int matched = 0;
        for (int i = 0; i < 20_000; i++) {
            String pattern = word(random, patternChars, 1 + random.nextInt(7));
            String path = word(random, pathChars, random.nextInt(9));
            for (boolean suffix : new boolean[] {false, true}) {
                boolean expected = Pattern.compile((suffix ? "(?:.*/)?" : "") + regex(pattern)).matcher(path).matches();
                assertEquals(expected, LinkResolver.matches(pattern.split("/", -1), path, suffix),
                        () -> "pattern " + shown(pattern) + " against " + path + (suffix ? " as a suffix" : ""));
                matched += expected ? 1 : 0;
            }
        }
        assertTrue(matched > 1_000, "the random cases hold matches too: " + matched);
    }

    private static String word(Random random, char[] alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return out.toString();
    }

    /** The pattern as the resolver compiled it before: a gap is [^/]*, an opaque character [^/]. */
    private static String regex(String pattern) {
        StringBuilder out = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            out.append(c == GAP ? "[^/]*" : c == ONE ? "[^/]" : Pattern.quote(String.valueOf(c)));
        }
        return out.toString();
    }

    private static String shown(String pattern) {
        return pattern.replace(GAP, '*').replace(ONE, '?');
    }
}
