package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartnerIdRegistryAppendTest {
    static final PartnerId A = PartnerId.parse("1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d");
    static final PartnerId B = PartnerId.parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    @TempDir
    Path dir;

    @Test
    void appendsWithTheDescriptionAboveAndCreatesAMissingFile() throws IOException {
        Path file = dir.resolve("pid.properties");
        PartnerIdRegistry.append(file, "backup.marketplace", A, "Contoso Backup in Azure Marketplace");
        PartnerIdRegistry registry = PartnerIdRegistry.append(file, "backup.github", B, "");
        assertEquals("# Contoso Backup in Azure Marketplace\nbackup.marketplace=" + A.guid() + "\n\nbackup.github="
                + B.guid() + "\n", Files.readString(file));
        assertEquals("Contoso Backup in Azure Marketplace", registry.entries().get(0).description());
        assertEquals(B, PartnerIdRegistry.load(file).lookup("backup", "github"));
    }

    @Test
    void keepsCrlfAndRefusesAnExistingKeyLeavingTheFileUntouched() throws IOException {
        Path file = dir.resolve("pid.properties");
        Files.write(file, ("# ids\r\nbackup.marketplace=" + A.guid() + "\r\n").getBytes(StandardCharsets.UTF_8));
        PartnerIdRegistry.append(file, "vault.marketplace", B, "Vault");
        assertTrue(Files.readString(file).endsWith("\r\n\r\n# Vault\r\nvault.marketplace=" + B.guid() + "\r\n"));
        byte[] before = Files.readAllBytes(file);
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class,
                () -> PartnerIdRegistry.append(file, "backup.marketplace", PartnerId.random(), ""));
        // The line that holds the key, and that nothing was added (it used to name the line the entry would have had).
        assertTrue(e.getMessage().contains("key \"backup.marketplace\" is already there (line 2, " + A.guid()
                + "); nothing was added"), e.getMessage());
        assertThrows(InvalidRegistryException.class, () -> PartnerIdRegistry.append(file, "mesh.github", A, ""));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aDuplicateKeyIsReportedEvenWhenItsFirstValueIsMalformed() {
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class, () -> PartnerIdRegistry.parse(
                "backup.marketplace=not-a-guid\nbackup.marketplace=" + A.guid() + "\n", "pid.properties"));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(1).startsWith("pid.properties:2: key \"backup.marketplace\" is defined again (first"
                + " on line 1)"), e.problems().toString());
    }

    @Test
    void anInvalidKeyIsBlamedOnTheNewEntryNotOnALineOfTheFile() throws IOException {
        Path file = dir.resolve("pid.properties");
        InvalidRegistryException e = assertThrows(InvalidRegistryException.class,
                () -> PartnerIdRegistry.append(file, "back up.marketplace", B, ""));
        assertTrue(e.problems().get(0).startsWith("the new entry's key \"back up.marketplace\""), e.problems().toString());
        assertTrue(e.problems().get(0).endsWith("; nothing was added"), e.problems().toString());
        assertFalse(Files.exists(file), "nothing was written");
    }

    @Test
    void twentyThreadsAddingTwentyOffersLeaveTwentyEntries() throws Exception {
        Path file = dir.resolve("pid.properties");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            java.util.List<java.util.concurrent.Future<PartnerIdRegistry>> added = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String key = "offer" + i + ".marketplace";
                added.add(pool.submit(() -> PartnerIdRegistry.append(file, key, PartnerId.random(), "")));
            }
            for (java.util.concurrent.Future<PartnerIdRegistry> f : added) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20, PartnerIdRegistry.load(file).entries().size());
    }
}
