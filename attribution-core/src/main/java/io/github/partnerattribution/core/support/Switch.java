package io.github.partnerattribution.core.support;

import java.util.Locale;

/** The words an on/off setting accepts, in one place for core and for hosts that read the setting themselves. Not API. */
public final class Switch {
    private Switch() {
    }

    /**
     * {@code true}, {@code 1}, {@code yes}, {@code on} are on; {@code false}, {@code 0}, {@code no}, {@code off} are off;
     * any case, surrounding blanks ignored.
     *
     * @return TRUE, FALSE, or null for any other value (a blank one included)
     */
    public static Boolean parse(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("1") || v.equals("yes") || v.equals("on")) {
            return Boolean.TRUE;
        }
        if (v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * Whether a parameter that switches attribution reads as an opt-out ({@code telemetryOptOut}, {@code opt_out},
     * {@code disableTelemetry}): true then means off. Any other ({@code enableTelemetry}) means on.
     */
    public static boolean namesOptOut(String parameterName) {
        String n = parameterName.toLowerCase(Locale.ROOT);
        return n.contains("optout") || n.contains("opt_out") || n.contains("disable");
    }
}
