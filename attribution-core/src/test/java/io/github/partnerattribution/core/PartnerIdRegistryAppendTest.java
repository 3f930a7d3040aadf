package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertTrue(e.getMessage().contains("is defined again"), e.getMessage());
        assertThrows(InvalidRegistryException.class, () -> PartnerIdRegistry.append(file, "mesh.github", A, ""));
        assertArrayEquals(before, Files.readAllBytes(file));
    }
}
