package io.github.partnerattribution.templates.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The Bicep parser ends on any text, never throws, and keeps positions inside the text: token soups of Bicep's own
 * vocabulary, the shapes that once looped (an object type closed by a bracket it did not open), and the tree of a
 * well-formed file.
 */
class BicepParserTest {
    private static final String[] VOCABULARY = {"resource ", "module ", "param ", "var ", "type ", "func ", "output ",
        "import ", "targetScope ", "existing ", "if ", "for ", "in ", "x ", "name", ": ", "= ", "=> ", "{", "}", "(", ")",
        "[", "]", "'", "'''", "${", "'a'", "'pid-${x}'", "@description('d')", "@", ",", ".", "?.", "::", "?", "??",
        "!", "-", "1", "\n", "\r\n", "\r", "//c\n", "/*", "*/", "\\", "|", "*", "..."};

    @Test
    void tokenSoupsOfBicepsVocabularyAlwaysParse() {
        Random random = new Random(20261205L);
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> { // a guard against a loop, not a speed bound
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(60); n > 0; n--) {
                    text.append(VOCABULARY[random.nextInt(VOCABULARY.length)]);
                }
                BicepSyntax.File file = BicepParser.parse(text.toString());
                for (BicepSyntax.Diagnostic d : file.diagnostics) {
                    assertTrue(d.offset >= 0 && d.offset <= text.length(), text.toString());
                }
                for (BicepSyntax.Declaration d : file.declarations) {
                    assertTrue(d.start <= d.keywordStart && d.end <= text.length(), text.toString());
                }
            }
        });
    }

    @Test
    void anObjectTypeClosedByABracketItDidNotOpenEnds() {
        BicepSyntax.File file = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> BicepParser.parse(
                "targetScope ubs'= scription'\nimporrib = 'subsC 'm.bicxep'bicep'\nvar {\n  = 'subsC 'm.bicep'"
                + " =.zip(x''')\nresoua.br")); // as the fuzzer found it
        assertTrue(!file.diagnostics.isEmpty());
    }

    @Test
    void aWellFormedFileHasItsDeclarationsAndNoDiagnostic() {
        BicepSyntax.File file = BicepParser.parse("@description('''\nmany\nlines\n''')\nparam p string = 'a'\n\n"
                + "resource r 'Microsoft.Resources/deployments@2025-04-01' = [for (x, i) in range(0, 2): if (i > 0) {\n"
                + "  name: '${p}-${x}'\n  properties: {\n    mode: 'Incremental'\n  }\n}]\n\noutput o string = r[0].name\n");
        assertEquals(List.of(), file.diagnostics.stream().map(d -> d.message).collect(java.util.stream.Collectors.toList()));
        assertEquals(List.of("param", "resource", "output"), file.declarations.stream().map(d -> d.keyword)
                .collect(java.util.stream.Collectors.toList()));
        BicepSyntax.Declaration r = file.declarations.get(1);
        assertTrue(r.loop());
        assertEquals(BicepSyntax.Kind.BINARY, r.condition().kind);
        assertEquals(BicepSyntax.Kind.INTERPOLATED, r.body().get("name").kind);
        assertEquals(1, file.line(file.declarations.get(0).start), "decorators belong to the declaration");
    }

    @Test
    void eachTokensTextIsWhatItsCharactersSayWhetherMadeEarlyOrWhenAskedFor() {
        BicepSyntax.File file = BicepParser.parse("resource d 'Microsoft.Resources/deployments@2025-04-01' = {\n"
                + "  name: 'x${b}y${c.d}z'\n  e: 'it\\'s ${x} \\u{41}'\n  m: '''\nraw'''\n  n: 12\n"
                + "  s: a ?? b\n  t: !x\n  w: a::b\n  k: a >= b && c != d\n  f: sys.concat(x, true)\n}\n");
        assertEquals(List.of(), file.diagnostics);
        assertEquals("OBJECT(PROPERTY:name(INTERPOLATED(STRING:x IDENTIFIER:b STRING:y MEMBER:d(IDENTIFIER:c) STRING:z))"
                + " PROPERTY:e(INTERPOLATED(STRING:it's  IDENTIFIER:x STRING: A)) PROPERTY:m(STRING:raw)"
                + " PROPERTY:n(INTEGER:12) PROPERTY:s(BINARY:??(IDENTIFIER:a IDENTIFIER:b))"
                + " PROPERTY:t(UNARY:!(IDENTIFIER:x)) PROPERTY:w(CHILD:b(IDENTIFIER:a))"
                + " PROPERTY:k(BINARY:&&(BINARY:>=(IDENTIFIER:a IDENTIFIER:b) BINARY:!=(IDENTIFIER:c IDENTIFIER:d)))"
                + " PROPERTY:f(CALL:sys.concat(IDENTIFIER:x KEYWORD:true)))",
                dump(file.declarations.get(0).body()));
    }

    @Test
    void aParseAfterAnotherReadsTheSameTreeAsOneOnAFreshThread() throws Exception {
        String small = "resource d 'Microsoft.Resources/deployments@2025-04-01' = {\n  name: 'pid-${p}'\n"
                + "  properties: {\n    mode: 'Incremental'\n  }\n}\n";
        String[] fresh = new String[1];
        Thread thread = new Thread(() -> fresh[0] = dump(BicepParser.parse(small).declarations.get(0).body()));
        thread.start();
        thread.join();
        StringBuilder large = new StringBuilder();
        for (int i = 0; i < 2000; i++) { // escaped strings: texts the lexer makes early, in the arrays reused next
            large.append("var v").append(i).append(" = 'a\\'b${x}\\n' // ").append(i).append('\n');
        }
        BicepParser.parse(large.toString());
        assertEquals(fresh[0], dump(BicepParser.parse(small).declarations.get(0).body()));
        assertEquals("OBJECT(PROPERTY:name(INTERPOLATED(STRING:pid- IDENTIFIER:p STRING:))"
                + " PROPERTY:properties(OBJECT(PROPERTY:mode(STRING:Incremental))))", fresh[0]);
    }

    /** A node as kind:text(parts...), to compare trees as text. */
    private static String dump(BicepSyntax.Node n) {
        StringBuilder out = new StringBuilder(n.kind.name());
        if (n.text != null) {
            out.append(':').append(n.text);
        }
        if (!n.parts.isEmpty()) {
            out.append('(');
            for (int i = 0; i < n.parts.size(); i++) {
                out.append(i == 0 ? "" : " ").append(dump(n.parts.get(i)));
            }
            out.append(')');
        }
        return out.toString();
    }
}
