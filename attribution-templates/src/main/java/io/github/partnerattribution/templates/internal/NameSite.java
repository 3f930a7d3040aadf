package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;

/**
 * What a JSON candidate and a Bicep declaration share: the name as written, what it resolved to, and what that makes
 * it. Where it stands in the file is each one's own. Not API.
 */
public abstract class NameSite implements TrackingModel.Site {
    private final NameKind kind;
    private final String raw;
    private final String known;
    private final boolean complete;
    private final String rest;
    private final PartnerId id;
    private final String guidProblem;
    private final String branch;
    private final String because;
    private final boolean mayCount;

    /**
     * @param known the resolved text up to the first unknown part
     * @param rest for {@link NameKind#PID_NOT_FIRST}: what is known after it ({@link Expressions#GAP} for gaps)
     */
    NameSite(NameKind kind, String raw, String known, boolean complete, String rest, PartnerId id, String guidProblem,
            String branch, String because, boolean mayCount) {
        this.kind = kind;
        this.raw = raw;
        this.known = known;
        this.complete = complete;
        this.rest = rest;
        this.id = id;
        this.guidProblem = guidProblem;
        this.branch = branch;
        this.because = because;
        this.mayCount = mayCount;
    }

    /** The same name, what it resolved to and what that makes it, for a copy of a site held differently. */
    NameSite(NameSite same) {
        this(same.kind, same.raw, same.known, same.complete, same.rest, same.id, same.guidProblem, same.branch,
                same.because, same.mayCount);
    }

    @Override
    public final NameKind kind() {
        return kind;
    }

    @Override
    public final boolean decided() {
        return kind == NameKind.TRACKING;
    }

    @Override
    public final String raw() {
        return raw;
    }

    /** {@return what is known after the first unknown part, for {@link NameKind#PID_NOT_FIRST}} */
    final String rest() {
        return rest;
    }

    /** {@return the resolved text of the name, up to its first unknown part} */
    public final String known() {
        return known;
    }

    @Override
    public final boolean complete() {
        return complete;
    }

    @Override
    public final String shown() {
        String all = kind == NameKind.PID_NOT_FIRST && !complete ? known + Expressions.GAP + rest : known;
        return all.replace(Expressions.OPAQUE, '?').replace(Expressions.GAP, '?');
    }

    @Override
    public final PartnerId id() {
        return id;
    }

    @Override
    public final String guidProblem() {
        return guidProblem;
    }

    @Override
    public final String branch() {
        return branch;
    }

    @Override
    public final String unresolvedBecause() {
        return because;
    }

    @Override
    public final boolean mayCount() {
        return mayCount;
    }
}
