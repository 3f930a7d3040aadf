package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.partnerattribution.testkit.Corpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PartnerIdRegistryTest {
    static final String A = "1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d";
    static final String B = "9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a";
    static final String C = "0a1b2c3d-4e5f-4061-8728-394a5b6c7d8e";

    static PartnerIdRegistry fixture() throws IOException, URISyntaxException {
        return PartnerIdRegistry.load(Paths.get(PartnerIdRegistryTest.class.getResource("/partner-ids.properties").toURI()));
    }

    @Test
    void loadsALargePartnersFileWithBothForms() throws Exception {
        PartnerIdRegistry registry = fixture();
        assertEquals(67, registry.entries().size());
        PartnerId marketplace = registry.get("backup.marketplace");
        assertTrue(marketplace.isPartnerCenter());
        assertEquals("8c731b35-38b5-59bd-a1c5-6dc733d9623f", marketplace.guid());
        assertEquals("pid-20339ee5-cf53-5534-a71a-ba3a390a899a", registry.get("backup.marketplace.premium").token());
        assertTrue(registry.get("end").isPartnerCenter());
        assertEquals(PartnerId.parse("b0447d3b-c0bf-5cba-84fc-b1c2407d9a73"), registry.get("backup.github"));
    }

    @Test
    void looksUpSkuThenChannelThenOffer() throws Exception {
        PartnerIdRegistry registry = fixture();
        assertEquals(registry.get("vault.github.enterprise"), registry.lookup("vault", "github", "enterprise"));
        assertEquals(registry.get("vault.github"), registry.lookup("vault", "github", "no-such-sku"));
        assertEquals(registry.get("vault.github"), registry.lookup("vault", "github"));
        assertEquals(registry.get("vault"), registry.lookup("vault", "partner-portal", "basic"));
        // lookupEntry says which key answered, the same lookup
        assertEquals("vault.github.enterprise", registry.lookupEntry("vault", "github", "enterprise").key());
        assertEquals("vault.github", registry.lookupEntry("vault", "github", "no-such-sku").key());
        assertEquals("vault", registry.lookupEntry("vault", "partner-portal", null).key());
        assertEquals(registry.get("vault"), registry.lookupEntry("vault", "partner-portal", null).partnerId());
    }

    @Test
    void aMissingKeyListsTheKeysThatExist() {
        PartnerIdRegistry registry = PartnerIdRegistry.parse("backup.github=" + A + "\nvault.github=" + B + "\n", "ids");
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> registry.lookup("mesh", "marketplace", "basic"));
        assertEquals("No partner id in ids for mesh.marketplace.basic (tried mesh.marketplace.basic, mesh.marketplace,"
                + " mesh). Keys it has: backup.github, vault.github", e.getMessage());
        NoSuchElementException get = assertThrows(NoSuchElementException.class, () -> registry.get("mesh"));
        assertEquals("No key \"mesh\" in ids. Keys it has: backup.github, vault.github", get.getMessage());
    }

    @Test
    void theCommentRightAboveAnEntryIsItsDescription() {
        PartnerIdRegistry registry = PartnerIdRegistry.parse(String.join("\n",
                "# All of Contoso's ids",
                "",
                "# Product A in Azure Marketplace",
                "a.marketplace=" + A,
                "#a.old=" + C,
                "a.github=" + B,
                "# Product B, premium SKU,",
                "#   on GitHub",
                "b.github.premium=" + C), "ids");
        List<String> descriptions = registry.entries().stream().map(PartnerIdRegistry.Entry::description)
                .collect(Collectors.toList());
        assertEquals(List.of("Product A in Azure Marketplace", "", "Product B, premium SKU, on GitHub"), descriptions);
        assertEquals("a", registry.entries().get(0).offer());
        assertEquals(4, registry.entries().get(0).line());
    }

    @Test
    void oneGuidForSeveralChannelsOfOneOfferIsAllowed() {
        PartnerIdRegistry registry = PartnerIdRegistry.parse("a.marketplace=" + A + "\na.github=pid-" + A + "\n", "ids");
        assertEquals(registry.get("a.marketplace").guid(), registry.get("a.github").guid());
    }

    @Test
    void oneGuidUnderTwoOffersIsRejected() {
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class,
                () -> PartnerIdRegistry.parse("a.marketplace=" + A + "\nb.marketplace=pid-" + A.toUpperCase() + "\n", "ids"));
        assertEquals(List.of("ids:2: GUID " + A + " of key \"b.marketplace\" is already used by key \"a.marketplace\""
                + " (line 1) of another offer, \"a\": reporting would merge the two offers; give each its own GUID"),
                e.problems());
    }

    @Test
    void listsEveryProblemWithItsLine() {
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class, () -> PartnerIdRegistry.parse(
                String.join("\r\n",
                        "a.marketplace=" + A,
                        "a.github=eb7927c8-dd66-43e1-b0cf-c346a422063",
                        "a.marketplace=" + B,
                        "a..github=" + C,
                        "a github=" + C,
                        "just some words",
                        "a.long=" + C + "\\",
                        "a.good=" + C), "pid.properties"));
        assertEquals(List.of(
                "pid.properties:2: key \"a.github\" = \"eb7927c8-dd66-43e1-b0cf-c346a422063\": group 5 has 11 hex digits;"
                        + " it needs 12. This is the example GUID from Microsoft's customer usage attribution page,"
                        + " which is one digit short: generate and register your own",
                "pid.properties:3: key \"a.marketplace\" is defined again (first on line 1)",
                "pid.properties:4: key \"a..github\" has an empty part at position 3",
                "pid.properties:5: key \"a github\": a space at position 2 is not allowed; a key is words of letters,"
                        + " digits, '-' or '_' separated by '.'",
                "pid.properties:6: expected <offer>.<channel>[.<sku>]=<guid>, found \"just some words\"",
                "pid.properties:7: key \"a.long\": line continuations are not supported"), e.problems());
        assertTrue(e.getMessage().startsWith("6 problems in pid.properties:"), e.getMessage());
    }

    @Test
    void readsAByteOrderMarkAndColonSeparators() {
        PartnerIdRegistry registry = PartnerIdRegistry.parse("\uFEFFa.marketplace : " + A + "\n", "ids");
        assertEquals(A, registry.get("a.marketplace").guid());
    }

    @Test
    void anEmptyFileIsAnEmptyRegistry() {
        PartnerIdRegistry registry = PartnerIdRegistry.parse("# nothing yet\n", "ids");
        assertEquals(0, registry.entries().size());
        NoSuchElementException e = assertThrows(NoSuchElementException.class, () -> registry.lookup("a", "b"));
        assertTrue(e.getMessage().endsWith("The registry has no entries."), e.getMessage());
    }

    /** A real partner's file: both forms load, and the three malformed values it holds are found, by line. */
    @Test
    void findsTheMalformedValuesInARealPartnersFile() throws IOException {
        Path file = Corpus.file("weblogic-admin/pid.properties");
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class, () -> PartnerIdRegistry.load(file));
        assertEquals(3, e.problems().size(), e.getMessage());
        for (String problem : e.problems()) {
            assertTrue(problem.matches(".*pid\\.properties:12[456]: key \"from\\.owls-[0-9a-z-]+-rhel76\" = \".*wls\":"
                    + " 'w' at position 37 is not a hexadecimal digit \\(0-9, a-f\\)"), problem);
        }
    }
}
