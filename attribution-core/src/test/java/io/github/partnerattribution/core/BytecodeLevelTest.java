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

/** azure-core runs on Java 8, so this jar must too: every class it ships is class-file version 52. */
class BytecodeLevelTest {
    @Test
    void everyMainClassIsJava8Bytecode() throws Exception {
        Path classes = Paths.get(PartnerId.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).collect(Collectors.toList());
        }
        assertTrue(files.size() >= 7, "found " + files);
        for (Path file : files) {
            assertEquals(52, majorVersion(file), file.toString());
        }
    }

    private static int majorVersion(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            assertEquals(0xCAFEBABE, data.readInt(), classFile.toString());
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
