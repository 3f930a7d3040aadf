package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.internal.TrackingModel.NameKind;
import java.util.Locale;

/**
 * The one judgement of what a deployment's resolved name makes it, for JSON and Bicep alike: a tracking resource,
 * one whose GUID or name cannot be told, a bare GUID, a wrapper, text before {@code pid-}, Azure Verified Modules
 * telemetry, or an empty deployment whose name can never be {@code pid-<guid>}. Not API.
 *
 * <pre>{@code
 * NameClassifier.Verdict v = NameClassifier.classify(known, complete, rest, opensWith, because, empty);
 * }</pre>
 */
public final class NameClassifier {
    /** The prefix of the telemetry deployments Azure Verified Modules add: {@code 46d3xbcp.<kind>.<module>...}. */
    static final String AVM_PREFIX = "46d3xbcp.";

    /** What a name makes a deployment, and whether attribution might count it. */
    public static final class Verdict {
        public final NameKind kind;
        public final PartnerId id;
        public final String guidProblem;
        public final boolean mayCount;
        /** Why the name cannot be told, or cannot be a tracking name; null when neither. */
        public final String because;

        Verdict(NameKind kind, PartnerId id, String guidProblem, boolean mayCount, String because) {
            this.kind = kind;
            this.id = id;
            this.guidProblem = guidProblem;
            this.mayCount = mayCount;
            this.because = because;
        }
    }

    private NameClassifier() {
    }

    /**
     * Judges one value of a deployment's name.
     *
     * @param known the text known from the start ({@link Expressions#OPAQUE} for characters only known to exist)
     * @param complete whether {@code known} is the whole name
     * @param rest what is known after the first unknown part ({@link Expressions#GAP} for further gaps)
     * @param opensWithParameter the parameter without a default the name opens with, or null
     * @param because why the first unknown part is unknown (a file that cannot be read), or null
     * @param empty whether the deployment deploys nothing (an empty inline template)
     * @return the verdict, or null when the name makes it none of the kinds the rules judge
     */
    public static Verdict classify(String known, boolean complete, String rest, String opensWithParameter,
            String because, boolean empty) {
        if (known.toLowerCase(Locale.ROOT).startsWith(AVM_PREFIX)) {
            return new Verdict(NameKind.AVM_TELEMETRY, null, null, false, null);
        }
        if (PidNames.startsWithPid(known)) {
            if (!empty && !PidNames.holdsGuid(known)) {
                // pid-app-gateway-start: a deployment that deploys things, named so; not an attempt at tracking
                return new Verdict(NameKind.WRAPPER, null, null, false, because);
            }
            if (PidNames.guidCutShort(known, complete)) {
                return new Verdict(NameKind.UNRESOLVED_GUID, null, null, true, because);
            }
            try {
                return new Verdict(NameKind.TRACKING, PidNames.idOf(known), null, true, because);
            } catch (InvalidPartnerIdException e) {
                return new Verdict(NameKind.TRACKING, null, e.problem(), true, because);
            }
        }
        Boolean textBefore = PidNames.textBeforePid(known, complete, rest);
        if (textBefore != null) {
            // text before pid-: definitely so when known text stands there; maybe when only unknown parts do
            return new Verdict(NameKind.PID_NOT_FIRST, null, null, !textBefore, because);
        }
        if (!empty) {
            return null;
        }
        if (startsWithBareGuid(known)) {
            return new Verdict(NameKind.BARE_GUID, null, null, false, because);
        }
        if (complete || !"pid-".startsWith(known.toLowerCase(Locale.ROOT))) {
            return null;
        }
        if (!known.isEmpty() || because != null) {
            return new Verdict(NameKind.UNRESOLVED_NAME, null, null, true, because);
        }
        String shownRest = rest.replace(Expressions.OPAQUE, '?').replace(Expressions.GAP, '?');
        if (opensWithParameter != null && (rest.isEmpty() || suggestsAnId(opensWithParameter))) {
            return new Verdict(NameKind.UNRESOLVED_NAME, null, null, true, "the parameter " + opensWithParameter
                    + " would have to hold pid-<guid>");
        }
        if (opensWithParameter != null) {
            return new Verdict(NameKind.CANNOT_BE_TRACKING, null, null, false, "its name is the parameter "
                    + opensWithParameter + " then " + Text.quote(shownRest) + ", which makes no tracking name unless "
                    + opensWithParameter + " holds pid-<guid>, and nothing in the template says it does");
        }
        return new Verdict(NameKind.CANNOT_BE_TRACKING, null, null, false, "its name opens with a value ARM computes"
                + " at deployment" + (shownRest.isEmpty() ? "" : " then " + Text.quote(shownRest))
                + ", never pid-<guid>");
    }

    /** Whether a parameter's name says it carries an id: pid, partner, guid, tracking, attribution, telemetry. */
    static boolean suggestsAnId(String parameter) {
        String p = parameter.toLowerCase(Locale.ROOT);
        for (String word : new String[] {"pid", "partner", "guid", "track", "attribution", "cua", "telemetry",
                "usage"}) {
            if (p.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A GUID, then the end of the name or a separator, as in {@code <guid>} or {@code <guid>-westeurope-x}. */
    static boolean startsWithBareGuid(String s) {
        if (s.length() < 36 || (s.length() > 36 && s.charAt(36) != '-' && s.charAt(36) != '_'
                && s.charAt(36) != Expressions.OPAQUE)) {
            return false;
        }
        try {
            return PartnerId.parse(s.substring(0, 36)) != null;
        } catch (InvalidPartnerIdException e) {
            return false;
        }
    }
}
