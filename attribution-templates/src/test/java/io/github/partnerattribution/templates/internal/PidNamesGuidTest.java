package io.github.partnerattribution.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Finding {@code pid-<guid>} in a name by hand, against the regular expression that defined it. */
class PidNamesGuidTest {
    private static final Pattern PID_GUID = Pattern.compile(
            "(?i)pid-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Test
    void aGuidAfterPidIsFoundWhereverItStandsInEitherCaseAndOnlyAsAsciiLetters() {
        String guid = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
        assertEquals(0, PidNames.indexOfPidGuid("pid-" + guid));
        assertEquals(7, PidNames.indexOfPidGuid("deploy-PID-" + guid.toUpperCase() + "-x"));
        assertEquals(-1, PidNames.indexOfPidGuid("pid-" + guid.substring(1)));
        assertEquals(-1, PidNames.indexOfPidGuid("p\u0131d-" + guid), "a dotless i only folds to I");
        assertTrue(PidNames.holdsGuid("pid-1b2c3d4e-"));
        assertEquals(false, PidNames.holdsGuid("pid-1b2c3d4g-"));
    }

    @Test
    void everyTextIsSearchedAsTheRegularExpressionWould() {
        Random random = new Random(20261202L);
        String[] pieces = {"pid-", "PiD-", "x", "-", "1b2c3d4e", "5f60", "0e1f2a3b4c5d", "a", "F", "0", "p\u0131d-"};
        int found = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(14); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            if (random.nextInt(4) == 0) {
                int at = random.nextInt(text.length() + 1);
                text.insert(at, "pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d".substring(0, 30 + random.nextInt(11)));
            }
            Matcher m = PID_GUID.matcher(text);
            int expected = m.find() ? m.start() : -1;
            assertEquals(expected, PidNames.indexOfPidGuid(text.toString()), text::toString);
            boolean holds = PidNames.guidRun(text.toString()) >= 9
                    && text.substring(4, 12).matches("[0-9a-fA-F]{8}");
            if (text.length() >= 4) {
                assertEquals(holds, PidNames.holdsGuid(text.toString()), text::toString);
            }
            found += expected >= 0 ? 1 : 0;
        }
        assertTrue(found > 1_000, "the random texts hold ids too: " + found);
    }
}
