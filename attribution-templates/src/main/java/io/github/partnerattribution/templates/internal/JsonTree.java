package io.github.partnerattribution.templates.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * A JSON tree that remembers where each value stands in the text (character offsets, line, column), built with
 * Jackson's streaming parser in ARM's dialect (comments and trailing commas allowed) without recursion, so deep
 * nesting cannot overflow the stack. Not API.
 */
public final class JsonTree {
    /** ARM's dialect, less raw control characters in strings: with none, Jackson's line numbers are right. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            // member names are compared by identity when looking for duplicates: interned, equal names are the same
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();
    /** ARM's whole dialect: it accepts raw line breaks inside strings (long if(...) expressions are written so). */
    private static final JsonFactory RELAXED = FACTORY.rebuild()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    private JsonTree() {
    }

    /** Kinds of value. */
    public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

    /** One value and where it stands. */
    public static final class Node {
        public final Kind kind;
        public final int start;
        private int end;
        /** The line and column of {@link #start}, from 1; set while parsing (from the text when Jackson's count is off). */
        public int line;
        public int column;
        /** The value of a scalar; for strings decoded from {@link #source} on first use. */
        private String text;
        private String source;
        private final List<Member> members;
        private final List<Node> items;
        Node(Kind kind, int start, int line, int column, String text) {
            this(kind, start, line, column, text, null);
        }

        Node(Kind kind, int start, int line, int column, String text, String source) {
            this.kind = kind;
            this.start = start;
            this.line = line;
            this.column = column;
            this.text = text;
            this.source = source;
            this.members = kind == Kind.OBJECT ? new ArrayList<Member>() : Collections.<Member>emptyList();
            this.items = kind == Kind.ARRAY ? new ArrayList<Node>() : Collections.<Node>emptyList();
        }

        /** The member's value by name, ignoring case as ARM does; the first one when a name repeats. */
        public Node get(String name) {
            for (Member m : members) {
                if (m.name.equalsIgnoreCase(name)) {
                    return m.value;
                }
            }
            return null;
        }

        public String string(String name) {
            Node n = get(name);
            return n != null && n.kind == Kind.STRING ? n.text() : null;
        }

        /** The scalar's value: a string's decoded text, a number's or boolean's literal; null for containers. */
        public String text() {
            if (text == null && kind == Kind.STRING && source != null) {
                text = decodeString(source, start);
            }
            return text;
        }

        /**
         * Decodes every string below this value now and lets go of the text they were read from, so a tree kept for
         * later holds only what it parsed, not the whole file.
         */
        public void detach() {
            java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
            pending.push(this);
            while (!pending.isEmpty()) { // by hand, not by recursion: a tree may nest deeper than the stack
                Node n = pending.pop();
                n.text();
                n.source = null;
                for (Member m : n.members) {
                    pending.push(m.value);
                }
                for (Node item : n.items) {
                    pending.push(item);
                }
            }
        }

        /** {@return where the value ends (exclusive) in the text, for containers; -1 for scalars (see endOf)} */
        public int end() {
            return end;
        }

        /** {@return an object's members, in order; empty for other values} */
        public List<Member> members() {
            return Collections.unmodifiableList(members);
        }

        /** {@return an array's items, in order; empty for other values} */
        public List<Node> items() {
            return Collections.unmodifiableList(items);
        }

        public boolean isContainer() {
            return kind == Kind.OBJECT || kind == Kind.ARRAY;
        }

        /** Elements of an array, or member values of an object (languageVersion 2.0 resources). */
        public List<Node> elements() {
            if (kind == Kind.ARRAY) {
                return Collections.unmodifiableList(items);
            }
            List<Node> out = new ArrayList<>(members.size());
            for (Member m : members) {
                out.add(m.value);
            }
            return out;
        }
    }

    /** An object member: its name, where the name stands, and its value. */
    public static final class Member {
        public final String name;
        public final int nameStart;
        public final Node value;

        Member(String name, int nameStart, Node value) {
            this.name = name;
            this.nameStart = nameStart;
            this.value = value;
        }
    }

    /** Thrown for text that is not JSON in ARM's dialect, with the line and column of the problem. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        public final int line;
        public final int column;

        SyntaxError(String message, int line, int column) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }
    }

    /** A duplicate object member name, reported by {@link #parse}: where it is repeated, and where it was first given. */
    public static final class Duplicate {
        public final String name;
        public final int line;
        public final int column;
        /** The line of the same name's first definition in that object. */
        public final int firstLine;

