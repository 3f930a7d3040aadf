package io.github.partnerattribution.templates.internal;

import io.github.partnerattribution.core.support.FileEdit;
import io.github.partnerattribution.core.support.Utf8;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entry points a repository documents: the templates its Markdown, scripts and pipeline files deploy directly, each
 * with where that deployment is written ({@code README.md:12}). It reads:
 * <ul>
 * <li>"Deploy to Azure" buttons, {@code #create/Microsoft.Template/uri/<encoded URL>} (the public, Government and
 * China portals alike);</li>
 * <li>{@code az deployment group|sub|mg|tenant create}, {@code az group deployment create} and
 * {@code az stack ... create} with {@code --template-file}/{@code -f} or {@code --template-uri}/{@code -u};</li>
 * <li>PowerShell's {@code New-AzResourceGroupDeployment}, {@code New-AzDeployment},
 * {@code New-AzSubscriptionDeployment}, {@code New-AzManagementGroupDeployment}, {@code New-AzTenantDeployment} and
 * their {@code ...DeploymentStack} forms, with {@code -TemplateFile} or {@code -TemplateUri};</li>
 * <li>pipeline steps: GitHub's {@code azure/arm-deploy} action ({@code template:}) and Azure DevOps'
 * {@code AzureResourceManagerTemplateDeployment} task ({@code csmFile:}, {@code csmFileLink:}).</li>
 * </ul>
 * A file path is found beside the document, then in the folders above it, then as the one template whose path ends
 * with it; shell and pipeline variables in it are unknown parts. A deployment whose template is not found is counted,
 * never guessed. Not API.
 *
 * <pre>{@code
 * DirectDeployments documented = DirectDeployments.read(root, documents).resolve(resolver);
 * String where = documented.deployed().get(template); // "docs/deploy.md:12"
 * }</pre>
 */
public final class DirectDeployments {
    /** A document larger than this is not read for deployments (and the summary says so). */
    static final long READ_MAX_BYTES = 1024 * 1024;
    /** How many continuation lines one command may span. */
    private static final int MAX_LINES = 40;
    /** How many characters of one command are read: a crafted line of a megabyte is cut there. */
    static final int MAX_COMMAND_CHARS = 8192;
    /** How many places that may be deployments are read in one document; the summary counts documents past it. */
    static final int MAX_HITS = 1000;
    private static final String[] EXTENSIONS = {".md", ".markdown", ".sh", ".bash", ".zsh", ".ps1", ".psm1", ".azcli",
        ".yml", ".yaml", ".cmd", ".bat"};
    private static final String[] CMDLETS = {"resourcegroupdeployment", "deployment", "subscriptiondeployment",
        "managementgroupdeployment", "tenantdeployment", "resourcegroupdeploymentstack", "subscriptiondeploymentstack",
        "managementgroupdeploymentstack"};

    private final Map<Path, String> deployed = new LinkedHashMap<>();
    /** The deployments read, before they are resolved: each its document's path under the root, where, and value. */
    private final List<String[]> written = new ArrayList<>();
    private int read;
    private int commands;
    private final List<String> notFound = new ArrayList<>();
    private int tooLarge;
    private int notUtf8;
    private int cut;
    private int unreadable;

    private DirectDeployments() {
    }

