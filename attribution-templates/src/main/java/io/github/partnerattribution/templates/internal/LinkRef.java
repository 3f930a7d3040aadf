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
        MODULE
    }

    public final Kind kind;
    /** The link as written. */
    public final String raw;
    public final int line;
    public final int column;
    /**
     * Each value the link can have, as a path pattern ({@link LinkResolver#pattern}), evaluated when the link is
     * read in the template whose variables and parameters it uses, so that nothing of that template need be kept.
     */
    final List<String> patterns;

    LinkRef(Kind kind, String raw, int line, int column, Node scope) {
        this.kind = kind;
        this.raw = raw;
        this.line = line;
        this.column = column;
        if (kind == Kind.MODULE) {
            this.patterns = Collections.singletonList(raw);
        } else {
            List<String> all = new ArrayList<>();
            for (Value value : Expressions.evaluateLink(raw, scope)) {
                String pattern = LinkResolver.pattern(value);
                if (!all.contains(pattern)) {
                    all.add(pattern);
                }
            }
            this.patterns = Collections.unmodifiableList(all);
        }
    }
}
