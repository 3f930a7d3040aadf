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