    /** Whether a file (its name in lower case) is one this reads: Markdown, a script or a pipeline file. */
    static boolean reads(String lowerName) {
        for (String extension : EXTENSIONS) {
            if (lowerName.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    /** Reads the documents and finds, through {@code resolver}, the scanned templates they deploy. */
    public static DirectDeployments find(List<Path> documents, LinkResolver resolver) {
        return read(resolver.root(), documents).resolve(resolver);
    }

    /**
     * Reads the documents under {@code root} for the deployments they write, without knowing the templates yet: a
     * scan does this on a thread of its own while it reads the templates, then {@link #resolve}s them.
     */
    public static DirectDeployments read(Path root, List<Path> documents) {
        DirectDeployments d = new DirectDeployments();
        for (Path document : documents) {
            byte[] bytes;
            try {
                bytes = FileEdit.read(document, READ_MAX_BYTES);
            } catch (FileEdit.TooLarge e) {
                d.tooLarge++;
                continue;
            } catch (IOException e) {
                d.unreadable++; // gone, or no longer a regular file, since the walk: the scan goes on without it
                continue;
            }
            d.read++;
            d.read(document, bytes, ReportRenderers.relativeName(root, document));
        }
        return d;
    }

    /** Finds, through {@code resolver}, the scanned template each deployment read names; returns this. */
    public DirectDeployments resolve(LinkResolver resolver) {
        for (String[] w : written) {
            List<Path> files = resolver.locate(w[0], w[2]);
            String where = w[1];
            if (files.size() == 1) {
                if (!deployed.containsKey(files.get(0))) {
                    deployed.put(files.get(0), where);
                }
            } else if (notFound.size() < 100) {
                notFound.add(where);
            }
        }
        written.clear();
        return this;
    }

    /** {@return each template deployed directly, with the first place that does it, in document order} */
    public Map<Path, String> deployed() {
        return Collections.unmodifiableMap(deployed);
    }

    /** {@return the summary note, or null when no document deploys anything and none was passed over} */
    public String summary() {
        if (commands == 0 && tooLarge == 0 && notUtf8 == 0 && cut == 0 && unreadable == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        s.append(commands).append(commands == 1 ? " deployment" : " deployments").append(" written in ").append(read)
                .append(" Markdown, script and pipeline file(s): ").append(deployed.size())
                .append(deployed.size() == 1 ? " template is" : " templates are").append(" deployed directly, so each"
                        + " is checked as a main template");
        if (!notFound.isEmpty()) {
            s.append("; ").append(notFound.size()).append(" name no template found here (");
            for (int i = 0; i < Math.min(3, notFound.size()); i++) {
                s.append(i == 0 ? "" : ", ").append(notFound.get(i));
            }
            s.append(notFound.size() > 3 ? ", ...)" : ")");
        }
        if (tooLarge > 0) {
            s.append("; ").append(tooLarge).append(" file(s) over ").append(READ_MAX_BYTES).append(" bytes not read");
        }
        if (notUtf8 > 0) {
            s.append("; ").append(notUtf8).append(" file(s) not UTF-8, so not read");
        }
        if (unreadable > 0) {
            s.append("; ").append(unreadable).append(" file(s) could not be read");
        }
        if (cut > 0) {
            s.append("; ").append(cut).append(" file(s) read only up to their first ").append(MAX_HITS)
                    .append(" places that may deploy");
        }
        return s.toString();
    }

    private void read(Path document, byte[] bytes, String name) {
        // every marker is ASCII: found in the bytes, and the text decoded only when one is there
        long[] hits = hits(bytes);
        if (hits.length == 0) {
            return;
        }
        String view;
        if (ascii(bytes)) {
            view = new String(bytes, StandardCharsets.ISO_8859_1); // ASCII is UTF-8 as it is: one char a byte
        } else if (Utf8.firstInvalid(bytes, Utf8.hasBom(bytes) ? 3 : 0) >= 0) {
            notUtf8++;
            return;
        } else {
            view = Utf8.text(bytes);
            hits = hits(view.getBytes(StandardCharsets.ISO_8859_1)); // multi-byte characters: offsets in chars
        }
        if (hits.length > MAX_HITS) {
            hits = java.util.Arrays.copyOf(hits, MAX_HITS);
            cut++;
        }
        String fileName = document.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean markdown = fileName.endsWith(".md") || fileName.endsWith(".markdown");
        int line = 1;
        int counted = 0;
        for (long h : hits) {
            int at = (int) (h >>> 2);
            int kind = (int) (h & 3);
            for (; counted < at; counted++) {
                if (view.charAt(counted) == '\n') {
                    line++;
                }
            }
            String value = kind == 0 ? button(view, at) : kind == 1 ? az(view, at, markdown)
                    : kind == 2 ? powerShell(view, at, markdown) : pipelineStep(view, at);
            if (value == null) {
                continue;
            }
            commands++;
            written.add(new String[] {name, name + ":" + line, value});
        }
    }

    private static final byte[] BUTTON = ascii("Microsoft.Template/uri/");
    private static final byte[][] AZ = {ascii("az deployment "), ascii("az group deployment "), ascii("az stack ")};
    private static final byte[] ARM_DEPLOY = ascii("azure/arm-deploy");
    private static final byte[] DEVOPS_TASK = ascii("AzureResourceManagerTemplateDeployment");
    /** How many lines after a pipeline step's name its inputs are looked for. */
    private static final int STEP_LINES = 30;

    /**
     * Where each marker stands, in text order: the offset shifted left by two, or'd with its kind (0 a button, 1 an
     * {@code az} command, 2 a PowerShell cmdlet, 3 a pipeline step: GitHub's {@code azure/arm-deploy} action or Azure
     * DevOps' {@code AzureResourceManagerTemplateDeployment} task). One pass over the bytes that stops only at {@code z}, {@code -} and
     * {@code T}, rare in prose, rather than a search per marker that stops at every {@code a}.
     */
    static long[] hits(byte[] b) {
        long[] hits = null;
        int n = 0;
        for (int i = 0; i < b.length; i++) {
            byte c = b[i];
            int at;
            int kind;
            if (c == 'z' && i > 0 && (startsWith(b, i - 1, ARM_DEPLOY) || startsWith(b, i - 1, DEVOPS_TASK))) {
                at = i - 1;
                kind = 3;
            } else if (c == 'z' && i > 0 && b[i - 1] == 'a' && i + 1 < b.length && b[i + 1] == ' ') {
                at = i - 1;
                kind = 1;
                if (!startsWith(b, at, AZ[0]) && !startsWith(b, at, AZ[1]) && !startsWith(b, at, AZ[2])) {
                    continue;
                }
            } else if (c == '-' && i + 2 < b.length && (b[i + 1] | 0x20) == 'a' && (b[i + 2] | 0x20) == 'z') {
                at = i;
                kind = 2;
            } else if (c == 'T' && i >= 10 && startsWith(b, i - 10, BUTTON)) {
                at = i - 10;
                kind = 0;
            } else {
                continue;
            }
            if (hits == null) {
                hits = new long[8];
            } else if (n == hits.length) {
                hits = java.util.Arrays.copyOf(hits, n * 2);
            }
            hits[n++] = ((long) at << 2) | kind;
        }
        return hits == null ? new long[0] : java.util.Arrays.copyOf(hits, n);
    }

    private static boolean ascii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (at < 0 || at + prefix.length > b.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (b[at + k] != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** The decoded URL of a "Deploy to Azure" button whose {@code Microsoft.Template/uri/} is at {@code at}. */
    static String button(String text, int at) {
        int hash = text.lastIndexOf("#create/", at);
        if (hash < 0 || at - hash != "#create/".length()) {
            return null;
        }
        int start = at + "Microsoft.Template/uri/".length();
        int end = start;
        while (end < text.length() && " \t\r\n)\"'<>]`".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String encoded = text.substring(start, end);
        int ui = encoded.indexOf("/createUIDefinitionUri/");
        if (ui < 0) {
            ui = encoded.toLowerCase(Locale.ROOT).indexOf("/createuidefinitionuri/");
        }
        if (ui >= 0) {
            encoded = encoded.substring(0, ui);
        }
        try {
            String url = URLDecoder.decode(encoded.replace("+", "%2B"), "UTF-8");
            return url.indexOf("://") > 0 ? url : null;
        } catch (UnsupportedEncodingException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The template of an {@code az ... create} whose {@code az} is at {@code at}, or null when it is no deployment. */
    static String az(String text, int at, boolean markdown) {
        if (at > 0 && !boundary(text.charAt(at - 1))) {
            return null;
        }
        List<String> words = words(command(text, at, markdown), markdown);
        // az deployment <scope> create, az group deployment create, az stack <scope> create
        int create = words.indexOf("create");
        if (create < 2 || create > 3) {
            return null;
        }
        for (int i = create + 1; i < words.size(); i++) {
            String w = words.get(i);
            for (String option : new String[] {"--template-file", "--template-uri", "-f", "-u"}) {
                if (w.equals(option) && i + 1 < words.size()) {
                    return value(words.get(i + 1));
                }
                if (w.startsWith(option + "=")) {
                    return value(w.substring(option.length() + 1));
                }
            }
        }
        return null;
    }

    /** The template of a {@code New-Az...Deployment} whose {@code -Az} is at {@code at}, or null when it is not one. */
    static String powerShell(String text, int at, boolean markdown) {
        if (at < 3 || !text.regionMatches(true, at - 3, "new", 0, 3) || (at > 3 && !boundary(text.charAt(at - 4)))) {
            return null;
        }
        List<String> words = words(command(text, at - 3, markdown), markdown);
        if (words.isEmpty()) {
            return null;
        }
        String cmdlet = words.get(0).toLowerCase(Locale.ROOT);
        boolean known = false;
        for (String c : CMDLETS) {
            known |= cmdlet.equals("new-az" + c);
        }
        if (!known) {
            return null;
        }
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i).toLowerCase(Locale.ROOT);
            for (String option : new String[] {"-templatefile", "-templateuri"}) {
                if (w.equals(option) && i + 1 < words.size()) {
                    return value(words.get(i + 1));
                }
                if (w.startsWith(option + ":")) {
                    return value(words.get(i).substring(option.length() + 1));
                }
            }
        }
        return null;
    }

    /**
     * The template of a pipeline step whose action or task name is at {@code at}: the {@code template:} input of
     * GitHub's {@code azure/arm-deploy}, the {@code csmFile:} or {@code csmFileLink:} input of Azure DevOps'
     * {@code AzureResourceManagerTemplateDeployment}, looked for in the lines that follow, up to the next step.
     */
    static String pipelineStep(String text, int at) {
        boolean github = text.startsWith("azure/arm-deploy", at);
        int start = text.indexOf('\n', at);
        for (int lines = 0; start >= 0 && lines < STEP_LINES; lines++) {
            int end = text.indexOf('\n', start + 1);
            String line = text.substring(start + 1, end < 0 ? text.length() : end).trim();
            if (line.startsWith("- ")) {
                return null; // the next step
            }
            for (String key : github ? new String[] {"template:"} : new String[] {"csmFile:", "csmFileLink:"}) {
                if (line.startsWith(key)) {
                    List<String> words = words(line.substring(key.length()).trim(), false);
                    return words.isEmpty() ? null : value(words.get(0));
                }
            }
            start = end;
        }
        return null;
    }

    private static boolean boundary(char c) {
        return !Character.isLetterOrDigit(c) && c != '-' && c != '_' && c != '.';
    }

    /**
     * The command from {@code at}: its line and the lines it continues onto ({@code \\}, and in scripts {@code `}
     * or {@code ^}; in Markdown a backtick closes inline code), at most {@link #MAX_COMMAND_CHARS} characters.
     */
    static String command(String text, int at, boolean markdown) {
        StringBuilder out = new StringBuilder();
        int start = at;
        for (int lines = 0; lines < MAX_LINES && start < text.length() && out.length() < MAX_COMMAND_CHARS; lines++) {
            int end = text.indexOf('\n', start);
            if (end < 0 || end - start > MAX_COMMAND_CHARS) {
                end = end < 0 ? Math.min(text.length(), start + MAX_COMMAND_CHARS) : Math.min(end, start + MAX_COMMAND_CHARS);
            }
            String right = stripEnd(text.substring(start, end));
            char last = right.isEmpty() ? 0 : right.charAt(right.length() - 1);
            if (last == '\\' || (!markdown && (last == '`' || last == '^'))) {
                out.append(right, 0, right.length() - 1).append(' ');
                start = end + 1;
            } else {
                out.append(right);
                break;
            }
        }
        return out.toString();
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    /**
     * A command's words, split at blanks outside quotes, quotes removed; a shell, PowerShell or pipeline variable
     * ({@code $x}, {@code ${x}}, {@code $(x)}, {@code ${{ x }}}, {@code %x%}) is one {@link Expressions#GAP}.
     */
    static List<String> words(String command, boolean markdown) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean any = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '$' || (c == '%' && command.indexOf('%', i + 1) > i + 1)) {
                i = variableEnd(command, i);
                word.append(Expressions.GAP);
                any = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                any = true;
            } else if (Character.isWhitespace(c) || c == ';' || c == '|' || c == '&' || (markdown && c == '`')) {
                if (any) {
                    words.add(word.toString());
                    word.setLength(0);
                    any = false;
                }
                if (c != ' ' && c != '\t') {
                    break; // the command ends (in Markdown, so does inline code)
                }
            } else {
                word.append(c);
                any = true;
            }
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    /** Where a variable reference starting at {@code i} ends (its last character). */
    private static int variableEnd(String s, int i) {
        char c = s.charAt(i);
        if (c == '%') {
            return s.indexOf('%', i + 1);
        }
        if (i + 1 < s.length() && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '(')) {
            char open = s.charAt(i + 1);
            char close = open == '{' ? '}' : ')';
            int depth = 0;
            for (int j = i + 1; j < s.length(); j++) {
                if (s.charAt(j) == open) {
                    depth++;
                } else if (s.charAt(j) == close && --depth == 0) {
                    return j;
                }
            }
            return s.length() - 1;
        }
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == ':'
                || s.charAt(j) == '.') && !(s.charAt(j) == '.' && (j + 1 >= s.length() || s.charAt(j + 1) == '/'
                || s.charAt(j + 1) == '\\'))) {
            j++;
        }
        return j - 1;
    }

    /** A template option's value as a path or URL: Windows separators made {@code /}; null when it is no file. */
    private static String value(String raw) {
        String v = raw.indexOf("://") > 0 ? raw : raw.replace('\\', '/');
        String lower = v.toLowerCase(Locale.ROOT);
        int query = lower.indexOf('?');
        String path = query >= 0 ? lower.substring(0, query) : lower;
        return path.endsWith(".json") || path.endsWith(".bicep") || path.endsWith(".jsonc") ? v : null;
    }
}