        Duplicate(String name, int line, int column, int firstLine) {
            this.name = name;
            this.line = line;
            this.column = column;
            this.firstLine = firstLine;
        }

        /** {@return where the two definitions stand, as findings and refusals say it: lines 4 and 9, both on line 9} */
        public String lines() {
            return firstLine == line ? "both on line " + line : "lines " + firstLine + " and " + line;
        }
    }

    /** Parses one JSON value (the whole text), every value kept; duplicate member names are collected, not fatal. */
    public static Node parse(String text, List<Duplicate> duplicates) throws SyntaxError {
        return parse(text, null, 0, duplicates, false);
    }

    /**
     * Parses a deployment template: like {@link #parse(String, List)}, but keeping only what a template's rules and
     * edits read (parameters, variables, the resources with their type, name, condition, location, apiVersion, child
     * resources, and deployments' properties); the rest is checked, not kept. When {@code ascii} holds the same
     * content as ASCII bytes (from {@code offset}), Jackson parses those directly, whose byte offsets are then the
     * text's char offsets, instead of a char copy of the whole text.
     */
    public static Node parseTemplate(String text, byte[] ascii, int offset, List<Duplicate> duplicates)
            throws SyntaxError {
        return parse(text, ascii, offset, duplicates, true);
    }

    private static Node parse(String text, byte[] ascii, int offset, List<Duplicate> duplicates, boolean focus)
            throws SyntaxError {
        // Raw control characters in strings are refused at first, so Jackson's line numbers hold; a file that has one
        // is read again in ARM's relaxed dialect, with positions taken from the text. Most files take one read.
        try {
            return new Parse(text, ascii, offset, focus, false).run(duplicates);
        } catch (RawControlCharacter e) {
            duplicates.clear();
            try {
                return new Parse(text, ascii, offset, focus, true).run(duplicates);
            } catch (RawControlCharacter notWhenRelaxed) {
                throw new IllegalStateException(notWhenRelaxed);
            }
        }
    }

    /** Jackson met a raw control character in a string, which only the relaxed dialect takes. */
    private static final class RawControlCharacter extends Exception {
        private static final long serialVersionUID = 1L;

        RawControlCharacter() {
            super(null, null, false, false);
        }
    }

    /**
     * What an open container is to a deployment template, which decides what of it the tree keeps. Templates are
     * mostly resources' own settings, which no rule reads: those are checked by the parser (syntax, duplicate names)
     * but not kept, so the tree holds the template's skeleton, not its bulk.
     */
    private enum Role {
        /** The root, or a deployment's inline {@code template}. */
        TEMPLATE,
        /** A {@code resources} array (or {@code languageVersion} 2.0 object). */
        RESOURCES,
        /** One resource: its type, name, condition, location, apiVersion, child resources and, for deployments (or
         * a type not yet seen), its properties are kept. */
        RESOURCE,
        /** A deployment's {@code properties}. */
        PROPERTIES,
        /** Anything else that is kept: parameters, variables, a deployment's properties' values. */
        OTHER,
        /** Not kept: read by the parser only. */
        SKIPPED
    }

    /**
     * One open container while parsing: its node (null when skipped), its role, and the names seen in it. Frames are
     * reused by depth, so parsing allocates nothing for the containers it does not keep.
     */
    private static final class Frame {
        Node node;
        Role role;
        boolean object;
        /** A resource's type, once seen: whether it is (or may be) a deployment decides whether its properties are kept. */
        Boolean deployment;
        /** The first names, compared by identity; past eight, a set. Stale entries past {@link #count} are ignored. */
        private final String[] names = new String[8];
        private int count;
        private java.util.Set<String> many;
        /** The member name a container value is waiting to be attached under, and where that name starts. */
        String pendingName;
        int pendingNameStart;

        Frame reset(Node node, Role role, boolean object) {
            this.node = node;
            this.role = role;
            this.object = object;
            this.deployment = null;
            this.count = 0;
            this.many = null;
            this.pendingName = null;
            this.pendingNameStart = -1;
            return this;
        }

