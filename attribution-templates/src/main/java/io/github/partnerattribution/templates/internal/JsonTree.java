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
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            // ARM accepts raw line breaks inside strings (long if(...) expressions are written so).
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
        public final int line;
        public final int column;
        /** The value of a scalar; for strings decoded from {@link #source} on first use. */
        private String text;
        private final String source;
        private final List<Member> members;
        private final List<Node> items;
        /** Member names, kept once an object has more than a few members, for duplicate detection. */
        java.util.Set<String> names;

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

        boolean hasMember(String name) {
            if (names != null) {
                return names.contains(name);
            }
            for (Member m : members) {
                if (m.name.equals(name)) {
                    return true;
                }
            }
            return false;
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

        /** @return where the value ends (exclusive) in the text, for containers; -1 for scalars (see endOf) */
        public int end() {
            return end;
        }

        /** @return an object's members, in order; empty for other values */
        public List<Member> members() {
            return Collections.unmodifiableList(members);
        }

        /** @return an array's items, in order; empty for other values */
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

    /** A duplicate object member name, reported by {@link #parse}. */
    public static final class Duplicate {
        public final String name;
        public final int line;
        public final int column;

        Duplicate(String name, int line, int column) {
            this.name = name;
            this.line = line;
            this.column = column;
        }
    }

    /** Parses one JSON value (the whole text); duplicate member names are collected, not fatal. */
    public static Node parse(String text, List<Duplicate> duplicates) throws SyntaxError {
        return parse(text, null, 0, duplicates);
    }

    /**
     * Like {@link #parse(String, List)}; when {@code ascii} holds the same content as ASCII bytes (from
     * {@code offset}), Jackson parses those directly, whose byte offsets are then the text's char offsets, instead
     * of a char copy of the whole text.
     */
    public static Node parse(String text, byte[] ascii, int offset, List<Duplicate> duplicates) throws SyntaxError {
        int[] last = new int[2];
        List<Duplicate> found = new ArrayList<>();
        Node root;
        try {
            root = parse(text, ascii, offset, found, null, last);
        } catch (SyntaxError e) {
            // the position of an error found in the loop is Jackson's: take it from the text instead
            return parse(text, ascii, offset, new ArrayList<Duplicate>(), new Lines(text), last);
        }
        // Jackson counts no line inside a string, and ARM lets strings hold raw line breaks: when the last token's
        // line disagrees with the text's, read again taking every position from the text.
        if (last[1] != Lines.lineOf(text, last[0])) {
            found.clear();
            root = parse(text, ascii, offset, found, new Lines(text), last);
        }
        duplicates.addAll(found);
        return root;
    }

    private static Node parse(String text, byte[] ascii, int offset, List<Duplicate> duplicates, Lines lines,
            int[] last) throws SyntaxError {
        try (JsonParser parser = ascii != null ? FACTORY.createParser(ascii, offset, ascii.length - offset)
                : FACTORY.createParser(text)) {
            Deque<Node> open = new ArrayDeque<>();
            Deque<String> pendingName = new ArrayDeque<>();
            Deque<Integer> pendingNameStart = new ArrayDeque<>();
            Node root = null;
            String name = null;
            int nameStart = -1;
            JsonToken token;
            ParserBase base = parser instanceof ParserBase ? (ParserBase) parser : null;
            while ((token = parser.nextToken()) != null) {
                // For values, ParserBase gives the token's position without allocating a JsonLocation (its raw offset
                // and column are one past currentTokenLocation's); field names keep their own start, so ask for it.
                boolean raw = base != null && token != JsonToken.FIELD_NAME;
                JsonLocation at = raw ? null : parser.currentTokenLocation();
                int start = raw ? (int) base.getTokenCharacterOffset() - 1
                        : (int) (ascii != null ? at.getByteOffset() : at.getCharOffset());
                int line = raw ? base.getTokenLineNr() : at.getLineNr();
                int column = raw ? base.getTokenColumnNr() - 1 : at.getColumnNr();
                last[0] = start;
                last[1] = line;
                if (lines != null) {
                    line = lines.line(start);
                    column = lines.column(start);
                }
                if (token == JsonToken.FIELD_NAME) {
                    name = parser.currentName();
                    nameStart = start;
                    Node owner = open.peek();
                    if (owner.hasMember(name)) {
                        duplicates.add(new Duplicate(name, line, column));
                    }
                    continue;
                }
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    Node closed = open.pop();
                    closed.end = start + 1;
                    Node parent = open.peek();
                    if (parent == null) {
                        root = closed;
                    } else if (parent.kind == Kind.OBJECT) {
                        attach(parent, pendingName.pop(), pendingNameStart.pop(), closed);
                    } else {
                        parent.items.add(closed);
                    }
                    continue;
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
                Node owner = open.peek();
                if (owner == null && root != null) {
                    throw new SyntaxError("unexpected content after the end of the JSON value", line, column);
                }
                if (node.isContainer()) {
                    if (owner != null && owner.kind == Kind.OBJECT) {
                        pendingName.push(name);
                        pendingNameStart.push(nameStart);
                    }
                    open.push(node);
                    continue;
                }
                node.end = -1; // scalars' ends are found when needed: see endOf
                if (owner == null) {
                    root = node;
                } else if (owner.kind == Kind.OBJECT) {
                    attach(owner, name, nameStart, node);
                } else {
                    owner.items.add(node);
                }
            }
            if (root == null) {
                throw new SyntaxError("the file holds no JSON value", 1, 1);
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long where = at == null ? -1 : ascii != null ? at.getByteOffset() : at.getCharOffset();
            if (where >= 0 && where <= text.length()) {
                // From the text, not Jackson's count, which misses line breaks inside strings.
                Lines all = lines != null ? lines : new Lines(text);
                throw new SyntaxError(readable(e.getOriginalMessage()), all.line((int) where), all.column((int) where));
            }
            throw new SyntaxError(readable(e.getOriginalMessage()),
                    at == null ? 1 : Math.max(1, at.getLineNr()), at == null ? 1 : Math.max(1, at.getColumnNr()));
        } catch (IOException e) {
            throw new SyntaxError(String.valueOf(e.getMessage()), 1, 1);
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

        /** The line of an offset, counted fast: newlines by indexOf, a lone carriage return as Jackson does. */
        static int lineOf(String text, int offset) {
            int line = 1;
            for (int i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
                line++;
            }
            for (int i = text.indexOf('\r'); i >= 0 && i < offset; i = text.indexOf('\r', i + 1)) {
                if (i + 1 == text.length() || text.charAt(i + 1) != '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    private static void attach(Node owner, String name, int nameStart, Node value) {
        owner.members.add(new Member(name, nameStart, value));
        if (owner.names != null) {
            owner.names.add(name);
        } else if (owner.members.size() > 8) {
            owner.names = new java.util.HashSet<>();
            for (Member m : owner.members) {
                owner.names.add(m.name);
            }
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
