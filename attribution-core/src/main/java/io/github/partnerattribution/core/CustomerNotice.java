package io.github.partnerattribution.core;

import io.github.partnerattribution.core.support.Switch;
import io.github.partnerattribution.core.support.Text;

/**
 * The notice a partner gives its customers about customer usage attribution: what Microsoft can see, under which
 * privacy terms, and how the customer turns it off. Three kinds, for a template the customer deploys, for a
 * Marketplace Azure Application deployed from the portal as published, and for software that calls the Azure APIs
 * (SDK), each as plain text or Markdown. A template's opt-out parameter, when it has one, is named in it.
 *
 * <pre>{@code
 * String readme = CustomerNotice.create("Contoso", CustomerNotice.Kind.TEMPLATE).markdown();
 * String listing = CustomerNotice.create("Contoso", CustomerNotice.Kind.MARKETPLACE)
 *         .withOptOutParameter("enableTelemetry").text();
 * }</pre>
 */
public final class CustomerNotice {
    /** Microsoft's privacy statement. */
    public static final String PRIVACY_URL = "https://privacy.microsoft.com/privacystatement";
    /** Microsoft's Trust Center. */
    public static final String TRUST_CENTER_URL = "https://www.microsoft.com/trust-center";

    /** How the partner's solution reaches Azure, which decides how a customer opts out. */
    public enum Kind {
        /** An ARM template (or Bicep file) with the tracking deployment. */
        TEMPLATE,
        /** Software that calls the Azure Resource Manager APIs with a tagged User-Agent. */
        SDK,
        /**
         * A Marketplace Azure Application (solution template or managed application): the customer deploys it from
         * the portal as published and cannot edit its template first.
         */
        MARKETPLACE
    }

    private static final int MAX_PARTNER_LENGTH = 200;

    private final String partner;
    private final Kind kind;
    private final String optOutParameter;

    private CustomerNotice(String partner, Kind kind, String optOutParameter) {
        this.partner = partner;
        this.kind = kind;
        this.optOutParameter = optOutParameter;
    }

    /**
     * A notice naming the partner.
     *
     * @param partner the partner's company name, as customers know it
     * @param kind template or SDK deployment
     * @return the notice
     * @throws IllegalArgumentException if the name is blank, over 200 characters or holds control characters
     */
    public static CustomerNotice create(String partner, Kind kind) {
        UserAgents.requireNonNull(kind, "kind");
        if (Text.isBlank(partner)) {
            throw new IllegalArgumentException("The partner name is " + Text.quote(partner)
                    + "; give the company name customers know, e.g. \"Contoso\"");
        }
        String name = partner.trim();
        if (name.length() > MAX_PARTNER_LENGTH) {
            throw new IllegalArgumentException("The partner name " + Text.quote(name) + " is longer than "
                    + MAX_PARTNER_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Text.isUnsafe(name.charAt(i))) {
                throw new IllegalArgumentException("The partner name " + Text.quote(name) + " holds "
                        + Text.describe(name.charAt(i)) + " at position " + (i + 1));
            }
        }
        return new CustomerNotice(name, kind, null);
    }

    /**
     * The same notice for a template whose tracking deployment a parameter switches ({@code attribution template add
     * --opt-out-parameter}): it tells the customer to opt out with that parameter. An SDK notice has none.
     *
     * @param name the parameter's name, such as {@code enableTelemetry} (true is on) or {@code telemetryOptOut} (true
     *     is off)
     * @return the notice
     * @throws IllegalArgumentException if the name is not a parameter name, or the notice is an SDK's
     */
    public CustomerNotice withOptOutParameter(String name) {
        if (kind == Kind.SDK) {
            throw new IllegalArgumentException("An SDK notice has no template parameter; software is opted out with "
                    + Attribution.DISABLED_VARIABLE);
        }
        if (!Text.isParameterName(name)) {
            throw new IllegalArgumentException("The opt-out parameter " + Text.quote(name) + " is not a parameter"
                    + " name: use a letter or _, then letters, digits or _ (such as enableTelemetry)");
        }
        return new CustomerNotice(partner, kind, name);
    }

    /** {@return the template's opt-out parameter the notice names, or null} */
    public String optOutParameter() {
        return optOutParameter;
    }