        /** Records a member name; false when the object already has it. Names are interned by the parser. */
        boolean add(String name) {
            if (many != null) {
                return many.add(name);
            }
            for (int i = 0; i < count; i++) {
                if (names[i] == name) {
                    return false;
                }
            }
            if (count == names.length) {
                many = new java.util.HashSet<>(java.util.Arrays.asList(names));
                return many.add(name);
            }
            names[count++] = name;
            return true;
        }

        /** The role of this container's value named {@code name} (null for an array item), given {@code focus}. */
        Role childRole(String name, boolean focus) {
            if (!focus) {
                return Role.OTHER;
            }
            switch (role) {
                case TEMPLATE:
                    if (name == null) {
                        return Role.OTHER;
                    }
                    if (is(name, "resources")) {
                        return Role.RESOURCES;
                    }
                    // metadata is kept: its _generator tells a JSON file Bicep compiled (small, one per template)
                    return is(name, "outputs") || is(name, "functions") || is(name, "definitions") ? Role.SKIPPED
                            : Role.OTHER;
                case RESOURCES:
                    return Role.RESOURCE;
                case RESOURCE:
                    if (name == null) {
                        return Role.SKIPPED;
                    }
                    // the names of a resource that are not kept, as usually written: no case-insensitive test needed
                    if (name == "tags" || name == "sku" || name == "kind" || name == "dependsOn" || name == "identity"
                            || name == "comments" || name == "zones" || name == "plan" || name == "scope") {
                        return Role.SKIPPED;
                    }
                    if (is(name, "type") || is(name, "name") || is(name, "condition") || is(name, "location")
                            || is(name, "apiVersion")) {
                        return Role.OTHER;
                    }
                    if (is(name, "resources")) {
                        return Role.RESOURCES;
                    }
                    if (is(name, "properties")) {
                        return deployment == null || deployment ? Role.PROPERTIES : Role.SKIPPED;
                    }
                    return Role.SKIPPED;
                case PROPERTIES:
                    return name != null && is(name, "template") ? Role.TEMPLATE : Role.OTHER;
                default:
                    return Role.OTHER;
            }
        }

        /** ARM's case-insensitive name test; interned names written as usual match by identity. */
        private static boolean is(String name, String expected) {
            return name == expected || (name.length() == expected.length() && name.equalsIgnoreCase(expected));
        }
    }

    /** One parse: Jackson's tokens made into the tree, with positions from the text where Jackson's are off. */
    private static final class Parse {
        private final String text;
        private final byte[] ascii;
        private final int offset;
        private final boolean focus;
        /** Whether raw control characters are taken (then positions come from the text when they are off). */
        private final boolean relaxed;
        private Frame[] stack = new Frame[16];
        private int depth;
        /** Duplicate names, and their offsets, Jackson's lines and columns, until the positions are settled. */
        private final List<String> duplicateNames = new ArrayList<>();
        private int[] duplicateAt = new int[12];
        /** The tree's root once its value is complete; the member name last read, and where it starts. */
        private Node root;
        private String name;
        private int nameStart = -1;

        Parse(String text, byte[] ascii, int offset, boolean focus, boolean relaxed) {
            this.relaxed = relaxed;
            this.text = text;
            this.ascii = ascii;
            this.offset = offset;
            this.focus = focus;
        }

        private Frame push(Node node, Role role, boolean object) {
            if (depth == stack.length) {
                stack = java.util.Arrays.copyOf(stack, depth * 2);
            }
            Frame f = stack[depth];
            if (f == null) {
                f = stack[depth] = new Frame();
            }
            depth++;
            return f.reset(node, role, object);
        }

        private Frame top() {
            return depth == 0 ? null : stack[depth - 1];
        }

        private void duplicate(String name, int start, int line, int column) {
            int n = duplicateNames.size();
            if (3 * n + 3 > duplicateAt.length) {
                duplicateAt = java.util.Arrays.copyOf(duplicateAt, duplicateAt.length * 2);
            }
            duplicateNames.add(name);
            duplicateAt[3 * n] = start;
            duplicateAt[3 * n + 1] = line;
            duplicateAt[3 * n + 2] = column;
        }

