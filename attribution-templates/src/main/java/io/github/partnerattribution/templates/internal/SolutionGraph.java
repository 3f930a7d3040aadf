package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The graph stage of a scan: from the sources, where their links lead and which templates the repository deploys
 * directly, each template's final role, the entry points set aside, cycles, and in words what could not be decided.
 * Roles come from the graph:
 * <ul>
 * <li>main when the caller names it ({@code --main});</li>
 * <li>nested when a Bicep deployment takes it as its inline template ({@code loadJsonContent});</li>
 * <li>a sample or test entry point when it stands under {@code samples/}, {@code tests/} or {@code test/} (or is a
 * {@code *.sample.bicep} or {@code *.test.bicep}) and calls other files; a helper when it stands there and calls
 * none;</li>
 * <li>main when a document, script or pipeline deploys it directly ({@link DirectDeployments}), even if another
 * template links it too;</li>
 * <li>linked when a template that is not a sample or test links it (nested when it stands in a
 * {@code nestedtemplates} folder);</li>
 * <li>a helper when only samples and tests call it;</li>
 * <li>otherwise main, except a template in a {@code nestedtemplates} or {@code linkedtemplates} folder that links
 * nothing and that nothing links, which keeps its folder's role.</li>
 * </ul>
 * A JSON file Bicep compiled from a source elsewhere (its parameters and name match) is checked as that source, in
 * the role the JSON has. Not API.
 *
 * <pre>{@code
 * SolutionGraph graph = SolutionGraph.of(root, sources, resolver, options, jsonRead, deployed);
 * TemplateRole role = graph.roles().get(file);
 * }</pre>
 */
public final class SolutionGraph {
    /** A module path written in another case than the file it names. */
    public static final class CaseMismatch {
        public final int line;
        public final int column;
        public final String written;
        public final String actual;

        CaseMismatch(int line, int column, String written, String actual) {
            this.line = line;
            this.column = column;
            this.written = written;
            this.actual = actual;
        }
    }

    /** How many templates a note names one by one before it says "and N more". */
    private static final int NAMED = 5;

    private final Map<Path, TemplateRole> roles;
    private final List<Note> notes;
    private final int followed;
    private final int unresolved;
    private final int entryPoints;
    private final Map<Path, String> deployedAt;
    private final Map<Path, List<CaseMismatch>> caseMismatches;

    private SolutionGraph(Map<Path, TemplateRole> roles, List<Note> notes, int followed, int unresolved,
            int entryPoints, Map<Path, String> deployedAt, Map<Path, List<CaseMismatch>> caseMismatches) {
        this.roles = Collections.unmodifiableMap(roles);
        this.notes = Collections.unmodifiableList(notes);
        this.followed = followed;
        this.unresolved = unresolved;
        this.entryPoints = entryPoints;
        this.deployedAt = deployedAt;
        this.caseMismatches = caseMismatches;
    }

    /** As {@link #of(Path, Map, LinkResolver, TemplateOptions, int, Map)}, with no template deployed directly. */
    public static SolutionGraph of(Path root, Map<Path, SourceUnit> sources, LinkResolver resolver, TemplateOptions options,
            int jsonRead) {
        return of(root, sources, resolver, options, jsonRead, Collections.<Path, String>emptyMap());
    }

