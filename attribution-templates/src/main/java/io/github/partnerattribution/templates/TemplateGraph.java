package io.github.partnerattribution.templates;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which files of a solution are deployment templates, how they link to each other, and so which are main: found by
 * content ({@code $schema}) rather than by name, the links read at every depth, and the roots no other template
 * links to taken as main. What it could not decide is said in notes, never left silent.
 */
final class TemplateGraph {
    private static final Pattern QUOTED_JSON = Pattern.compile("'([^'?#]+\\.json)(?:[?#][^']*)?'");
    private static final Pattern BICEP_MODULE = Pattern.compile("(?m)^\\s*module\\s+\\w+\\s+'([^':]+\\.(?:bicep|json))'");

    private final Map<Path, TemplateRole> roles;
    private final List<String> notes;

    private TemplateGraph(Map<Path, TemplateRole> roles, List<String> notes) {
        this.roles = roles;
        this.notes = notes;
    }

    /**
     * The graph of the templates found, each with the files it links to ({@link #jsonLinks}, {@link #bicepLinks}).
     *
     * @param jsonRead how many JSON files were read to find them, for the note when there is none
     */
    static TemplateGraph of(Path root, Map<Path, List<Path>> found, int jsonRead, TemplateOptions options) {
        Set<Path> templates = new TreeSet<>(found.keySet());
        Map<Path, List<Path>> links = new TreeMap<>(found);
        List<String> notes = new ArrayList<>();
        // A compiled main.json beside main.bicep is the same template: the Bicep file is checked.
        for (Path t : new ArrayList<>(templates)) {
            String name = t.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                Path source = t.resolveSibling(name.substring(0, name.length() - 5) + ".bicep");
                if (templates.contains(source)) {
                    templates.remove(t);
                    links.remove(t);
                    notes.add(relative(root, t) + " is compiled from " + source.getFileName() + ", which is checked"
                            + " instead");
                }
            }
        }
        Set<Path> linked = new HashSet<>();
        for (Map.Entry<Path, List<Path>> e : links.entrySet()) {
            for (Path target : e.getValue()) {
                if (templates.contains(target) && !target.equals(e.getKey())) {
                    linked.add(target);
                }
            }
        }
        Map<Path, TemplateRole> roles = new LinkedHashMap<>();
        for (Path t : templates) {
            List<TemplateRole> possible = possibleRoles(t, options);
            roles.put(t, possible.size() == 1 ? possible.get(0)
                    : linked.contains(t) ? TemplateRole.LINKED : TemplateRole.MAIN);
        }
        List<Path> cycle = cycle(links, templates);
        if (!cycle.isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (Path p : cycle) {
                path.append(path.length() == 0 ? "" : " -> ").append(relative(root, p));
            }
            notes.add("the templates link in a cycle, " + path + "; each was checked once");
        }
        if (templates.isEmpty()) {
            notes.add("no deployment templates under " + root + ": " + jsonRead + " JSON file(s) read, none with a"
                    + " $schema ending in deploymentTemplate.json, and no .bicep file");
        } else if (!roles.containsValue(TemplateRole.MAIN)) {
            notes.add("found " + templates.size() + " template(s) but no main one: each is linked from another or"
                    + " stands in a nestedtemplates or linkedtemplates folder; name the main template with --main NAME");
        }
        return new TemplateGraph(roles, Collections.unmodifiableList(notes));
    }

    /**
     * The roles a template can have before the links are known: main when named so by {@code --main}; the role of
     * its {@code nestedtemplates} or {@code linkedtemplates} folder; else main, or linked when another links to it.
     */
    static List<TemplateRole> possibleRoles(Path file, TemplateOptions options) {
        if (options.mainNames().contains(file.getFileName().toString().toLowerCase(Locale.ROOT))) {
            return Collections.singletonList(TemplateRole.MAIN);
        }
        TemplateRole byFolder = TemplateRole.of(file);
        return byFolder != TemplateRole.MAIN ? Collections.singletonList(byFolder)
                : java.util.Arrays.asList(TemplateRole.MAIN, TemplateRole.LINKED);
    }

    Map<Path, TemplateRole> roles() {
        return roles;
    }

    List<String> notes() {
        return notes;
    }

    /**
     * A JSON template's links: each {@code templateLink.relativePath}, and the {@code .json} literals of each
     * {@code templateLink.uri} expression, such as {@code uri(deployment().properties.templateLink.uri, 'x.json')}.
     */
    static List<Path> jsonLinks(Path root, Path file, List<String> relativePaths, List<String> uris) {
        Set<Path> out = new LinkedHashSet<>();
        for (String relative : relativePaths) {
            add(out, file.getParent(), null, relative);
        }
        for (String uri : uris) {
            if (uri.startsWith("[") && !uri.startsWith("[[")) {
                Matcher literal = QUOTED_JSON.matcher(uri);
                while (literal.find()) {
                    add(out, file.getParent(), root, literal.group(1));
                }
            }
        }
        return new ArrayList<>(out);
    }

    static List<Path> bicepLinks(Path file, String text) {
        Set<Path> out = new LinkedHashSet<>();
        Matcher module = BICEP_MODULE.matcher(text);
        while (module.find()) {
            add(out, file.getParent(), null, module.group(1));
        }
        return new ArrayList<>(out);
    }

    /** A link resolved against the linking file's folder, else (artifacts-location links) against the root. */
    private static void add(Set<Path> out, Path folder, Path root, String link) {
        String path = link.startsWith("./") ? link.substring(2) : link;
        if (path.contains("://") || path.startsWith("/")) {
            return;
        }
        try {
            Path near = folder.resolve(path).normalize();
            if (Files.isRegularFile(near)) {
                out.add(near);
            } else if (root != null && Files.isRegularFile(root.resolve(path).normalize())) {
                out.add(root.resolve(path).normalize());
            }
        } catch (java.nio.file.InvalidPathException notAPath) {
            // an expression fragment, not a file
        }
    }

    /** One cycle among the links, as a path that ends where it starts; empty when there is none. */
    private static List<Path> cycle(Map<Path, List<Path>> links, Set<Path> templates) {
        Map<Path, Integer> state = new TreeMap<>();
        for (Path start : templates) {
            List<Path> found = visit(start, links, templates, state, new ArrayList<Path>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Collections.emptyList();
    }

    private static List<Path> visit(Path node, Map<Path, List<Path>> links, Set<Path> templates,
            Map<Path, Integer> state, List<Path> stack) {
        Integer s = state.get(node);
        if (s != null && s == 2) {
            return Collections.emptyList();
        }
        if (s != null && s == 1) {
            List<Path> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
            cycle.add(node);
            return cycle;
        }
        state.put(node, 1);
        stack.add(node);
        List<Path> targets = links.containsKey(node) ? links.get(node) : Collections.<Path>emptyList();
        for (Path next : targets) {
            if (templates.contains(next) && !next.equals(node)) {
                List<Path> found = visit(next, links, templates, state, stack);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        stack.remove(stack.size() - 1);
        state.put(node, 2);
        return Collections.emptyList();
    }

    private static String relative(Path root, Path file) {
        try {
            return root.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}
