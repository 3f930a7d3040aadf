package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.PartnerId;
import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Utf8;
import io.github.partnerattribution.templates.TemplateOptions;
import io.github.partnerattribution.templates.TemplateRole;
import io.github.partnerattribution.templates.internal.rules.TemplateRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one driver of the template pipeline, which {@code check}, {@code checkAll}, {@code scan}, {@code checkPackage}
 * and the Maven plugin all go through: sources (each file read and parsed once per run, into a {@link SourceUnit};
 * what a Bicep file needs of another file, a module's declarations or a loaded JSON file, comes from that file's own
 * unit), then roles (from the path, from {@code --main}, or from the solution's graph), then the rules, each given
 * the same model whoever asked and the role as an input. Not API.
 *
 * <pre>{@code
 * Pipeline.Result<Finding> r = new Pipeline<>(options, findings).scan(root);
 * }</pre>
 */
public final class Pipeline<F> {
    /** Parsed sources a scan keeps for its rules stage, in bytes; beyond it, a file is read again when checked. */
    static final long RETAINED_MAX_BYTES = 128L * 1024 * 1024;

    /** One template checked: the file, the role it was checked in, its findings in file order. */
    public static final class Checked<F> {
        public final Path file;
        public final TemplateRole role;
        public final List<F> findings;
        /** The partner ids of its top-level tracking resources, each once, in file order. */
        public final List<PartnerId> ids;

        Checked(Path file, TemplateRole role, List<F> findings, List<PartnerId> ids) {
            this.file = file;
            this.role = role;
            this.findings = Collections.unmodifiableList(findings);
            this.ids = Collections.unmodifiableList(ids);
        }
    }

    /** What a run found: each template's findings, the notes, and the links followed and not resolved. */
    public static final class Result<F> {
        public final List<Checked<F>> templates = new ArrayList<>();
        public final List<Note> notes = new ArrayList<>();
        public int followed;
        public int unresolved;
        /** How many files the run read from disk: each once, whoever needed it. */
        public int filesRead;
    }

    private final TemplateOptions options;
    private final TemplateChecker.Findings<F> findings;
    private final boolean scanning;
    private final Map<Path, SourceUnit> units = new HashMap<>();
    private final Set<Path> reading = new HashSet<>();
    private final Map<String, Loaded> loaded = new HashMap<>();
    private final Map<String, SourceUnit> modules = new HashMap<>();
    /** Small files read once and needed again (a JSON file a scan saw that a Bicep file loads, or the reverse). */
    private final Map<Path, byte[]> kept = new HashMap<>();
    private long keptBytes;
    private int filesRead;
    /** At most this many bytes of small files are kept for a second use in one run; beyond, they are read again. */
    static final long KEPT_MAX_BYTES = 64L * 1024 * 1024;

    private Pipeline(TemplateOptions options, TemplateChecker.Findings<F> findings, boolean scanning) {
        this.options = options;
        this.findings = findings;
        this.scanning = scanning;
    }

    /** A run that checks the files it is given, each in the role its path implies (or main by the options). */
    public static <F> Pipeline<F> checking(TemplateOptions options, TemplateChecker.Findings<F> findings) {
        return new Pipeline<>(options, findings, false);
    }

    /** A run that scans folders: JSON that names no deployment template is passed over. */
    public static <F> Pipeline<F> scanning(TemplateOptions options, TemplateChecker.Findings<F> findings) {
        return new Pipeline<>(options, findings, true);
    }

    // ---- the sources stage

    /** One file of the run, read and parsed once; null while it is being read (a module that calls itself back). */
    public SourceUnit read(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        SourceUnit unit = units.get(key);
        if (unit != null || !reading.add(key)) {
            return unit;
        }
        try {
            unit = readNow(file);
            units.put(key, unit);
            return unit;
        } finally {
            reading.remove(key);
        }
    }

    private SourceUnit readNow(Path file) throws IOException {
        byte[] content;
        try {
            content = content(file, JsonModel.READ_MAX_BYTES);
        } catch (FileEdit.TooLarge tooLarge) {
            // far beyond what ARM accepts: reported by its size and never read, so a huge file cannot exhaust memory
            return SourceUnit.json(file, file.toString(), JsonModel.unread(file.toString(), tooLarge.size, options));
        }
        SourceUnit unit = unit(file, content, loader(file.toAbsolutePath().getParent()));
        if (!unit.template()) {
            keep(file, content); // JSON a Bicep file may still load (loadJsonContent): not read again then
        }
        return unit;
    }

    /**
     * A file's bytes: read from disk once a run, or the ones kept from that read; refused ({@link FileEdit.TooLarge})
     * past {@code maxBytes}, told by the file's size before it is read.
     */
    private byte[] content(Path file, long maxBytes) throws IOException {
        byte[] b = kept.get(file.toAbsolutePath().normalize());
        if (b == null) {
            b = FileEdit.read(file, maxBytes);
            filesRead++;
        } else if (b.length > maxBytes) {
            throw new FileEdit.TooLarge(file, b.length, maxBytes);
        }
        return b;
    }

    /** Keeps a small file's bytes for another stage that needs them, within {@link #KEPT_MAX_BYTES} in all. */
    private void keep(Path file, byte[] content) {
        if (content.length <= BicepModel.MAX_LOADED_BYTES && keptBytes + content.length <= KEPT_MAX_BYTES
                && kept.put(file.toAbsolutePath().normalize(), content) == null) {
            keptBytes += content.length;
        }
    }

    /** Content that is not on disk beside other files (an archive's entry, bytes given): it loads no file. */
    public SourceUnit unit(Path file, byte[] content) {
        return unit(file, content, BicepModel.NO_FOLDER);
    }

    private SourceUnit unit(Path file, byte[] content, BicepModel.Loader loader) {
        String name = file.toString();
        if (isBicep(file)) {
            if (Utf8.firstInvalid(content, Utf8.hasBom(content) ? 3 : 0) >= 0) {
                // not UTF-8: the one finding that says so, as for JSON
                return SourceUnit.json(file, name, JsonModel.of(name, content, options));
            }
            return SourceUnit.bicep(file, name, content.length, BicepParser.parse(Utf8.text(content)), loader);
        }
        if (scanning && !JsonModel.mayBeTemplate(content)) {
            return SourceUnit.notATemplate(file, name, content.length);
        }
        JsonModel model = JsonModel.of(name, content, options);
        // a scan keeps its models until the roles are known: their trees, not their files' text
        return SourceUnit.json(file, name, model, scanning ? model.withoutText() : model);
    }

    /** What a Bicep file in {@code folder} may load: modules and files beside it, each read once in this run. */
    public BicepModel.Loader loader(final Path folder) {
        return new BicepModel.Loader() {
            @Override
            public Boolean deploysNothing(String path) {
                SourceUnit unit = module(folder, path);
                return unit == null ? null : !unit.deploysSomething();
            }

            @Override
            public java.util.Set<String> nameParameters(String path) {
                SourceUnit unit = module(folder, path);
                return unit == null ? Collections.<String>emptySet() : unit.bicep().nameParameters();
            }

            @Override
            public Loaded load(String path, boolean json) {
                Path target = resolve(folder, path);
                if (target == null) {
                    return Loaded.problem(io.github.partnerattribution.core.support.Text.quote(path)
                            + " is not a path");
                }
                String key = (json ? "json:" : "text:") + target;
                Loaded l = loaded.get(key);
                if (l == null) {
                    l = loadNow(path, target, json);
                    loaded.put(key, l);
                }
                return l;
            }
        };
    }

    /**
     * The Bicep module a {@code module} declaration in {@code folder} calls, read once in this run; null for a registry
     * or template spec module, a file that is not there or not Bicep. Told once per path and folder: a module's
     * declarations ask twice (whether it deploys anything, which parameters name its deployments).
     */
    private SourceUnit module(Path folder, String path) {
        String key = folder + "\u0000" + path;
        if (modules.containsKey(key)) {
            return modules.get(key);
        }
        Path target = resolve(folder, path);
        SourceUnit unit = null;
        if (target != null && isBicep(target) && path.indexOf(':') < 0 && Files.isRegularFile(target)) {
            try {
                SourceUnit read = read(target);
                unit = read == null || read.bicep() == null ? null : read;
            } catch (IOException e) {
                unit = null;
            }
        }
        if (unit != null || target == null || !reading.contains(target.toAbsolutePath().normalize())) {
            modules.put(key, unit); // not while the module is being read: it calls back into a cycle
        }
        return unit;
    }

    private static Path resolve(Path folder, String path) {
        try {
            return folder.resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private Loaded loadNow(String relative, Path target, boolean json) {
        try {
            if (!Files.isRegularFile(target)) {
                return Loaded.problem(relative + " is not there");
            }
            byte[] bytes;
            try {
                bytes = content(target, BicepModel.MAX_LOADED_BYTES);
            } catch (FileEdit.TooLarge tooLarge) {
                return Loaded.problem(relative + " is over " + BicepModel.MAX_LOADED_BYTES
                        + " bytes, more than Bicep loads");
            }
            keep(target, bytes); // the scan may come to it as a file of its own
            int invalid = Utf8.firstInvalid(bytes, Utf8.hasBom(bytes) ? 3 : 0);
            if (invalid >= 0) {
                return Loaded.problem(relative + " is not UTF-8 (byte offset " + invalid + ")");
            }
            String content = Utf8.text(bytes);
            return new Loaded(json ? JsonTree.parse(content, new ArrayList<JsonTree.Duplicate>()) : content, null);
        } catch (JsonTree.SyntaxError e) {
            return Loaded.problem(relative + " is not valid JSON (line " + e.line + ", column " + e.column + ")");
        } catch (IOException e) {
            return Loaded.problem(relative + " cannot be read (" + e.getMessage() + ")");
        }
    }

    // ---- the rules stage

    /** The rules on one unit, in a role. */
    public List<F> check(SourceUnit unit, TemplateRole role, boolean partnerCenterMain) throws IOException {
        return check(unit, role, partnerCenterMain, null, caseMismatches(unit));
    }

    /** The rules on one unit, in a role, with what the solution's graph knows of it. */
    List<F> check(SourceUnit unit, TemplateRole role, boolean partnerCenterMain, String deployedAt,
            List<SolutionGraph.CaseMismatch> caseMismatches) throws IOException {
        return checked(unit.file, unit, role, partnerCenterMain, deployedAt, caseMismatches).findings;
    }

    /**
     * The rules on one unit, in a role, with what the solution's graph knows of it (none for a check of files one by
     * one: {@code caseMismatches} null), and the partner ids it carries.
     */
    private Checked<F> checked(Path file, SourceUnit unit, TemplateRole role, boolean partnerCenterMain,
            String deployedAt, List<SolutionGraph.CaseMismatch> caseMismatches) throws IOException {
        SourceUnit u = unit;
        if (u.released()) {
            Path key = u.file.toAbsolutePath().normalize();
            units.remove(key);
            u = read(u.file); // over the memory budget: read again, once, now
            units.remove(key);
            if (u == null || !u.template()) {
                throw new IOException(unit.file + " changed while it was scanned: it is no longer a template");
            }
        }
        TemplateRule.Context context = new TemplateRule.Context(role, unit.name, partnerCenterMain, deployedAt,
                caseMismatches == null ? caseMismatches(unit) : caseMismatches, options);
        TrackingModel model = u.bicep() != null ? u.bicep() : u.json();
        List<PartnerId> ids = new ArrayList<>(1);
        for (TrackingModel.Site site : model.sites()) {
            if (site.decided() && site.id() != null && site.level() == 0 && !ids.contains(site.id())) {
                ids.add(site.id());
            }
        }
        return new Checked<>(file, role, u.bicep() != null ? TemplateChecker.check(u.bicep(), context, findings)
                : TemplateChecker.check(u.json(), context, findings), ids);
    }

    /**
     * A file's module paths that name a file on disk only in another case (found on Windows and macOS, not on a
     * Linux build agent), for a check of files one by one; a scan has them from its graph.
     */
    private static List<SolutionGraph.CaseMismatch> caseMismatches(SourceUnit unit) {
        Path folder = unit.file.toAbsolutePath().getParent();
        if (unit.bicep() == null || folder == null || unit.file.toString().contains("!/")) {
            return Collections.emptyList();
        }
        List<SolutionGraph.CaseMismatch> out = new ArrayList<>();
        for (LinkRef link : unit.links()) {
            String path = link.raw;
            if (path.indexOf(':') >= 0 || path.startsWith("/")) {
                continue;
            }
            Path target = resolve(folder, path);
            if (target == null || Files.exists(target)) {
                continue;
            }
            String actual = actualCase(folder, path);
            if (actual != null) {
                out.add(new SolutionGraph.CaseMismatch(link.line, link.column, link.raw, actual));
            }
        }
        return out;
    }

    /** {@code relative} under {@code folder} as the files are named, each segment matched in any case; or null. */
    private static String actualCase(Path folder, String relative) {
        Path at = folder;
        StringBuilder written = new StringBuilder();
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                at = at.getParent();
                if (at == null) {
                    return null;
                }
                written.append(written.length() == 0 ? "" : "/").append("..");
                continue;
            }
            Path exact = at.resolve(segment);
            if (Files.exists(exact)) {
                at = exact;
                written.append(written.length() == 0 ? "" : "/").append(segment);
                continue;
            }
            String match = null;
            try (java.nio.file.DirectoryStream<Path> children = Files.newDirectoryStream(at)) {
                for (Path child : children) {
                    if (child.getFileName().toString().equalsIgnoreCase(segment)) {
                        match = child.getFileName().toString();
                        break;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (match == null) {
                return null;
            }
            at = at.resolve(match);
            written.append(written.length() == 0 ? "" : "/").append(match);
        }
        return Files.isRegularFile(at) ? written.toString() : null;
    }

    // ---- the drivers

    /** Checks files, each in the role its path implies or main when the options name it; packages as packages. */
    public Result<F> checkAll(List<Path> files) throws IOException {
        Result<F> result = new Result<>();
        for (Path file : files) {
            if (isPackage(file)) {
                checkZip(file, result, null);
                continue;
            }
            TemplateRole role = options.namesAsMain(file) ? TemplateRole.MAIN : TemplateRole.of(file);
            result.templates.add(checked(file, read(file), role, false, null, null));
        }
        result.filesRead = filesRead;
        return result;
    }

    /** Checks one file in the role given. */
    public List<F> check(Path file, TemplateRole role) throws IOException {
        return check(read(file), role, false);
    }

    /**
     * Scans a folder: discovery, sources, links, the graph's roles, then the rules once per template in its final
     * role; then the packages in it.
     */
    public Result<F> scan(Path root) throws IOException {
        Map<Path, SourceUnit> sources = new TreeMap<>();
        int jsonRead = 0;
        long retained = 0;
        List<Path> packages = new ArrayList<>();
        Discovery.Found found = Discovery.walk(root);
        // the documents are read for the deployments they write on a thread of their own, while the templates are
        // read here: the files' reading overlaps, and what they name is resolved once the templates are known
        java.util.concurrent.FutureTask<DirectDeployments> documents = new java.util.concurrent.FutureTask<>(
                () -> DirectDeployments.read(root, found.documents));
        if (!found.documents.isEmpty()) {
            Thread reader = new Thread(documents, "attribution-scan-documents");
            reader.setDaemon(true);
            reader.start();
        } else {
            documents.run();
        }
        try {
            for (Path file : found.templates) {
                if (isPackage(file)) {
                    packages.add(file);
                    continue;
                }
                jsonRead += isBicep(file) ? 0 : 1;
                SourceUnit unit = read(file);
                if (unit != null && unit.template()) {
                    retained += unit.size();
                    sources.put(file, unit);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            documents.cancel(true); // the scan fails: its documents' reading stops too
            throw e;
        }
        if (retained > RETAINED_MAX_BYTES) {
            long kept = 0;
            for (SourceUnit unit : sources.values()) {
                kept += unit.size();
                if (kept > RETAINED_MAX_BYTES) {
                    unit.release(); // read again by the rules stage: memory stays bounded on any tree
                }
            }
        }
        Result<F> result = new Result<>();
        LinkResolver resolver = LinkResolver.of(root, sources.keySet());
        DirectDeployments documented = done(documents).resolve(resolver);
        SolutionGraph graph = SolutionGraph.of(root, sources, resolver, options, jsonRead, documented.deployed());
        for (TemplateRole role : TemplateRole.values()) {
            for (Map.Entry<Path, TemplateRole> entry : graph.roles().entrySet()) {
                if (entry.getValue() == role) {
                    Path file = entry.getKey();
                    result.templates.add(checked(file, sources.get(file), role, false, graph.deployedAt(file),
                            graph.caseMismatches(file)));
                }
            }
        }
        result.notes.addAll(graph.notes());
        if (documented.summary() != null) {
            result.notes.add(new Note(Note.Kind.DOCUMENTED_DEPLOYMENTS, documented.summary()));
        }
        result.followed = graph.followed();
        result.unresolved = graph.unresolved();
        List<String> artifacts = new ArrayList<>();
        boolean anyPackage = false;
        for (Path zip : packages) {
            anyPackage |= checkZip(zip, result, artifacts);
        }
        if (!artifacts.isEmpty()) {
            StringBuilder words = new StringBuilder().append(artifacts.size()).append(artifacts.size() == 1
                    ? " zip file is" : " zip files are").append(" not a Marketplace package (no mainTemplate.json or"
                    + " createUiDefinition.json in it): artifacts that templates download, not checked (");
            for (int i = 0; i < Math.min(5, artifacts.size()); i++) {
                words.append(i == 0 ? "" : ", ").append(ReportRenderers.relativeName(root, Paths.get(artifacts.get(i))));
            }
            result.notes.add(new Note(Note.Kind.ARTIFACTS, words.append(artifacts.size() > 5 ? ", ...)" : ")")
                    .toString()));
        }
        if (anyPackage) {
            for (int i = result.notes.size() - 1; i >= 0; i--) {
                if (result.notes.get(i).kind == Note.Kind.NO_TEMPLATES) {
                    result.notes.remove(i); // the packages hold them
                }
            }
        }
        result.filesRead = filesRead;
        return result;
    }

    /** The documents' reading, waited for: what it threw is thrown here, as if it had run on this thread. */
    private static DirectDeployments done(java.util.concurrent.FutureTask<DirectDeployments> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the documents were read");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IOException(cause);
        }
    }

    /**
     * A zip found by a scan or named to a check: a Marketplace package when it names {@code mainTemplate.json} or
     * {@code createUiDefinition.json} ({@link PackageArchive#namesPackageFile}), then checked as one; otherwise an
     * artifact, added to {@code artifacts} (a scan's summary) or, for a check, said in a note of its own.
     *
     * @return whether it was checked as a package
     */
    private boolean checkZip(Path zip, Result<F> result, List<String> artifacts) throws IOException {
        byte[] bytes;
        try {
            bytes = FileEdit.read(zip, JsonModel.READ_MAX_BYTES);
        } catch (FileEdit.TooLarge tooLarge) {
            checkPackage(zip, null, result);
            return true;
        }
        filesRead++;
        if (PackageArchive.namesPackageFile(bytes)) {
            checkPackage(zip, bytes, result);
            return true;
        }
        if (artifacts != null) {
            artifacts.add(zip.toString());
        } else {
            result.notes.add(new Note(Note.Kind.ARTIFACTS, zip + " is not a Marketplace package: it holds no"
                    + " mainTemplate.json or createUiDefinition.json (at its root or in one folder), so it is taken as an"
                    + " artifact that templates download, and nothing in it was checked"));
        }
        return false;
    }

    /**
     * Checks a Marketplace package as Partner Center reads it, into {@code result}: the package as a whole, then its
     * templates, {@code mainTemplate.json} at its root the main one (judged by Partner Center's rules rather than
     * CUA001) and every other one a template it deploys.
     */
    public void checkPackage(Path zip, Result<F> result) throws IOException {
        checkPackage(zip, null, result);
    }

    /** As {@link #checkPackage(Path, Result)}, with the archive's bytes when they were read already. */
    private void checkPackage(Path zip, byte[] bytes, Result<F> result) throws IOException {
        String name = zip.toString();
        PackageModel model;
        Map<Path, SourceUnit> sources = new TreeMap<>();
        Path inside = PackageModel.inside(name);
        try {
            PackageArchive archive = PackageArchive.read(bytes != null ? bytes : FileEdit.read(zip,
                    JsonModel.READ_MAX_BYTES));
            JsonModel main = null;
            for (Map.Entry<String, byte[]> e : archive.entries().entrySet()) {
                String entry = e.getKey().toLowerCase(Locale.ROOT);
                if (!entry.endsWith(".json") && !entry.endsWith(".bicep")) {
                    continue;
                }
                Path virtual = inside.resolve(e.getKey());
                SourceUnit unit = unit(virtual, e.getValue());
                if (e.getKey().equals(PackageModel.MAIN)) {
                    main = unit.json(); // parsed once: Partner Center's rules and the attribution rules read it
                }
                if (unit.template()) {
                    sources.put(virtual, unit);
                }
            }
            model = PackageModel.of(name, archive.entries(), main);
        } catch (FileEdit.TooLarge tooLarge) {
            model = PackageModel.refused(name, "it is " + tooLarge.size + " bytes; at most "
                    + JsonModel.READ_MAX_BYTES + " are read");
        } catch (PackageArchive.Refused refused) {
            model = PackageModel.refused(name, refused.getMessage());
        }
        result.templates.add(new Checked<>(zip, TemplateRole.PACKAGE, TemplateChecker.check(model,
                new TemplateRule.Context(TemplateRole.PACKAGE, name, false, null,
                        Collections.<SolutionGraph.CaseMismatch>emptyList(), options), findings),
                Collections.<PartnerId>emptyList()));
        if (sources.isEmpty()) {
            return;
        }
        Path mainPath = inside.resolve(PackageModel.MAIN);
        LinkResolver resolver = LinkResolver.of(inside, sources.keySet());
        SolutionGraph graph = SolutionGraph.of(inside, sources, resolver, options.withMainNames(
                Collections.singletonList(mainPath.toString())), 0);
        JsonModel main = model.main();
        boolean partnerCenterAdds = main != null && main.checkable() && main.sites().isEmpty()
                && main.topLevelDeployments() == 0;
        for (TemplateRole role : TemplateRole.values()) {
            for (Map.Entry<Path, TemplateRole> entry : graph.roles().entrySet()) {
                // in a package only mainTemplate.json at the root is main; every other template is one it deploys
                boolean isMain = entry.getKey().equals(mainPath);
                TemplateRole actual = isMain ? TemplateRole.MAIN : entry.getValue() == TemplateRole.MAIN
                        ? TemplateRole.LINKED : entry.getValue();
                if (actual == role) {
                    result.templates.add(checked(entry.getKey(), sources.get(entry.getKey()), actual, isMain, null,
                            null));
                }
            }
        }
        addBounded(graph.notes(), zip, result.notes);
        if (partnerCenterAdds) {
            result.notes.add(new Note(Note.Kind.PARTNER_CENTER_ADDS, mainPath + " has no tracking resource and no"
                    + " other deployments: Partner Center adds its own, pid-<guid>-partnercenter, when the package is"
                    + " uploaded; if the same template also ships outside the Marketplace, add your own (attribution"
                    + " template add) so those deployments count too"));
        }
        result.followed += graph.followed();
        result.unresolved += graph.unresolved();
    }

    /** At most this many notes about one package, the same words counted once: a crafted one cannot flood a report. */
    static final int PACKAGE_NOTES_MAX = 100;

    /**
     * A package's notes, bounded: a note said again is counted on the first ("(3 times)"), and past
     * {@link #PACKAGE_NOTES_MAX} different ones a last note says how many more were left out.
     */
    private static void addBounded(List<Note> notes, Path zip, List<Note> into) {
        Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        Map<String, Note.Kind> kinds = new HashMap<>();
        int leftOut = 0;
        for (Note note : notes) {
            if (note.kind == Note.Kind.NO_MAIN) {
                continue; // in a package, the main one is named
            }
            int[] count = counts.get(note.words);
            if (count != null) {
                count[0]++;
            } else if (counts.size() < PACKAGE_NOTES_MAX) {
                counts.put(note.words, new int[] {1});
                kinds.put(note.words, note.kind);
            } else {
                leftOut++;
            }
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int n = e.getValue()[0];
            into.add(new Note(kinds.get(e.getKey()), n == 1 ? e.getKey() : e.getKey() + " (" + n + " times)"));
        }
        if (leftOut > 0) {
            into.add(new Note(Note.Kind.LEFT_OUT, leftOut + " more notes about " + zip + " were left out (the first "
                    + PACKAGE_NOTES_MAX + " different ones are above)"));
        }
    }

    public static boolean isPackage(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    public static boolean isBicep(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bicep");
    }
}
