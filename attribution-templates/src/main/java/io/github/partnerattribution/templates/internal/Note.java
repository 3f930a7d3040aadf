package io.github.partnerattribution.templates.internal;

/**
 * One thing a scan could not decide or set aside, as a kind the pipeline acts on and words for people; never
 * recognised by its words. Not API.
 */
public final class Note {
    /** What the note is about. */
    public enum Kind {
        /** No template in the folder at all. */
        NO_TEMPLATES,
        /** Templates, but none in the main role. */
        NO_MAIN,
        /** A compiled JSON checked as its Bicep source instead. */
        COMPILED_TWIN,
        /** A Bicep file of only types or functions, not checked. */
        LIBRARY,
        /** A link that was not resolved to a file. */
        LINK,
        /** The templates link in a cycle. */
        CYCLE,
        /** Samples and tests set aside as entry points. */
        ENTRY_POINTS,
        /** A template another one links (or only samples and tests call) that the repository deploys directly. */
        DEPLOYED_DIRECTLY,
        /** What the Markdown, scripts and pipeline files deploy, and what they name that is not here. */
        DOCUMENTED_DEPLOYMENTS,
        /** Zip files that are not Marketplace packages: artifacts templates download. */
        ARTIFACTS,
        /** How many links were and were not resolved. */
        LINKS_SUMMARY,
        /** Partner Center adds its own tracking resource to a package's main template. */
        PARTNER_CENTER_ADDS,
        /** How many more notes about one package were left out, past the bound. */
        LEFT_OUT
    }

    public final Kind kind;
    public final String words;

    Note(Kind kind, String words) {
        this.kind = kind;
        this.words = words;
    }

    @Override
    public String toString() {
        return words;
    }
}
