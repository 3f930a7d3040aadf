package io.github.partnerattribution.core;

import java.util.Collections;
import java.util.List;

/**
 * Thrown when a partner id registry file has problems; lists every one of them, each with its file and line, so
 * that one run shows all there is to fix.
 *
 * <pre>{@code
 * try {
 *     PartnerIdRegistry.load(Paths.get("pid.properties"));
 * } catch (InvalidRegistryException e) {
 *     e.problems().forEach(System.err::println); // pid.properties:12: key "a.b": group 5 has 11 hex digits ...
 * }
 * }</pre>
 */
public final class InvalidRegistryException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Every problem found, one per entry. */
    private final List<String> problems;

    InvalidRegistryException(String source, List<String> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + source + ":"
                + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        this.problems = Collections.unmodifiableList(problems);
    }

    /**
     * The problems, in file order, each as {@code <file>:<line>: <what is wrong>}.
     *
     * @return the problems, never empty
     */
    public List<String> problems() {
        return problems;
    }
}
