package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.templates.internal.Expressions.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns each link a template makes into the scanned files it can reach, as ARM and Bicep would follow it. A link's
 * expression is evaluated by {@link Expressions#evaluateLink} (variables, object members, parameter defaults, each
 * of a parameter's {@code allowedValues}, {@code concat}, {@code format}, {@code uri}); what it cannot know (the
 * template's own URL, an artifacts location, a parameter without a default) is a gap. The rest is matched against the
 * tree: beside the linking template first, then from each folder above it up to the scanned one (an artifacts
 * location may point at an ancestor folder; the nearest that holds the file wins), then as a path suffix anywhere. One match is the link; several are each a possible target and
 * the resolution says so; none, or a link out of the folder, is a note. Not API.
 *
 * <pre>{@code
 * LinkResolver resolver = LinkResolver.of(root, templates);
 * LinkResolver.Resolution r = resolver.resolve(file, link);
 * }</pre>
 */
public final class LinkResolver {
    private static final int SHOWN = 160;

    /** Where one link leads: the files, and in words what was uncertain or not found (null when nothing was). */
    public static final class Resolution {
        public final List<Path> targets;
        public final String note;
        /** For a module path written in another case than the file's: the file's path as it is; else null. */
        public final String actualCase;

        Resolution(List<Path> targets, String note) {
            this(targets, note, null);
        }

        Resolution(List<Path> targets, String note, String actualCase) {
            this.targets = Collections.unmodifiableList(targets);
            this.note = note;
            this.actualCase = actualCase;
        }

        /** {@return whether the link reached at least one scanned template} */
        public boolean followed() {
            return !targets.isEmpty();
        }
    }

    private final Path root;
    private final Map<String, Path> byRelative = new HashMap<>();
    private final Map<String, List<String>> byName = new HashMap<>();
    /** Each path in lower case, for a module path written in another case; null for two that differ only in case. */
    private final Map<String, String> byLowerCase = new HashMap<>();

    private LinkResolver(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A resolver over these templates, found under {@code root}. */
    public static LinkResolver of(Path root, Collection<Path> templates) {
        LinkResolver r = new LinkResolver(root);
        for (Path t : templates) {
            String relative = r.relative(t);
            r.byRelative.put(relative, t);
            String lower = relative.toLowerCase(java.util.Locale.ROOT);
            r.byLowerCase.put(lower, r.byLowerCase.containsKey(lower) ? null : relative);
            String name = name(relative);
            List<String> same = r.byName.get(name);
            if (same == null) {
                r.byName.put(name, same = new ArrayList<>());
            }
            same.add(relative);
        }
        for (List<String> same : r.byName.values()) {
            Collections.sort(same);
        }
        return r;
    }

    /** {@return the folder the links are resolved under} */
    public Path root() {
        return root;
    }

    /** The path of a file under the root, with forward slashes, as reports write it. */
    public String relative(Path file) {
        return ReportRenderers.relativeName(root, file);
    }

    /** Where a link of {@code from} leads. */
    public Resolution resolve(Path from, LinkRef link) {
        String fromRelative = relative(from);
        String folder = fromRelative.lastIndexOf('/') < 0 ? "" : fromRelative.substring(0, fromRelative.lastIndexOf('/'));
        String where = fromRelative + ":" + link.line + ": the " + (link.kind == LinkRef.Kind.MODULE ? "module " : "link ")
                + shown(link.raw);
        if (link.kind == LinkRef.Kind.MODULE || link.kind == LinkRef.Kind.INLINE) {
            return module(link.raw, folder, where);
        }
        Set<String> targets = new TreeSet<>();
        List<String> unresolved = new ArrayList<>();
        List<String> uncertain = new ArrayList<>();
        for (String pattern : link.patterns()) {
            Match m = match(pattern, folder, link.kind == LinkRef.Kind.URI);
            targets.addAll(m.files);
            if (m.files.isEmpty()) {
                unresolved.add(m.why);
            } else if (m.files.size() > 1) {
                uncertain.add(shownPattern(pattern));
            }
        }
        List<Path> files = new ArrayList<>();
        for (String t : targets) {
            files.add(byRelative.get(t));
        }
        String note = null;
        if (targets.isEmpty()) {
            note = where + (unresolved.size() == 1 && unresolved.get(0).startsWith("points") ? " " + unresolved.get(0)
                    : " was not resolved: " + String.join("; ", new LinkedHashSet<>(unresolved)));
        } else if (!uncertain.isEmpty()) {
            note = where + (uncertain.size() == 1 && !uncertain.get(0).equals(shown(link.raw))
                    ? " (" + uncertain.get(0) + ")" : "") + " may be any of " + targets.size() + " files, each checked as"
                    + " linked: " + String.join(", ", targets);
        } else if (!unresolved.isEmpty()) {
            note = where + " was followed to " + String.join(", ", targets) + " but not on every value: "
                    + String.join("; ", new LinkedHashSet<>(unresolved));
        }
        return new Resolution(files, note);
    }

    /**
     * The one scanned template a deployment command or button names ({@code value}: a path, which may hold
     * {@link Expressions#GAP}s, or a URL), from a document at {@code from}: beside it, in the folders above, then
     * the one whose path ends with it; empty when none or several match.
     */
    public List<Path> locate(Path from, String value) {
        return locate(relative(from), value);
    }

    /** As {@link #locate(Path, String)}, from a document whose path under the root is {@code fromRelative}. */
    public List<Path> locate(String fromRelative, String value) {
        String folder = fromRelative.lastIndexOf('/') < 0 ? "" : fromRelative.substring(0, fromRelative.lastIndexOf('/'));
        int scheme = value.indexOf("://");
        Match m = scheme > 0 && firstGap(value) > scheme ? match(value, folder, true)
                : match(value.charAt(0) == Expressions.GAP ? value : Expressions.GAP + "/" + value, folder, true);
        if (m.files.size() != 1) {
            return Collections.emptyList();
        }
        return Collections.singletonList(byRelative.get(m.files.get(0)));
    }

    private Resolution module(String path, String folder, String where) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("br:") || lower.startsWith("br/") || lower.startsWith("ts:") || lower.startsWith("ts/")) {
            return new Resolution(Collections.<Path>emptyList(), where + " comes from a registry or template spec;"
                    + " not followed (it is not in the scanned folder)");
        }
        String target = normalize(folder, path);
        if (target != null && byRelative.containsKey(target)) {
            return new Resolution(Collections.singletonList(byRelative.get(target)), null);
        }
        String actual = target == null ? null : byLowerCase.get(target.toLowerCase(java.util.Locale.ROOT));
        if (actual != null) {
            // found on a file system that ignores case (Windows, macOS), not on a Linux build agent
            return new Resolution(Collections.singletonList(byRelative.get(actual)), null, actual);
        }
        return new Resolution(Collections.<Path>emptyList(), where + " was not resolved: " + (target == null
                ? "it leads out of the scanned folder" : "no template " + target + " in the scanned folder"));
    }

    /** One value of a link as a pattern: known text, {@link Expressions#GAP} for unknown parts, query cut off. */
    static String pattern(Value value) {
        String all = value.complete ? value.known : value.known + Expressions.GAP + value.rest;
        int query = indexOfAny(all, '?', '#');
        if (query >= 0) {
            all = all.substring(0, query);
        }
        int end = all.length();
        while (end > 0 && all.charAt(end - 1) == Expressions.GAP) {
            end--;
        }
        String file = all.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        // a SAS token after the file name is no part of the path; a gap that is the file name itself stays
        return file.endsWith(".json") || file.endsWith(".bicep") ? all.substring(0, end) : all;
    }

    /** What the files of one pattern are, or why there is none. */
    private static final class Match {
        final List<String> files;
        final String why;

        Match(List<String> files, String why) {
            this.files = files;
            this.why = why;
        }
    }

    private Match match(String pattern, String folder, boolean uri) {
        if (!hasLiteral(pattern)) {
            return new Match(Collections.<String>emptyList(), "its value is not known before deployment and holds no"
                    + " path to match");
        }
        if (!hasGap(pattern)) {
            int scheme = pattern.indexOf("://");
            if (scheme >= 0) {
                return url(pattern, scheme, folder);
            }
            String near = normalize(folder, pattern);
            if (near != null && byRelative.containsKey(near)) {
                return found(near);
            }
            String fromRoot = uri ? normalize("", pattern) : null;
            if (fromRoot != null && byRelative.containsKey(fromRoot)) {
                return found(fromRoot);
            }
            return new Match(Collections.<String>emptyList(), "no template " + (near == null ? pattern : near)
                    + " in the scanned folder");
        }
        String p = pattern;
        int scheme = p.indexOf("://");
        int firstGap = firstGap(p);
        if (scheme >= 0 && scheme < firstGap) {
            // a URL with unknown parts: its path, from the folder the first unknown part stands in, is matched beside
            // the template and above it ('/vnet-' + parameters('x') + '.json' after a storage bucket's URL)
            int pathStart = p.indexOf('/', scheme + 3);
            if (pathStart < 0 || pathStart > firstGap) {
                p = p.substring(firstGap);
            } else {
                List<String> files = nearestTail(folder, p.substring(pathStart));
                if (!files.isEmpty()) {
                    return new Match(files, null);
                }
                p = Expressions.GAP + p.substring(p.lastIndexOf('/', firstGap));
            }
        }
        boolean leading = p.charAt(0) == Expressions.GAP;
        String rest = leading ? stripLeading(p) : p;
        if (!hasLiteral(rest)) {
            return new Match(Collections.<String>emptyList(), "its value is not known before deployment and holds no"
                    + " path to match");
        }
        List<String> files = glob(folder, rest);
        if (leading) {
            // an unknown base (an artifacts location) points at this folder or one above it: the nearest wins
            for (String up = folder; files.isEmpty() && !up.isEmpty(); ) {
                up = up.lastIndexOf('/') < 0 ? "" : up.substring(0, up.lastIndexOf('/'));
                files = glob(up, rest);
            }
            if (files.isEmpty()) {
                files = suffix(rest);
            }
        } else if (files.isEmpty() && uri && !folder.isEmpty()) {
            files = glob("", rest);
        }
        return files.isEmpty() ? new Match(files, "no template in the scanned folder matches " + shownPattern(p))
                : new Match(files, null);
    }

    /** A literal URL: the scanned file whose path ends it (the longest such path), or a note. */
    private Match url(String url, int scheme, String folder) {
        int pathStart = url.indexOf('/', scheme + 3);
        String path = pathStart < 0 ? "" : collapseSlashes(url.substring(pathStart));
        String best = null;
        boolean tie = false;
        List<String> same = byName.get(name(path));
        for (String candidate : same == null ? Collections.<String>emptyList() : same) {
            if (path.endsWith("/" + candidate)) {
                if (best == null || candidate.length() > best.length()) {
                    best = candidate;
                    tie = false;
                } else if (candidate.length() == best.length()) {
                    tie = true;
                }
            }
        }
        if (best == null) {
            // another repository's raw URL of a file kept beside the template: its path after the repository and
            // branch (or its last segments) beside the linking template or in a folder above
            List<String> files = nearestTail(folder, path);
            if (files.size() == 1) {
                return found(files.get(0));
            }
            return new Match(Collections.<String>emptyList(), "points outside the scanned folder (" + url
                    + "); not followed");
        }
        if (tie) {
            List<String> all = new ArrayList<>();
            for (String candidate : same) {
                if (path.endsWith("/" + candidate) && candidate.length() == best.length()) {
                    all.add(candidate);
                }
            }
            return new Match(all, null);
        }
        return found(best);
    }

    /**
     * The files a URL's path names from a folder: its tails, longest first (so the path after a repository's branch
     * before its file name alone), each looked for beside {@code folder} and then in each folder above; the first
     * tail found wins.
     */
    private List<String> nearestTail(String folder, String urlPath) {
        String[] segments = collapseSlashes(urlPath).split("/");
        for (int from = 1; from < segments.length; from++) {
            StringBuilder tail = new StringBuilder();
            boolean dots = false;
            for (int i = from; i < segments.length; i++) {
                tail.append(i == from ? "" : "/").append(segments[i]);
                dots |= segments[i].equals("..") || segments[i].equals(".");
            }
            if (dots || !hasLiteral(segments[segments.length - 1])) {
                continue;
            }
            for (String up = folder; ; ) {
                List<String> files = glob(up, tail.toString());
                if (!files.isEmpty()) {
                    return files;
                }
                if (up.isEmpty()) {
                    break;
                }
                up = up.lastIndexOf('/') < 0 ? "" : up.substring(0, up.lastIndexOf('/'));
            }
        }
        return Collections.emptyList();
    }

    /** A path as a web server reads it: each run of {@code /} one. */
    static String collapseSlashes(String path) {
        if (path.indexOf("//") < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c != '/' || out.length() == 0 || out.charAt(out.length() - 1) != '/') {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Files under {@code base} (relative to the root) matching {@code relative}, which may hold gaps. */
    private List<String> glob(String base, String relative) {
        String target = normalize(base, relative);
        if (target == null) {
            return Collections.emptyList();
        }
        if (!hasGap(target)) {
            return byRelative.containsKey(target) ? Collections.singletonList(target) : Collections.<String>emptyList();
        }
        return matching(target.split("/", -1), false, name(target));
    }

    /** Files anywhere whose path ends with {@code relative} (whole segments), which may hold gaps. */
    private List<String> suffix(String relative) {
        String tail = relative.startsWith("/") ? relative.substring(1) : relative;
        List<String> parts = new ArrayList<>();
        for (String segment : tail.split("/", -1)) {
            if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        if (parts.contains("..") || parts.isEmpty()) {
            return Collections.emptyList();
        }
        return matching(parts.toArray(new String[0]), true, parts.get(parts.size() - 1));
    }

    /** The candidates matching a pattern's {@code segments} whole, or, for a {@code suffix}, as their last ones. */
    private List<String> matching(String[] segments, boolean suffix, String name) {
        Collection<String> candidates;
        if (!hasGap(name)) {
            List<String> same = byName.get(name);
            candidates = same == null ? Collections.<String>emptyList() : same;
        } else {
            candidates = new TreeSet<>(byRelative.keySet());
        }
        List<String> out = new ArrayList<>();
        for (String candidate : candidates) {
            if (matches(segments, candidate, suffix)) {
                out.add(candidate);
            }
        }
        return out;
    }

    /**
     * Whether a relative path matches a pattern's segments: as many segments (or, for a {@code suffix}, its last
     * ones), each matched by {@link #segmentMatches}. A gap never spans a {@code /}, so segment by segment is the
     * whole test; no regular expression is compiled per link.
     */
    static boolean matches(String[] segments, String path, boolean suffix) {
        String[] parts = path.split("/", -1);
        int skip = parts.length - segments.length;
        if (skip < 0 || (skip > 0 && !suffix)) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            if (!segmentMatches(segments[i], parts[skip + i])) {
                return false;
            }
        }
        return true;
    }

    /**
     * One segment against a pattern: literal characters as they are, a {@link Expressions#GAP} any run of characters
     * and an {@link Expressions#OPAQUE} exactly one. The usual wildcard walk: on a mismatch, the last gap takes one
     * character more, which finds a match whenever there is one.
     */
    static boolean segmentMatches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int gap = -1;
        int resume = 0;
        while (t < text.length()) {
            char c = p < pattern.length() ? pattern.charAt(p) : 0;
            if (p < pattern.length() && c == Expressions.GAP) {
                gap = p++;
                resume = t;
            } else if (p < pattern.length() && (c == Expressions.OPAQUE || c == text.charAt(t))) {
                p++;
                t++;
            } else if (gap >= 0) {
                p = gap + 1;
                t = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == Expressions.GAP) {
            p++;
        }
        return p == pattern.length();
    }

    private static Match found(String file) {
        return new Match(Collections.singletonList(file), null);
    }

    /** {@code relative} resolved against {@code base}, both under the root; null when it leads out of it. */
    static String normalize(String base, String relative) {
        List<String> parts = new ArrayList<>();
        if (!relative.startsWith("/") && !base.isEmpty()) {
            Collections.addAll(parts, base.split("/"));
        }
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (segment.indexOf('\\') >= 0 || segment.indexOf(':') >= 0) {
                return null; // not a path segment ARM would fetch
            } else {
                parts.add(segment);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    private static String stripLeading(String p) {
        int i = 0;
        while (i < p.length() && (p.charAt(i) == Expressions.GAP || p.charAt(i) == Expressions.OPAQUE)) {
            i++;
        }
        while (i < p.length() && p.charAt(i) == '/') {
            i++; // a base ending in / joined to '/nested/x.json': the // is one, as a web server reads it
        }
        return p.substring(i);
    }

    private static boolean hasGap(String s) {
        return firstGap(s) < s.length();
    }

    private static int firstGap(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == Expressions.GAP || s.charAt(i) == Expressions.OPAQUE) {
                return i;
            }
        }
        return s.length();
    }

    /** Whether a pattern holds a file name to match: a literal character other than separators. */
    private static boolean hasLiteral(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != Expressions.GAP && c != Expressions.OPAQUE && c != '/' && c != '.') {
                return true;
            }
        }
        return false;
    }

    private static int indexOfAny(String s, char a, char b) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return -1;
    }

    private static String name(String relative) {
        return relative.substring(relative.lastIndexOf('/') + 1);
    }

    private static String shownPattern(String pattern) {
        return pattern.replace(Expressions.GAP, '*').replace(Expressions.OPAQUE, '?');
    }

    private static String shown(String raw) {
        return raw.length() <= SHOWN ? raw : raw.substring(0, SHOWN - 3) + "...";
    }
}
