package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.support.Switch;
import java.util.Locale;

/**
 * The customer's opt-out parameter that {@code add --opt-out-parameter} writes, JSON and Bicep alike: a {@code bool}
 * with attribution on by default. A name that reads as an opt-out ({@code telemetryOptOut}, {@code disableTelemetry})
 * defaults to {@code false} and is negated in the condition; any other ({@code enableTelemetry}) defaults to
 * {@code true}. Its description is also how {@code remove} knows the parameter is the one add wrote. Not API.
 */
public final class OptOut {
    private OptOut() {
    }

    /** Whether the name reads as an opt-out: true means attribution off. */
    static boolean negated(String name) {
        return Switch.namesOptOut(name); // one reading of the name, the customer notice's too
    }

    /** The parameter's description, the one line a customer reads in the portal's form or a parameters file. */
    public static String description(String name) {
        return negated(name)
                ? "Set to true to opt out of customer usage attribution: the Azure usage of this deployment is then not"
                        + " attributed to the publisher of this solution."
                : "Attributes the Azure usage of this deployment to the publisher of this solution (customer usage"
                        + " attribution). Set to false to opt out.";
    }

    /** The parameter's declaration as a JSON value, two-space indented, re-indented on insertion. */
    static String parameterJson(String name) {
        return "{\n  \"type\": \"bool\",\n  \"defaultValue\": " + !negated(name) + ",\n  \"metadata\": {\n"
                + "    \"description\": \"" + description(name) + "\"\n  }\n}";
    }

    /** The tracking resource's {@code condition}. */
    static String jsonCondition(String name) {
        return negated(name) ? "[not(parameters('" + name + "'))]" : "[parameters('" + name + "')]";
    }

    /** The Bicep declaration, decorator included, in the given line break. */
    static String bicepParameter(String name, String nl) {
        return "@description('" + description(name) + "')" + nl + "param " + name + " bool = " + !negated(name);
    }

    /** What follows {@code = } of the tracking resource in Bicep: {@code if (...)}. */
    static String bicepCondition(String name) {
        return "if (" + (negated(name) ? "!" : "") + name + ") ";
    }

    /**
     * Whether the text names the parameter (as a whole word, in any case) outside {@code [from, to)}, its own
     * declaration: then something else reads it, and remove leaves it.
     */
    static boolean readElsewhere(String text, String name, int from, int to) {
        String lower = text.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        for (int i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
            boolean whole = (i == 0 || !word(lower.charAt(i - 1))) && (i + n.length() == lower.length()
                    || !word(lower.charAt(i + n.length())));
            if (whole && (i < from || i >= to)) {
                return true;
            }
        }
        return false;
    }

    private static boolean word(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }
}
