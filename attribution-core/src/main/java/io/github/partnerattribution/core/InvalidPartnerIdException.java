package io.github.partnerattribution.core;

/**
 * Thrown when a value is not a partner id: the message quotes the input (control characters escaped),
 * names the first problem precisely and shows the expected form.
 *
 * <pre>{@code
 * try {
 *     PartnerId.parse("eb7927c8-dd66-43e1-b0cf-c346a422063");
 * } catch (InvalidPartnerIdException e) {
 *     System.err.println(e.getMessage()); // ... group 5 has 11 hex digits; it needs 12 ...
 * }
 * }</pre>
 */
public final class InvalidPartnerIdException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The value that was refused, as given. */
    private final String input;
    /** What is wrong with it, in words. */
    private final String problem;

    InvalidPartnerIdException(String input, String problem, String message) {
        super(message);
        this.input = input;
        this.problem = problem;
    }

    /**
     * The rejected input, quoted and with control characters escaped, safe to print or log; {@code null} when the
     * input itself was null.
     *
     * @return the quoted input, or {@code null}
     */
    public String input() {
        return input;
    }

    /**
     * The first problem found, as a short phrase without the input, such as
     * {@code "group 5 has 11 hex digits; it needs 12"}.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
