package io.github.partnerattribution.templates.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The discovery stage of a scan: under a folder, in path order, the {@code .json}, {@code .bicep} and {@code .zip}
 * regular files (templates and packages), and the Markdown, script and pipeline files that may deploy a template
 * directly (read by {@link DirectDeployments}). Hidden folders are walked (module libraries keep modules in
 * {@code .bicep/}, pipelines live in {@code .github/}); only version control, dependency, build and editor folders are
 * skipped. Symbolic links to folders are not followed, so a walk cannot loop. Not API.
 *
 * <pre>{@code
 * Discovery.Found found = Discovery.walk(root);
 * }</pre>
 */
public final class Discovery {
    /** Folders that hold no one's templates: version control, dependencies, build output, editors' state. */
    static final Set<String> SKIPPED = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(".git", ".hg", ".svn",
            "node_modules", "target", "bin", "obj", ".terraform", ".venv", "venv", "__pycache__", ".idea", ".vs",
            ".vscode", ".gradle", ".mvn", ".tox", ".pytest_cache", ".cache")));

    /** What a walk found: the candidate templates and packages, and the documents and scripts. */
    public static final class Found {
        public final List<Path> templates = new ArrayList<>();
        public final List<Path> documents = new ArrayList<>();
    }

    private Discovery() {
    }

    /** {@return the candidate files under {@code root}, each list sorted} */
    public static Found walk(Path root) throws IOException {
        Found found = new Found();
        Files.walkFileTree(root, new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skip = !dir.equals(root) && SKIPPED.contains(name.toLowerCase(Locale.ROOT));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (name.endsWith(".json") || name.endsWith(".bicep") || name.endsWith(".zip")) {
                    found.templates.add(file.normalize());
                } else if (DirectDeployments.reads(name)) {
                    found.documents.add(file.normalize());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Collections.sort(found.templates);
        Collections.sort(found.documents);
        return found;
    }
}