        /**
         * For each repeated member name (by its offset), the offset and Jackson's line of its first definition in the
         * same object: a second pass over the input, made only when some name repeats, so that a template without a
         * repeated name pays nothing for it.
         */
        private java.util.Map<Long, int[]> firstDefinitions(JsonFactory factory) throws IOException {
            java.util.Map<Long, int[]> first = new java.util.HashMap<>();
            List<java.util.Map<String, int[]>> open = new ArrayList<>(); // null for an array
            try (JsonParser parser = ascii != null ? factory.createParser(ascii, offset, ascii.length - offset)
                    : factory.createParser(text)) {
                for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        open.add(t == JsonToken.START_OBJECT ? new java.util.HashMap<String, int[]>() : null);
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        open.remove(open.size() - 1);
                    } else if (t == JsonToken.FIELD_NAME && !open.isEmpty() && open.get(open.size() - 1) != null) {
                        JsonLocation at = parser.currentTokenLocation();
                        int[] here = {(int) offsetOf(at), at.getLineNr()};
                        int[] before = open.get(open.size() - 1).putIfAbsent(parser.currentName(), here);
                        if (before != null) {
                            first.put((long) here[0], before);
                        }
                    }
                }
            }
            return first;
        }

        private long offsetOf(JsonLocation at) {
            return ascii != null ? at.getByteOffset() : at.getCharOffset();
        }

        Node run(List<Duplicate> duplicates) throws SyntaxError, RawControlCharacter {
            JsonFactory factory = relaxed ? RELAXED : FACTORY;
            try (JsonParser parser = ascii != null ? factory.createParser(ascii, offset, ascii.length - offset)
                    : factory.createParser(text)) {
                Node root = tokens(parser);
                // Jackson counts no line inside a string, and ARM lets strings hold raw line breaks.
                // Read relaxed, the text holds a raw control character in a string, most likely a line break that
                // Jackson did not count: positions are taken from the text.
                Lines lines = relaxed ? new Lines(text) : null;
                if (lines != null) {
                    relocate(root, lines);
                }
                java.util.Map<Long, int[]> first = duplicateNames.isEmpty() ? null : firstDefinitions(factory);
                for (int i = 0; i < duplicateNames.size(); i++) {
                    int start = duplicateAt[3 * i];
                    int[] was = first.get((long) start);
                    int firstLine = was == null ? 0 : lines == null ? was[1] : lines.line(was[0]);
                    duplicates.add(lines == null
                            ? new Duplicate(duplicateNames.get(i), duplicateAt[3 * i + 1], duplicateAt[3 * i + 2],
                                    firstLine)
                            : new Duplicate(duplicateNames.get(i), lines.line(start), lines.column(start), firstLine));
                }
                return root;
            } catch (JsonProcessingException e) {
                String message = String.valueOf(e.getOriginalMessage());
                if (!relaxed && message.startsWith("Illegal unquoted character")) {
                    throw new RawControlCharacter();
                }
                JsonLocation at = e.getLocation();
                long where = at == null ? -1 : offsetOf(at);
                if (where >= 0 && where <= text.length()) {
                    // From the text, not Jackson's count, which misses line breaks inside strings.
                    Lines all = new Lines(text);
                    throw new SyntaxError(readable(e.getOriginalMessage()), all.line((int) where),
                            all.column((int) where));
                }
                throw new SyntaxError(readable(e.getOriginalMessage()),
                        at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()));
            } catch (IOException e) {
                throw new SyntaxError(String.valueOf(e.getMessage()), 1, 1);
            }
        }

        /**
         * Consumes a value that is not kept, whose first token is {@code token}: a scalar is done; a container is
         * read to its end, each of its objects checked for repeated names, with nothing allocated but the frames
         * reused by depth.
         */
        private void skip(JsonParser parser, JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
                return;
            }
            int base = depth;
            push(null, Role.SKIPPED, token == JsonToken.START_OBJECT);
            while (depth > base) {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    return; // the end of the input: the parser reports the unclosed container
                }
                switch (t) {
                    case FIELD_NAME:
                        String name = parser.currentName();
                        if (!top().add(name)) {
                            repeated(parser, name);
                        }
                        break;
                    case START_OBJECT:
                        push(null, Role.SKIPPED, true);
                        break;
                    case START_ARRAY:
                        push(null, Role.SKIPPED, false);
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        depth--;
                        break;
                    default:
                        break;
                }
            }
        }

        /** Records a member name repeated in one object, where it stands. */
        private void repeated(JsonParser parser, String name) {
            JsonLocation at = parser.currentTokenLocation();
            duplicate(name, (int) offsetOf(at), at.getLineNr(), at.getColumnNr());
        }

        /** Whether a resource's type is, or may be (an expression), {@code Microsoft.Resources/deployments}. */
        private boolean mayBeDeployment(Node type, JsonParser parser) throws IOException {
            String d = "Microsoft.Resources/deployments";
            int at = type.start + 1;
            if (text.regionMatches(true, at, d, 0, d.length()) && at + d.length() < text.length()
                    && text.charAt(at + d.length()) == '"') {
                return true; // as written, without decoding
            }
            boolean escaped = false;
            for (int i = at; i < text.length() && text.charAt(i) != '"' && !escaped; i++) {
                escaped = text.charAt(i) == '\\';
            }
            if (!escaped) {
                return at < text.length() && text.charAt(at) == '['; // written plainly, and not the type
            }
            String value = parser.getText(); // with escapes: decoded, and checked, by the parser
            return value.startsWith("[") || value.equalsIgnoreCase(d);
        }

        /** Every kept node's line and column from its offset in the text. */
        private static void relocate(Node root, Lines lines) {
            Deque<Node> todo = new ArrayDeque<>();
            todo.push(root);
            while (!todo.isEmpty()) {
                Node n = todo.pop();
                n.line = lines.line(n.start);
                n.column = lines.column(n.start);
                for (Member m : n.members) {
                    todo.push(m.value);
                }
                for (Node item : n.items) {
                    todo.push(item);
                }
            }
        }

        /**
         * The tree of the parser's tokens. The loop is kept this small on purpose: a command runs once over a few
         * files, and a method's loop runs interpreted until it has turned some 60,000 times, while a method called
         * per token is compiled after a few hundred calls; as one loop, the body ran interpreted for most of a cold
         * scan.
         */
        private Node tokens(JsonParser parser) throws IOException, SyntaxError {
            ParserBase base = parser instanceof ParserBase ? (ParserBase) parser : null;
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                token(parser, base, token);
            }
            if (root == null) {
                throw new SyntaxError("the file holds no JSON value", 1, 1);
            }
            return root;
        }

        /** Takes one token into the tree: a member's name, a value, or the end of a container. */
        private void token(JsonParser parser, ParserBase base, JsonToken token) throws IOException, SyntaxError {
            Frame owner = top();
            if (token == JsonToken.FIELD_NAME) {
                name = parser.currentName();
                if (!owner.add(name)) {
                    repeated(parser, name);
                }
                if (owner.childRole(name, focus) == Role.SKIPPED) {
                    skip(parser, parser.nextToken()); // a member that is not kept
                    return;
                }
                // field names keep their own start, so ask the parser for it (only for kept ones)
                nameStart = (int) offsetOf(parser.currentTokenLocation());
                return;
            }
            // For values, ParserBase gives the token's position without allocating a JsonLocation (its raw offset
            // and column are one past currentTokenLocation's).
            int start;
            int line;
            int column;
            if (base != null) {
                start = (int) base.getTokenCharacterOffset() - 1;
                line = base.getTokenLineNr();
                column = base.getTokenColumnNr() - 1;
            } else {
                JsonLocation at = parser.currentTokenLocation();
                start = (int) offsetOf(at);
                line = at.getLineNr();
                column = at.getColumnNr();
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                Frame closed = top();
                depth--;
                closed.node.end = start + 1;
                Frame parent = top();
                if (parent == null) {
                    root = closed.node;
                } else if (parent.object) {
                    parent.node.members.add(new Member(closed.pendingName, closed.pendingNameStart, closed.node));
                } else {
                    parent.node.items.add(closed.node);
                }
                return;
            }
            if (owner == null && root != null) {
                Lines all = new Lines(text);
                throw new SyntaxError("unexpected content after the end of the JSON value", all.line(start),
                        all.column(start));
            }
            String member = owner != null && owner.object ? name : null;
            Role role = owner == null ? Role.TEMPLATE : owner.childRole(member, focus);
            if (role == Role.SKIPPED) {
                skip(parser, token);
                return;
            }
            Node node;
            switch (token) {
                case START_OBJECT:
                    node = new Node(Kind.OBJECT, start, line, column, null);
                    break;
                case START_ARRAY:
                    node = new Node(Kind.ARRAY, start, line, column, null);
                    break;
                case VALUE_STRING:
                    // Not parser.getText(): most strings (descriptions, metadata) are never read, so they are
                    // decoded from the text on first use; Jackson still checks them as it skips them.
                    node = new Node(Kind.STRING, start, line, column, null, text);
                    break;
                case VALUE_NUMBER_INT:
                case VALUE_NUMBER_FLOAT:
                    node = new Node(Kind.NUMBER, start, line, column, parser.getText());
                    break;
                case VALUE_TRUE:
                case VALUE_FALSE:
                    node = new Node(Kind.BOOLEAN, start, line, column, parser.getText());
                    break;
                default:
                    node = new Node(Kind.NULL, start, line, column, null);
            }
            if (node.isContainer()) {
                Frame frame = push(node, role, node.kind == Kind.OBJECT);
                frame.pendingName = member;
                frame.pendingNameStart = nameStart;
                return;
            }
            node.end = -1; // scalars' ends are found when needed: see endOf
            if (owner == null) {
                root = node;
            } else if (owner.object) {
                if (owner.role == Role.RESOURCE && node.kind == Kind.STRING && Frame.is(member, "type")) {
                    owner.deployment = mayBeDeployment(node, parser);
                }
                owner.node.members.add(new Member(member, nameStart, node));
            } else {
                owner.node.items.add(node);
            }
        }
    }

    /**
     * Jackson's message in a user's terms: its first line, without where its reader started ("[Source: ...]") and
     * without the character codes it adds ("'}' (code 125)" becomes "'}'").
     */
    static String readable(String message) {
        String m = message == null ? "unreadable JSON" : message;
        int cut = m.indexOf('\n');
        m = cut < 0 ? m : m.substring(0, cut);
        m = m.replaceAll("\\s*\\(for (root|Object|Array) starting at \\[Source:.*?line: \\d+[^)]*\\]\\)", "");
        m = m.replaceAll("\\s*at \\[Source:.*$", "");
        m = m.replaceAll("\\((CTRL-CHAR, )?code \\d+( / 0x[0-9a-fA-F]+)?\\)", "");
        m = m.replaceAll("\\s+\\)", ")").replaceAll("\\(\\s*\\)", "").replaceAll("\\s{2,}", " ").trim();
        return m;
    }

    /** Line starts of a text, for positions taken from offsets; line breaks as Jackson counts them. */
    static final class Lines {
        private final int[] starts;

        Lines(String text) {
            int[] found = new int[64];
            int n = 0;
            found[n++] = 0;
            if (text.indexOf('\r') < 0) {
                // the common case, found by the JDK's fast indexOf
                for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i + 1;
                }
                this.starts = java.util.Arrays.copyOf(found, n);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    if (n == found.length) {
                        found = java.util.Arrays.copyOf(found, n * 2);
                    }
                    found[n++] = i + 1;
                }
            }
            this.starts = java.util.Arrays.copyOf(found, n);
        }

        int line(int offset) {
            int at = java.util.Arrays.binarySearch(starts, offset);
            return at >= 0 ? at + 1 : -at - 1;
        }

        int column(int offset) {
            return offset - starts[line(offset) - 1] + 1;
        }
    }

    /**
     * Where a value ends in the text (exclusive): known for containers; for a string scalar, found by scanning to
     * its closing quote.
     */
    public static int endOf(Node node, String text) {
        if (node.end >= 0) {
            return node.end;
        }
        int i = node.start;
        if (node.kind == Kind.STRING) {
            i++;
            while (i < text.length() && text.charAt(i) != '"') {
                i += text.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(i + 1, text.length());
        }
        while (i < text.length() && "{}[],: \t\r\n/".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        return i;
    }

    /** Decodes the JSON string literal whose opening quote stands at {@code start} (already validated by Jackson). */
    static String decodeString(String text, int start) {
        StringBuilder out = null;
        int from = start + 1;
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                return out == null ? text.substring(from, i) : out.append(text, from, i).toString();
            }
            if (c != '\\') {
                i++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(i - from + 16);
            }
            out.append(text, from, i);
            char e = i + 1 < text.length() ? text.charAt(i + 1) : '\\';
            switch (e) {
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'n': out.append('\n'); break;
                case 'r': out.append('\r'); break;
                case 't': out.append('\t'); break;
                case 'u':
                    out.append((char) Integer.parseInt(text.substring(i + 2, Math.min(i + 6, text.length())), 16));
                    i += 4;
                    break;
                default: out.append(e);
            }
            i += 2;
            from = i;
        }
        return out == null ? text.substring(from) : out.append(text, from, text.length()).toString();
    }
}
