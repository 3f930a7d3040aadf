package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.core.CustomerNotice.Kind;
import org.junit.jupiter.api.Test;

class CustomerNoticeTest {

    @Test
    void templateNoticeSaysWhatHowAndHowToOptOut() {
        String text = CustomerNotice.create("Contoso", Kind.TEMPLATE).text();
        String flat = text.replace('\n', ' ');
        assertTrue(flat.contains("When you deploy this template"), text);
        assertTrue(flat.contains("Microsoft can link the installation of Contoso software to the Azure resources deployed"), text);
        assertTrue(flat.contains("relate the Azure resources that support it"), text);
        assertTrue(flat.contains(CustomerNotice.PRIVACY_URL) && flat.contains(CustomerNotice.TRUST_CENTER_URL), text);
        assertTrue(flat.contains("remove the resource of type Microsoft.Resources/deployments whose name starts with pid-"), text);
        assertTrue(text.lines().allMatch(line -> line.length() <= 100), text);
    }

    @Test
    void aTemplateWithAnOptOutParameterIsOptedOutWithItInEitherPolarity() {
        String on = CustomerNotice.create("Contoso", Kind.TEMPLATE).withOptOutParameter("enableTelemetry").text()
                .replace('\n', ' ');
        assertTrue(on.contains("To opt out, set the parameter enableTelemetry to false when you deploy this template."
                + " The tracking deployment is then not deployed"), on);
        assertFalse(on.contains("remove the resource"), on);
        String off = CustomerNotice.create("Contoso", Kind.TEMPLATE).withOptOutParameter("telemetryOptOut").markdown()
                .replace('\n', ' ');
        assertTrue(off.contains("set the parameter `telemetryOptOut` to `true` when you deploy"), off);
    }

    @Test
    void aMarketplaceApplicationIsOptedOutInThePortalsFormOrThroughThePublisher() {
        String form = CustomerNotice.create("Contoso", Kind.MARKETPLACE).withOptOutParameter("enableTelemetry").text()
                .replace('\n', ' ');
        assertTrue(form.contains("When you deploy this offer, it also deploys an empty tracking deployment"), form);
        assertTrue(form.contains("set enableTelemetry to false in the deployment form of this offer in the Azure"
                + " portal"), form);
        assertTrue(form.contains("ask Contoso, the publisher of this offer, to turn it off for you"), form);
        String publisher = CustomerNotice.create("Contoso", Kind.MARKETPLACE).text().replace('\n', ' ');
        assertTrue(publisher.contains("its template cannot be changed before you deploy it. To opt out, ask Contoso,"
                + " the publisher of this offer"), publisher);
        assertFalse(publisher.contains("remove the resource"), "a portal customer cannot edit the template: " + publisher);
        String wrapped = CustomerNotice.create("Contoso", Kind.MARKETPLACE).withOptOutParameter("enableTelemetry").text();
        assertTrue(wrapped.lines().allMatch(line -> line.length() <= 100), wrapped);
    }

    @Test
    void anOptOutParameterIsANameAndAnSdkHasNone() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> CustomerNotice.create("Contoso", Kind.TEMPLATE).withOptOutParameter("enable telemetry"));
        assertTrue(bad.getMessage().contains("is not a parameter name"), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> CustomerNotice.create("Contoso", Kind.SDK).withOptOutParameter("enableTelemetry"));
        assertEquals("enableTelemetry", CustomerNotice.create("C", Kind.TEMPLATE).withOptOutParameter("enableTelemetry")
                .optOutParameter());
    }

    @Test
    void sdkNoticeNamesTheOptOutSwitches() {
        String text = CustomerNotice.create("Contoso", Kind.SDK).text().replace('\n', ' ');
        assertTrue(text.contains("adds Contoso's registered id (pid-...) to the User-Agent"), text);
        assertTrue(text.contains("AZURE_PARTNER_ATTRIBUTION_DISABLED=true"), text);
        assertTrue(text.contains("azure.partner.attribution.disabled=true"), text);
    }

    @Test
    void markdownLinksThePoliciesAndEscapesTheName() {
        String md = CustomerNotice.create("Fabrikam *Cloud* [EU]", Kind.SDK).markdown();
        assertTrue(md.startsWith("### "), md);
        // The words are the link (it read "the Microsoft privacy statement ([privacy statement](...))").
        assertTrue(md.contains("see the [Microsoft privacy statement](" + CustomerNotice.PRIVACY_URL + ") and the"
                + " [Microsoft Trust Center](" + CustomerNotice.TRUST_CENTER_URL + ")."), md);
        assertTrue(md.contains("Fabrikam \\*Cloud\\* \\[EU\\]"), md);
        assertTrue(md.contains("`AZURE_PARTNER_ATTRIBUTION_DISABLED=true`"), md);
    }

    @Test
    void isWrittenInOurOwnWords() {
        for (Kind kind : Kind.values()) {
            String text = CustomerNotice.create("Contoso", kind).text().replace('\n', ' ');
            assertFalse(text.contains("Microsoft is able to identify"), text);
            assertFalse(text.contains("to provide the best experiences with their products"), text);
            assertFalse(text.contains("collected and governed by Microsoft"), text);
        }
    }

    @Test
    void rejectsABlankOrUnsafeName() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> CustomerNotice.create("  ", Kind.TEMPLATE));
        assertEquals("The partner name is \"  \"; give the company name customers know, e.g. \"Contoso\"",
                blank.getMessage());
        IllegalArgumentException control = assertThrows(IllegalArgumentException.class,
                () -> CustomerNotice.create("Contoso\nEvil", Kind.TEMPLATE));
        assertEquals("The partner name \"Contoso\\nEvil\" holds a line feed (U+000A) at position 8", control.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CustomerNotice.create("x".repeat(201), Kind.SDK));
        assertThrows(NullPointerException.class, () -> CustomerNotice.create("Contoso", null));
    }
}
