package io.github.partnerattribution.templates;

/**
 * How much a {@link Finding} matters: an {@link #ERROR} breaks attribution (or the deployment), a {@link #WARNING}
 * probably loses it, an {@link #INFO} is worth knowing.
 *
 * <pre>{@code
 * boolean failed = findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
 * }</pre>
 */
public enum Severity {
    /** Attribution or the deployment breaks. */
    ERROR,
    /** Attribution is probably lost or cannot be confirmed. */
    WARNING,
    /** Worth knowing; nothing is wrong. */
    INFO
}
