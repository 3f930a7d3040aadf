package io.github.partnerattribution.templates.internal;

/**
 * A file a Bicep template loads ({@code loadJsonContent}, {@code loadTextContent}): its text or JSON tree, or why it
 * could not be read (then the name that needs it is unresolved, never "malformed"). Not API.
 */
public final class Loaded {
    /** The text, or the {@link JsonTree.Node} of JSON content; null when it could not be read. */
    final Object content;
    /** Why it could not be read, in words; null when it was. */
    final String problem;

    Loaded(Object content, String problem) {
        this.content = content;
        this.problem = problem;
    }

    static Loaded problem(String why) {
        return new Loaded(null, why);
    }
}
