package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.TemplateRole;
import java.util.List;

/**
 * What the rules that apply to JSON and Bicep alike read: the template's role, whether it could be read as a
 * template at all, and its tracking candidates with their positions. Not API.
 */
public interface TrackingModel {
    /** @return the file, as given to the check */
    String file();

    /** @return main, nested or linked */
    TemplateRole role();

    /** @return whether the content is a template the tracking rules can judge (parsed, with resources) */
    boolean checkable();

    /** @return where a finding about the whole file goes */
    Position start();

    /** @return every deployment that is, or may be, a tracking resource, in file order */
    List<? extends Site> sites();

    /** A line and a column, both from 1. */
    final class Position {
        public final int line;
        public final int column;

        public Position(int line, int column) {
            this.line = line;
            this.column = column;
        }
    }

    /** One tracking candidate. */
    interface Site {
        /** @return true when its name resolved to {@code pid-...}; false when that cannot be told statically */
        boolean decided();

        /** @return 0 at the template's top level, more inside inline nested templates */
        int level();

        /** @return the name as written */
        String raw();

        /** @return the name as resolved, opaque parts shown as {@code ?} */
        String shown();

        /** @return the id, or null when none could be read */
        PartnerId id();

        /** @return what is wrong with the GUID in the name, or null */
        String guidProblem();

        /** @return the resource's own position */
        Position position();

        /** @return the position of its name */
        Position namePosition();

        /** @return the position of its condition, or null when it has none */
        Position condition();
    }
}
