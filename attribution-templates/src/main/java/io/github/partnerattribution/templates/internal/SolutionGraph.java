package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The graph stage of a scan: from the sources and where their links lead, each template's final role, the entry
 * points set aside, cycles, and in words what could not be decided. A template is main when the caller names it
 * ({@code --main}), else nested or linked by its folder, else a sample or test when it stands under
 * {@code samples/}, {@code tests/} or {@code test/} (or is a {@code *.sample.bicep} or {@code *.test.bicep}) and calls
 * other files, else linked when another template (not a sample) links to it, else main. Not API.
 *
 * <pre>{@code
 * SolutionGraph graph = SolutionGraph.of(root, sources, resolver, options, jsonRead);
 * TemplateRole role = graph.roles().get(file);
 * }</pre>
 */
public final class SolutionGraph {
    private final Map<Path, TemplateRole> roles;
    private final List<Note> notes;
    private final int followed;
    private final int unresolved;
    private final int entryPoints;

    private SolutionGraph(Map<Path, TemplateRole> roles, List<Note> notes, int followed, int unresolved,
            int entryPoints) {
        this.roles = Collections.unmodifiableMap(roles);
        this.notes = Collections.unmodifiableList(notes);
        this.followed = followed;
        this.unresolved = unresolved;
        this.entryPoints = entryPoints;
    }

    /**
     * Links every source's links through {@code resolver} and decides the roles.
     *
     * @param sources the templates read, by path, in path order
     * @param jsonRead how many JSON files were read to find them, for the note when there is none
     */
    public static SolutionGraph of(Path root, Map<Path, SourceUnit> sources, LinkResolver resolver, TemplateOptions options,
            int jsonRead) {
        Map<Path, SourceUnit> templates = new TreeMap<>(sources);
        List<Note> notes = new ArrayList<>();
        List<Note> linkNotes = new ArrayList<>();
        // A compiled main.json beside main.bicep is the same template: the Bicep file is checked.
        for (Path t : new ArrayList<>(templates.keySet())) {
            String name = t.getFileName().toString();
            if (name.toLowerCase(Locale.ROOT).endsWith(".json")) {
                Path source = t.resolveSibling(name.substring(0, name.length() - 5) + ".bicep");
                if (templates.containsKey(source)) {
                    templates.remove(t);
                    notes.add(new Note(Note.Kind.COMPILED_TWIN, resolver.relative(t) + " is compiled from "
                            + source.getFileName() + ", which is checked instead"));
                }
            }
        }
        for (Path t : new ArrayList<>(templates.keySet())) {
            if (!templates.get(t).deployable()) {
                templates.remove(t);
                notes.add(new Note(Note.Kind.LIBRARY, resolver.relative(t) + " only declares types or functions (no"
                        + " resource, module or output): it is a library other files import, not a deployable"
                        + " template, so it was not checked"));
            }
        }
        Map<Path, List<Path>> links = new TreeMap<>();
        int followed = 0;
        int unresolved = 0;
        for (Map.Entry<Path, SourceUnit> e : templates.entrySet()) {
            List<Path> targets = new ArrayList<>();
            for (LinkRef link : e.getValue().links()) {
                LinkResolver.Resolution r = resolver.resolve(e.getKey(), link);
                if (r.followed()) {
                    followed++;
                } else {
                    unresolved++;
                }
                if (r.note != null) {
                    linkNotes.add(new Note(Note.Kind.LINK, r.note));
                }
                for (Path target : r.targets) {
                    if (templates.containsKey(target) && !target.equals(e.getKey()) && !targets.contains(target)) {
                        targets.add(target);
                    }
                }
            }
            links.put(e.getKey(), targets);
        }
        Map<Path, TemplateRole> fixed = new TreeMap<>();
        Set<Path> entries = new HashSet<>();
        for (Map.Entry<Path, SourceUnit> e : templates.entrySet()) {
            Path t = e.getKey();
            if (options.namesAsMain(t)) {
                fixed.put(t, TemplateRole.MAIN);
            } else if (TemplateRole.of(t) != TemplateRole.MAIN) {
                fixed.put(t, TemplateRole.of(t));
            } else if (isSampleOrTest(resolver.relative(t)) && !e.getValue().links().isEmpty()) {
                fixed.put(t, TemplateRole.SAMPLE);
                entries.add(t);
            }
        }
        Set<Path> linked = new HashSet<>();
        for (Map.Entry<Path, List<Path>> e : links.entrySet()) {
            if (!entries.contains(e.getKey())) {
                linked.addAll(e.getValue()); // what only samples call keeps the role it has without them
            }
        }
        Map<Path, TemplateRole> roles = new LinkedHashMap<>();
        for (Path t : templates.keySet()) {
            TemplateRole role = fixed.get(t);
            roles.put(t, role != null ? role : linked.contains(t) ? TemplateRole.LINKED : TemplateRole.MAIN);
        }
        notes.addAll(linkNotes);
        List<Path> cycle = cycle(links);
        if (!cycle.isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (Path p : cycle) {
                path.append(path.length() == 0 ? "" : " -> ").append(resolver.relative(p));
            }
            notes.add(new Note(Note.Kind.CYCLE, "the templates link in a cycle, " + path + "; each was checked once"));
        }
        if (templates.isEmpty() && sources.isEmpty()) {
            notes.add(new Note(Note.Kind.NO_TEMPLATES, "no deployment templates under " + root + ": " + jsonRead
                    + " JSON file(s) read, none with a $schema ending in deploymentTemplate.json, and no .bicep file"));
        } else if (!roles.containsValue(TemplateRole.MAIN)) {
            notes.add(new Note(Note.Kind.NO_MAIN, "found " + templates.size() + " template(s) but no main one: each"
                    + " is linked from another, stands in a nestedtemplates or linkedtemplates folder, or is a sample"
                    + " or test; name the main template with --main NAME"));
        }
        if (!entries.isEmpty()) {
            notes.add(new Note(Note.Kind.ENTRY_POINTS, entries.size() == 1
                    ? "1 sample or test that calls modules was set aside as an entry point, not a main template; name"
                            + " it with --main to check it as the main template"
                    : entries.size() + " samples and tests that call modules were set aside as entry points, not main"
                            + " templates; name one with --main to check it as the main template"));
        }
        if (unresolved > 0) {
            notes.add(new Note(Note.Kind.LINKS_SUMMARY, unresolved + (unresolved == 1 ? " link" : " links")
                    + " not resolved (each noted above), " + followed + " followed"));
        }
        return new SolutionGraph(roles, notes, followed, unresolved, entries.size());
    }