    /**
     * The notice as plain text, wrapped for a terminal or a text file.
     *
     * @return the text, ending with a line break
     */
    public String text() {
        String nl = "\n";
        return wrap(paragraphOne(partner)) + nl + nl
                + wrap(paragraphTwo()) + nl + nl
                + wrap(optOut(partner, "", "")) + nl;
    }

    /**
     * The notice as Markdown, for a README, a marketplace listing or documentation.
     *
     * @return the Markdown, ending with a line break
     */
    public String markdown() {
        String name = escapeMarkdown(partner);
        return "### Tracking the use of Azure resources" + "\n\n"
                + paragraphOne(name) + "\n\n"
                + paragraphTwo("[Microsoft privacy statement](" + PRIVACY_URL + ")",
                        "[Microsoft Trust Center](" + TRUST_CENTER_URL + ")") + "\n\n"
                + optOut(name, "`", "`") + "\n";
    }

    /** {@return the partner name as given, trimmed} */
    public String partner() {
        return partner;
    }

    /** {@return the kind of deployment the notice is for} */
    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return text();
    }

    private String paragraphOne(String name) {
        String what = kind != Kind.SDK
                ? "When you deploy this " + (kind == Kind.MARKETPLACE ? "offer" : "template") + ", it also deploys an"
                        + " empty tracking deployment named after " + name + "'s registered id (pid-...)."
                : "When " + name + " software creates or manages Azure resources for you, it adds "
                        + name + "'s registered id (pid-...) to the User-Agent of its requests to Azure.";
        return what + " With it, Microsoft can link the installation of " + name
                + " software to the Azure resources deployed, and relate the Azure resources that support it."
                + " Microsoft uses this to credit " + name + " for the Azure usage its software brings, and to run"
                + " its partner programs.";
    }

    private static String paragraphTwo() {
        return paragraphTwo("Microsoft privacy statement (" + PRIVACY_URL + ")",
                "Microsoft Trust Center (" + TRUST_CENTER_URL + ")");
    }

    private static String paragraphTwo(String privacyStatement, String trustCenter) {
        return "Microsoft handles this information under its privacy policies: see the " + privacyStatement + " and the "
                + trustCenter + ".";
    }

    private String optOut(String name, String codeOpen, String codeClose) {
        if (kind == Kind.SDK) {
            return "To opt out, set the environment variable " + codeOpen + Attribution.DISABLED_VARIABLE + "=true"
                    + codeClose + " (or the Java system property " + codeOpen + Attribution.DISABLED_PROPERTY + "=true"
                    + codeClose + ") where " + name + " software runs. Its requests to Azure then carry no partner id,"
                    + " and it works as before.";
        }
        String rest = " The tracking deployment is then not deployed, and the rest of the deployment does not depend"
                + " on it.";
        if (optOutParameter != null) {
            String setting = codeOpen + optOutParameter + codeClose + " to " + codeOpen
                    + Switch.namesOptOut(optOutParameter) + codeClose;
            return kind == Kind.MARKETPLACE
                    ? "To opt out, set " + setting + " in the deployment form of this offer in the Azure portal, or"
                            + " in the parameters you deploy it with." + rest + " If the form does not show that"
                            + " setting, ask " + name + ", the publisher of this offer, to turn it off for you."
                    : "To opt out, set the parameter " + setting + " when you deploy this template." + rest;
        }
        if (kind == Kind.MARKETPLACE) {
            return "This offer is deployed from Azure Marketplace as it is published, so its template cannot be"
                    + " changed before you deploy it. To opt out, ask " + name + ", the publisher of this offer, to"
                    + " deploy it for you without the tracking deployment.";
        }
        return "To opt out, remove the resource of type " + codeOpen + "Microsoft.Resources/deployments"
                + codeClose + " whose name starts with " + codeOpen + "pid-" + codeClose
                + " from the template before you deploy it. The rest of the deployment does not depend on it.";
    }

    private static String escapeMarkdown(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_{}[]()<>#+-.!|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String wrap(String paragraph) {
        StringBuilder out = new StringBuilder(paragraph.length() + 16);
        int lineStart = 0;
        for (String word : paragraph.split(" ")) {
            if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > 100) {
                out.append('\n');
                lineStart = out.length();
            } else if (out.length() > lineStart) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }
}
