package io.github.partnerattribution.templates.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The discovery stage of a scan: the {@code .json}, {@code .bicep} and {@code .zip} (deployment package) regular files
 * under a folder, in path order,
 * skipping hidden folders, {@code node_modules} and {@code target}. Symbolic links to folders are not followed, so a
 * walk cannot loop. Not API.
 *
 * <pre>{@code
 * List<Path> files = Discovery.walk(root);
 * }</pre>
 */
public final class Discovery {
    private Discovery() {
    }

    /** {@return the candidate files under {@code root}, sorted} */
    public static List<Path> walk(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && (name.startsWith(".") || name.equals("node_modules")
                        || name.equals("target"));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (attrs.isRegularFile() && (name.endsWith(".json") || name.endsWith(".bicep") || name.endsWith(".zip"))) {
                    files.add(file.normalize());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(files);
        return files;
    }
}
