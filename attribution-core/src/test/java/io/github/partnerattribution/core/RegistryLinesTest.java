package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The registry's lines, split by hand, against the regular expression that split them before. */
class RegistryLinesTest {
    @Test
    void everyTextIsSplitAtCrLfCrAndLfAsTheRegularExpressionWould() {
        Random random = new Random(20261202L);
        String[] pieces = {"a", "=", " ", "\r", "\n", "\r\n", "\n\r", "#x", "\uFEFF"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(10); n > 0; n--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            List<String> expected = Arrays.asList(text.toString().split("\r\n|\r|\n", -1));
            assertEquals(expected, PartnerIdRegistry.lines(text.toString()), () -> text.toString()
                    .replace("\r", "\\r").replace("\n", "\\n"));
        }
    }
}
