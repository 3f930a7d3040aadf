package io.github.partnerattribution.core;

import io.github.partnerattribution.core.internal.Text;

/**
 * The notice a partner gives its customers about customer usage attribution: what Microsoft can see, under which
 * privacy terms, and how the customer turns it off. Two kinds, for a template deployment and for software that
 * calls the Azure APIs (SDK), each as plain text or Markdown.
 *
 * <pre>{@code
 * String readme = CustomerNotice.create("Contoso", CustomerNotice.Kind.TEMPLATE).markdown();
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
        SDK
    }

    private static final int MAX_PARTNER_LENGTH = 200;

    private final String partner;
    private final Kind kind;

    private CustomerNotice(String partner, Kind kind) {
        this.partner = partner;
        this.kind = kind;
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
        return new CustomerNotice(name, kind);
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
        String what = kind == Kind.TEMPLATE
                ? "When you deploy this template, it also deploys an empty tracking deployment named after "
                        + name + "'s registered id (pid-...)."
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
        if (kind == Kind.TEMPLATE) {
            return "To opt out, remove the resource of type " + codeOpen + "Microsoft.Resources/deployments"
                    + codeClose + " whose name starts with " + codeOpen + "pid-" + codeClose
                    + " from the template before you deploy it. The rest of the deployment does not depend on it.";
        }
        return "To opt out, set the environment variable " + codeOpen + Attribution.DISABLED_VARIABLE + "=true"
                + codeClose + " (or the Java system property " + codeOpen + Attribution.DISABLED_PROPERTY + "=true"
                + codeClose + ") where " + name + " software runs. Its requests to Azure then carry no partner id,"
                + " and it works as before.";
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