    /** Whether a path (relative to the scan) is a sample's or a test's: by its folder or its name. */
    static boolean isSampleOrTest(String relative) {
        String[] parts = relative.toLowerCase(Locale.ROOT).split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (parts[i].equals("samples") || parts[i].equals("sample") || parts[i].equals("tests")
                    || parts[i].equals("test")) {
                return true;
            }
        }
        String name = parts[parts.length - 1];
        return name.endsWith(".test.bicep") || name.endsWith(".sample.bicep");
    }

    /** {@return each template's final role, in path order} */
    public Map<Path, TemplateRole> roles() {
        return roles;
    }

    /** {@return what the scan could not decide or set aside, in words} */
    public List<Note> notes() {
        return notes;
    }

    /** {@return how many links reached a scanned template} */
    public int followed() {
        return followed;
    }

    /** {@return how many links reached none} */
    public int unresolved() {
        return unresolved;
    }

    /** {@return how many samples and tests were set aside as entry points} */
    public int entryPoints() {
        return entryPoints;
    }

    /** One cycle among the links, as a path that ends where it starts; empty when there is none. */
    private static List<Path> cycle(Map<Path, List<Path>> links) {
        Map<Path, Integer> state = new TreeMap<>();
        for (Path start : links.keySet()) {
            List<Path> found = visit(start, links, state, new ArrayList<Path>());
            if (!found.isEmpty()) {
                return found;
            }
        }
        return Collections.emptyList();
    }

    private static List<Path> visit(Path node, Map<Path, List<Path>> links, Map<Path, Integer> state,
            List<Path> stack) {
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
        for (Path next : links.containsKey(node) ? links.get(node) : Collections.<Path>emptyList()) {
            List<Path> found = visit(next, links, state, stack);
            if (!found.isEmpty()) {
                return found;
            }
        }
        stack.remove(stack.size() - 1);
        state.put(node, 2);
        return Collections.emptyList();
    }
}
