package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import java.util.List;

/**
 * What the rules that apply to JSON and Bicep alike read: whether it could be read as a template at all, and its
 * tracking candidates with their positions. Its role is not part of it: the caller gives the rules one. Not API.
 */
public interface TrackingModel {
    /** {@return the file, as given to the check} */
    String file();

    /** {@return whether the content is a template the tracking rules can judge (parsed, with resources)} */
    boolean checkable();

    /** {@return where a finding about the whole file goes} */
    Position start();

    /** {@return the scope the template deploys to: its {@code $schema}, or Bicep's {@code targetScope}} */
    JsonModel.Scope scope();

    /**
     * @return every deployment whose name is, may be, or looks meant to be a tracking resource, in file order; one
     *     per branch when the name is chosen by {@code if(...)}
     */
    List<? extends Site> candidates();

    /** {@return the candidates that are, or may be, tracking resources: the ones attribution might count} */
    List<? extends Site> sites();

    /** What a deployment's name turned out to be. */
    enum NameKind {
        /** It resolves to {@code pid-...}: a tracking resource. */
        TRACKING,
        /** An empty deployment whose name holds a {@code ${...}} build placeholder with no value. */
        UNFILLED_PLACEHOLDER,
        /** An empty deployment whose name is an expression that may or may not make {@code pid-...}. */
        UNRESOLVED_NAME,
        /** A {@code pid-} name whose GUID is an expression (or a value from a file) that cannot be resolved. */
        UNRESOLVED_GUID,
        /** An empty deployment named with a bare GUID (and maybe a suffix), no {@code pid-}: not counted. */
        BARE_GUID,
        /** A deployment that deploys something, named {@code pid-<words>} with no GUID: a wrapper, not tracking. */
        WRAPPER,
        /** A name with {@code pid-<guid>} after other text ({@code <prefix>-pid-<guid>}): not counted. */
        PID_NOT_FIRST,
        /** Azure Verified Modules' own telemetry ({@code 46d3xbcp....}): not a partner id, not counted. */
        AVM_TELEMETRY,
        /** An empty deployment whose name opens with something that cannot be {@code pid-<guid>}: not counted. */
        CANNOT_BE_TRACKING
    }

    /** A line and a column, both from 1. */
    final class Position {
        public final int line;
        public final int column;

        public Position(int line, int column) {
            this.line = line;
            this.column = column;
        }
    }

    /** A property of a deployment as written: where it stands, its text as written, and its value when known. */
    final class Property {
        public final Position at;
        public final String raw;
        /** The value, or null when it cannot be told without deploying. */
        public final String value;

        public Property(Position at, String raw, String value) {
            this.at = at;
            this.raw = raw;
            this.value = value;
        }
    }

    /** One tracking candidate. */
    interface Site {
        /** {@return whether it is a Bicep {@code module}: its body is the module's, not a deployment's} */
        boolean module();

        /** {@return its {@code properties.mode}, or null when it has none} */
        Property mode();

        /** {@return where its {@code properties} stand, or its own position when it has none} */
        Position propertiesPosition();

        /** {@return its {@code location}, or null when it has none} */
        Property location();

        /**
         * {@return its {@code apiVersion} (in Bicep the part of its type after {@code @}), where that stands; null for
         * a Bicep module, which has none}
         */
        Property apiVersion();

        /** {@return whether it links a template ({@code templateLink}) rather than holding one} */
        boolean linksTemplate();

        /** {@return how many resources its inline template deploys} */
        int innerResources();

        /** {@return where its inline template's resources stand, or null when it has none} */
        Position innerResourcesPosition();

        /** {@return the template it is declared in, by identity: the top level, or an inline nested template} */
        Object template();

        /** {@return the resource itself, by identity: two candidates of one resource are branches of its name} */
        Object resource();

        /** {@return what the name turned out to be} */
        NameKind kind();

        /** {@return whether the whole name resolved (no opaque or unknown part)} */
        boolean complete();

        /**
         * @return for a name chosen by {@code if(...)} (or Bicep's {@code ? :}), which branch this is, such as
         *     {@code if(parameters('telemetry'), ...) is false}; null for a name with one value
         */
        String branch();

        /**
         * @return whether attribution might count it: false for a bare GUID, a wrapper, or text known to stand
         *     before {@code pid-}
         */
        boolean mayCount();

        /** {@return why the name or its GUID could not be resolved, in words, or null} */
        String unresolvedBecause();

        /** {@return true when its name resolved to {@code pid-...}; false when that cannot be told statically} */
        boolean decided();

        /** {@return 0 at the template's top level, more inside inline nested templates} */
        int level();

        /** {@return the name as written} */
        String raw();

        /** {@return the name as resolved, opaque parts shown as {@code ?}} */
        String shown();

        /** {@return the id, or null when none could be read} */
        PartnerId id();

        /** {@return what is wrong with the GUID in the name, or null} */
        String guidProblem();

        /** {@return the resource's own position} */
        Position position();

        /** {@return the position of its name} */
        Position namePosition();

        /** {@return the position of its condition, or null when it has none} */
        Position condition();

        /**
         * {@return the parameter that alone switches it, with or without a {@code not}: {@code if (enableTelemetry)},
         * {@code "[not(parameters('telemetryOptOut'))]"}, the customer's opt-out; or null}
         */
        String switchParameter();

        /**
         * {@return the telemetry parameter that alone switches it ({@code if (enableTelemetry)},
         * {@code "[not(parameters('telemetryOptOut'))]"}), as module libraries switch their own usage telemetry; or
         * null}
         */
        String telemetrySwitch();

        /**
         * {@return the file's own parameter that alone is the name ({@code name: telemetryName}), whose value each
         * caller gives; or null}
         */
        String nameParameter();

        /**
         * {@return for a Bicep module's argument judged as the name of the module's own empty deployment, the module's
         * parameter it is given to; null for any other site}
         */
        String viaModuleParameter();
    }

    /** Whether a parameter's name says it switches usage telemetry ({@code enableTelemetry}, {@code telemetryOptOut}). */
    static boolean isTelemetryParameter(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).contains("telemetry");
    }
}
