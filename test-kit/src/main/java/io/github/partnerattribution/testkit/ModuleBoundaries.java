package io.github.partnerattribution.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The house rule on module boundaries, read from the sources: main code of one Maven module may use another module's
 * package only when that module's {@code module-info} exports it (to everyone, or to the using module by name). A
 * module without a {@code module-info} (the command line, the Maven plugin, this kit) is named by the
 * {@code Automatic-Module-Name} its POM gives, else by its folder, and exports every package but its {@code internal}
 * ones; every library in the BOM must have a {@code module-info}.
 *
 * <p>The compiler checks the same thing only for code compiled on the module path, which the Java 8 library code is
 * not; this reads what a module uses from its {@code import} lines and from fully qualified names in its code.
 */
public final class ModuleBoundaries {
    private static final String PREFIX = "io.github.partnerattribution.";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;");
    private static final Pattern USE = Pattern.compile("\\b(io\\.github\\.partnerattribution(?:\\.\\w+)+)");
    private static final Pattern MODULE = Pattern.compile("\\bmodule\\s+([\\w.]+)\\s*\\{");
    private static final Pattern EXPORTS = Pattern.compile("\\bexports\\s+([\\w.]+)\\s*(?:to\\s+([\\w.,\\s]+))?;");
    private static final Pattern AUTOMATIC = Pattern.compile("<Automatic-Module-Name>([\\w.]+)</Automatic-Module-Name>");
    private static final Pattern BOM_ARTIFACT = Pattern.compile("<artifactId>([\\w-]+)</artifactId>");

    /** Where a module's descriptor lives: compiled on its own into the jar's {@code META-INF/versions}. */
    public static final String MODULE_INFO = "src/main/module/module-info.java";

    private ModuleBoundaries() {
    }

    /** One module as the sources declare it. */
    static final class Module {
        final Path folder;
        final String name;
        final boolean declared;
        final Set<String> packages = new TreeSet<>();
        /** Package to the modules it is exported to; an empty set means to everyone. */
        final Map<String, Set<String>> exports = new HashMap<>();

        Module(Path folder, String name, boolean declared) {
            this.folder = folder;
            this.name = name;
            this.declared = declared;
        }

        boolean exportsTo(String pkg, String reader) {
            if (!declared) {
                return !pkg.contains(".internal");
            }
            Set<String> to = exports.get(pkg);
            return to != null && (to.isEmpty() || to.contains(reader));
        }
    }

    /**
     * Every break of the rule under {@code root} (the folder of the parent POM), one line each naming the file and line,
     * the package and the module that owns it; empty when there is none. {@code allowed} lists uses that are known and
     * deliberate, as {@code "module-folder -> package"}; {@code tools} names the folders of BOM artifacts that are
     * applications, not libraries, and so need no {@code module-info}.
     */
    public static List<String> violations(Path root, Set<String> allowed, Set<String> tools) {
        Map<String, Module> byPackage = new TreeMap<>();
        List<Module> modules = modules(root);
        for (Module module : modules) {
            for (String pkg : module.packages) {
                byPackage.put(pkg, module);
            }
        }
        List<String> problems = new ArrayList<>();
        for (String library : bomArtifacts(root)) {
            Module module = modules.stream().filter(m -> m.folder.getFileName().toString().equals(library))
                    .findFirst().orElse(null);
            if (module != null && !module.declared && !tools.contains(library)) {
                problems.add(library + ": a library in the BOM without " + MODULE_INFO);
            }
        }
        for (Module module : modules) {
            for (Path file : javaFiles(module.folder.resolve("src/main/java"))) {
                String[] lines = read(file).split("\n", -1);
                boolean inComment = false;
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i];
                    String code = line.trim();
                    if (inComment) {
                        inComment = !code.contains("*/");
                        continue;
                    }
                    if (code.startsWith("/*")) {
                        inComment = !code.contains("*/");
                        continue;
                    }
                    if (code.startsWith("//") || code.startsWith("*") || code.startsWith("package ")) {
                        continue;
                    }
                    Matcher use = USE.matcher(line);
                    while (use.find()) {
                        Module owner = null;
                        String used = null;
                        for (String candidate = use.group(1); candidate.startsWith(PREFIX);
                                candidate = candidate.substring(0, Math.max(candidate.lastIndexOf('.'), 0))) {
                            if (byPackage.containsKey(candidate)) {
                                owner = byPackage.get(candidate);
                                used = candidate;
                                break;
                            }
                        }
                        if (owner == null || owner == module || owner.exportsTo(used, module.name)
                                || allowed.contains(module.folder.getFileName() + " -> " + used)) {
                            continue;
                        }
                        problems.add(root.relativize(file) + ":" + (i + 1) + ": " + module.name + " uses " + used
                                + ", which " + owner.name + " does not export to it"
                                + (owner.declared ? "" : " (it has no module-info, and the package is internal)"));
                    }
                }
            }
        }
        return problems;
    }

    static List<Module> modules(Path root) {
        List<Module> modules = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            children.filter(d -> Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("src/main/java")))
                    .sorted().forEach(folder -> modules.add(module(folder)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return modules;
    }

    private static Module module(Path folder) {
        Path info = folder.resolve(MODULE_INFO);
        Module module;
        if (Files.isRegularFile(info)) {
            String text = withoutComments(read(info));
            Matcher name = MODULE.matcher(text);
            if (!name.find()) {
                throw new IllegalStateException(info + ": no module declaration");
            }
            module = new Module(folder, name.group(1), true);
            Matcher exports = EXPORTS.matcher(text);
            while (exports.find()) {
                Set<String> to = new TreeSet<>();
                if (exports.group(2) != null) {
                    for (String reader : exports.group(2).split(",")) {
                        to.add(reader.trim());
                    }
                }
                module.exports.put(exports.group(1), to);
            }
        } else {
            Matcher automatic = AUTOMATIC.matcher(read(folder.resolve("pom.xml")));
            module = new Module(folder, automatic.find() ? automatic.group(1) : folder.getFileName().toString(), false);
        }
        for (Path file : javaFiles(folder.resolve("src/main/java"))) {
            Matcher pkg = PACKAGE.matcher(read(file));
            if (pkg.find()) {
                module.packages.add(pkg.group(1));
            }
        }
        return module;
    }

    private static List<String> bomArtifacts(Path root) {
        Path bom = root.resolve("attribution-bom/pom.xml");
        List<String> artifacts = new ArrayList<>();
        if (!Files.isRegularFile(bom)) {
            return artifacts;
        }
        String text = read(bom);
        int from = text.indexOf("<dependencyManagement>");
        Matcher artifact = BOM_ARTIFACT.matcher(text);
        while (from >= 0 && artifact.find(from)) {
            artifacts.add(artifact.group(1));
            from = artifact.end();
        }
        return artifacts;
    }

    private static String withoutComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    private static List<Path> javaFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return new ArrayList<>();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted()
                    .collect(java.util.stream.Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
