package io.github.partnerattribution.cli;

import java.util.function.Supplier;

/**
 * A failure this tool reports as one plain line with its exit code, not as a crash: input that is not valid
 * ({@link #invalidInput}, exit 1), or an endpoint that answered what cannot be used or did not answer
 * ({@link #endpoint}, exit 2). Anything else that escapes a command is a bug of ours and is reported as one.
 */
final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int exitCode;

    private Failure(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The user's input is not valid: the message names it and what would be. */
    static Failure invalidInput(String message) {
        return new Failure(message, AttributionCli.FINDINGS, null);
    }

    /** The endpoint refused, misbehaved or could not be reached: the message says what was asked and what to do. */
    static Failure endpoint(String message, Throwable cause) {
        return new Failure(message, AttributionCli.ERROR, cause);
    }

    /**
     * Runs a library call that judges the user's input (a Partner ID, a partner name, an apiVersion): its
     * IllegalArgumentException is that judgement, reported as invalid input.
     */
    static <T> T judging(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new Failure(e.getMessage(), AttributionCli.FINDINGS, e);
        }
    }
}
