package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.internal.Expressions.Value;
import io.github.partnerattribution.templates.internal.JsonTree.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One link a template makes to another file, as written: a {@code templateLink.relativePath} or
 * {@code templateLink.uri} (often an expression), or a Bicep {@code module} path, with where it stands and the
 * template its expressions are evaluated in. {@link LinkResolver} turns it into files. Not API.
 */
public final class LinkRef {
    /** How the link is written. */
    public enum Kind {
        /** {@code templateLink.relativePath}: relative to the linking template. */
        RELATIVE_PATH,
        /** {@code templateLink.uri}: a URI, usually built from the template's own link or an artifacts location. */
        URI,
        /** A Bicep {@code module} path: a literal relative path, or a registry or template spec reference. */
        MODULE,
        /**
         * A JSON file a Bicep deployment takes as its inline {@code template} ({@code loadJsonContent('x.json')},
         * {@code json(loadTextContent('x.json'))}): content of the caller, so a nested template, never a main one.
         */
        INLINE
    }

    public final Kind kind;
    /** The link as written. */
    public final String raw;
    public final int line;
    public final int column;
    /** The template whose variables and parameters the expression reads, until the link is evaluated. */
    private Node scope;
    private List<String> patterns;

    LinkRef(Kind kind, String raw, int line, int column, Node scope) {
        this.kind = kind;
        this.raw = raw;
        this.line = line;
        this.column = column;
        this.scope = scope;
        this.patterns = kind == Kind.MODULE || kind == Kind.INLINE ? Collections.singletonList(raw) : null;
    }

    /**
     * Each value the link can have, as a path pattern ({@link LinkResolver#pattern}). Evaluated once, on first use
     * (a scan, while the template is at hand; a single check never asks), and then the template is let go, so that a
     * kept link holds nothing of it.
     */
    List<String> patterns() {
        if (patterns == null) {
            List<String> all = new ArrayList<>();
            for (Value value : Expressions.evaluateLink(raw, scope)) {
                String pattern = LinkResolver.pattern(value);
                if (!all.contains(pattern)) {
                    all.add(pattern);
                }
            }
            patterns = Collections.unmodifiableList(all);
            scope = null;
        }
        return patterns;
    }
}
