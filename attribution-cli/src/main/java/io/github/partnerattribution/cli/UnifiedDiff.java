package io.github.partnerattribution.cli;

import java.util.Arrays;
import java.util.List;

/** A unified diff of two texts that differ in one region, as the template edits produce. */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String of(String name, String before, String after) {
        List<String> a = Arrays.asList(before.split("\r?\n", -1));
        List<String> b = Arrays.asList(after.split("\r?\n", -1));
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        if (prefix == a.size() && prefix == b.size()) {
            return "";
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        int start = Math.max(0, prefix - CONTEXT);
        int endA = Math.min(a.size(), a.size() - suffix + CONTEXT);
        int endB = Math.min(b.size(), b.size() - suffix + CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(name).append('\n').append("+++ b/").append(name).append('\n');
        out.append("@@ -").append(start + 1).append(',').append(endA - start).append(" +").append(start + 1).append(',')
                .append(endB - start).append(" @@\n");
        for (int i = start; i < prefix; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < a.size() - suffix; i++) {
            out.append('-').append(a.get(i)).append('\n');
        }
        for (int i = prefix; i < b.size() - suffix; i++) {
            out.append('+').append(b.get(i)).append('\n');
        }
        for (int i = a.size() - suffix; i < endA; i++) {
            out.append(' ').append(a.get(i)).append('\n');
        }
        return out.toString();
    }
}