    /**
     * Links every source's links through {@code resolver} and decides the roles.
     *
     * @param sources the templates read, by path, in path order
     * @param jsonRead how many JSON files were read to find them, for the note when there is none
     * @param deployed the templates the repository deploys directly, each with where ({@code README.md:12})
     */
    public static SolutionGraph of(Path root, Map<Path, SourceUnit> sources, LinkResolver resolver, TemplateOptions options,
            int jsonRead, Map<Path, String> deployed) {
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
        Map<Path, Path> twins = compiledElsewhere(templates, resolver, notes);
        Map<Path, List<Path>> links = new TreeMap<>();
        Set<Path> inline = new HashSet<>();
        Map<Path, List<CaseMismatch>> caseMismatches = new HashMap<>();
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
                if (r.actualCase != null) {
                    List<CaseMismatch> list = caseMismatches.get(e.getKey());
                    if (list == null) {
                        caseMismatches.put(e.getKey(), list = new ArrayList<>());
                    }
                    list.add(new CaseMismatch(link.line, link.column, link.raw, r.actualCase));
                }
                for (Path found : r.targets) {
                    Path target = twins.containsKey(found) ? twins.get(found) : found;
                    if (templates.containsKey(target) && !target.equals(e.getKey()) && !targets.contains(target)) {
                        targets.add(target);
                        if (link.kind == LinkRef.Kind.INLINE) {
                            inline.add(target);
                        }
                    }
                }
            }
            links.put(e.getKey(), targets);
        }
        // who calls whom, and which callers are samples, tests or their files
        Set<Path> underTest = new HashSet<>();
        for (Path t : templates.keySet()) {
            if (isSampleOrTest(resolver.relative(t)) && !options.namesAsMain(t)) {
                underTest.add(t);
            }
        }
        Map<Path, List<Path>> callers = new HashMap<>();
        for (Map.Entry<Path, List<Path>> e : links.entrySet()) {
            for (Path target : e.getValue()) {
                List<Path> list = callers.get(target);
                if (list == null) {
                    callers.put(target, list = new ArrayList<>());
                }
                list.add(e.getKey());
            }
        }
        Map<Path, TemplateRole> roles = new LinkedHashMap<>();
        Map<Path, String> deployedAt = new HashMap<>();
        int entries = 0;
        List<String> helpersOutside = new ArrayList<>();
        int helpers = 0;
        List<String> directly = new ArrayList<>();
        for (Path t : templates.keySet()) {
            TemplateRole folder = TemplateRole.of(t);
            List<Path> by = callers.containsKey(t) ? callers.get(t) : Collections.<Path>emptyList();
            boolean byProduct = false;
            for (Path caller : by) {
                byProduct |= !underTest.contains(caller);
            }
            String where = deployed.get(t);
            TemplateRole role;
            if (options.namesAsMain(t)) {
                role = TemplateRole.MAIN;
            } else if (inline.contains(t)) {
                role = TemplateRole.NESTED;
            } else if (underTest.contains(t)) {
                role = links.get(t).isEmpty() ? TemplateRole.HELPER : TemplateRole.SAMPLE;
            } else if (where != null) {
                role = TemplateRole.MAIN;
                if (!by.isEmpty()) {
                    directly.add(resolver.relative(t) + " is " + (byProduct ? "linked by " : "called only by samples"
                            + " or tests, such as ") + resolver.relative(by.get(0)) + " but deployed directly ("
                            + where + "): checked as a main template");
                }
            } else if (byProduct) {
                role = folder == TemplateRole.NESTED ? TemplateRole.NESTED : TemplateRole.LINKED;
            } else if (!by.isEmpty()) {
                role = TemplateRole.HELPER;
                if (helpersOutside.size() <= NAMED) {
                    helpersOutside.add(resolver.relative(t) + " (called by " + resolver.relative(by.get(0)) + ")");
                }
            } else if (folder != TemplateRole.MAIN && links.get(t).isEmpty()) {
                role = folder;
            } else {
                role = TemplateRole.MAIN;
            }
            if (role == TemplateRole.SAMPLE) {
                entries++;
            } else if (role == TemplateRole.HELPER) {
                helpers++;
            }
            if (role == TemplateRole.MAIN && where != null) {
                deployedAt.put(t, where);
            }
            roles.put(t, role);
        }
        notes.addAll(linkNotes);
        for (String d : directly) {
            notes.add(new Note(Note.Kind.DEPLOYED_DIRECTLY, d));
        }
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
                    + " or test or one of their helpers; name the main template with --main NAME"));
        }
        if (entries > 0 || helpers > 0) {
            StringBuilder words = new StringBuilder();
            words.append(entries).append(entries == 1 ? " sample or test that calls modules"
                    : " samples and tests that call modules").append(" set aside as ")
                    .append(entries == 1 ? "an entry point" : "entry points").append(", and ").append(helpers)
                    .append(helpers == 1 ? " helper" : " helpers").append(" (in their folders, or called only by them):"
                    + " none is a main template, so none needs a tracking resource; name one with --main to check it"
                    + " as the main template");
            if (!helpersOutside.isEmpty()) {
                words.append("; outside their folders: ");
                for (int i = 0; i < Math.min(NAMED, helpersOutside.size()); i++) {
                    words.append(i == 0 ? "" : ", ").append(helpersOutside.get(i));
                }
                words.append(helpersOutside.size() > NAMED ? ", ..." : "");
            }
            notes.add(new Note(Note.Kind.ENTRY_POINTS, words.toString()));
        }
        if (unresolved > 0) {
            notes.add(new Note(Note.Kind.LINKS_SUMMARY, unresolved + (unresolved == 1 ? " link" : " links")
                    + " not resolved (each noted above), " + followed + " followed"));
        }
        return new SolutionGraph(roles, notes, followed, unresolved, entries, deployedAt, caseMismatches);
    }

    /**
     * JSON files Bicep compiled from a source in another folder ({@code templates/policies-x.bicep} built into
     * {@code policyDefinitions/x.json}): each is taken out, and its source takes its place as a link's target. The
     * source is the one Bicep file with the same parameters whose name is the JSON's or ends with it after a
     * {@code -}, {@code _} or {@code .}.
     */
    private static Map<Path, Path> compiledElsewhere(Map<Path, SourceUnit> templates, LinkResolver resolver,
            List<Note> notes) {
        Map<Path, Path> twins = new HashMap<>();
        Map<List<String>, List<Path>> byParameters = null;
        for (Path t : new ArrayList<>(templates.keySet())) {
            SourceUnit unit = templates.get(t);
            if (!unit.compiledByBicep()) {
                continue;
            }
            if (byParameters == null) {
                byParameters = new HashMap<>(); // the Bicep files by their parameters: one lookup per compiled JSON
                for (Map.Entry<Path, SourceUnit> e : templates.entrySet()) {
                    if (Pipeline.isBicep(e.getKey())) { // by name: a model let go of (memory) keeps its parameters
                        List<Path> same = byParameters.get(e.getValue().parameters());
                        if (same == null) {
                            byParameters.put(e.getValue().parameters(), same = new ArrayList<>());
                        }
                        same.add(e.getKey());
                    }
                }
            }
            String name = t.getFileName().toString();
            String base = name.substring(0, name.length() - 5).toLowerCase(Locale.ROOT);
            Path source = null;
            int found = 0;
            List<Path> candidates = byParameters.get(unit.parameters());
            for (Path candidate : candidates == null ? Collections.<Path>emptyList() : candidates) {
                String bicep = candidate.getFileName().toString().toLowerCase(Locale.ROOT);
                String b = bicep.substring(0, bicep.length() - 6);
                if (b.equals(base) || (b.endsWith(base) && "-_.".indexOf(b.charAt(b.length() - base.length() - 1)) >= 0)) {
                    source = candidate;
                    found++;
                }
            }
            if (found == 1) {
                templates.remove(t);
                twins.put(t, source);
                notes.add(new Note(Note.Kind.COMPILED_TWIN, resolver.relative(t) + " is compiled from "
                        + resolver.relative(source) + ", which is checked instead, in its role"));
            }
        }
        return twins;
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

    /** {@return where the repository deploys a main template directly ({@code README.md:12}), or null} */
    public String deployedAt(Path template) {
        return deployedAt.get(template);
    }

    /** {@return a template's module paths written in another case than their files, in file order} */
    public List<CaseMismatch> caseMismatches(Path template) {
        List<CaseMismatch> list = caseMismatches.get(template);
        return list == null ? Collections.<CaseMismatch>emptyList() : list;
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
