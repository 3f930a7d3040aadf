package io.github.partnerattribution.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * azure-core runs on Java 8, so this jar must too: every class at its root is class-file version 52; the one class of
 * the multi-release part, the module descriptor under {@code META-INF/versions/9}, is Java 9's (53), which Java 8 never
 * reads.
 */
class BytecodeLevelTest {
    @Test
    void everyMainClassIsJava8Bytecode() throws Exception {
        Path classes = Paths.get(PartnerId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(files.size() >= 7, "found " + files);
        Path versions = classes.resolve("META-INF/versions");
        for (Path file : files) {
            if (file.startsWith(versions)) {
                assertEquals("module-info.class", file.getFileName().toString(), "only the descriptor is versioned");
                assertEquals(44 + Integer.parseInt(versions.relativize(file).getName(0).toString()), majorVersion(file),
                        file.toString());
            } else {
                assertEquals(52, majorVersion(file), file.toString());
            }
        }
        assertTrue(Files.isRegularFile(versions.resolve("9/module-info.class")), "the module descriptor is there");
    }

    private static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt(), classFile.toString());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
