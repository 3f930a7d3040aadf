package io.github.partnerattribution.cli;

import io.github.partnerattribution.templates.TemplateOptions;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The local commands a pre-commit hook or an editor runs, in their plain forms, run without building picocli's model
 * of the command line, which costs more than the work they do: {@code guid check VALUE...}, {@code guid new
 * [--count N]}, {@code user-agent --pid ID [--shell SHELL]}, {@code notice --partner NAME [--kind K] [--format F]
 * [--opt-out-parameter P]}, {@code registry list --file FILE}, {@code doctor}, {@code template rules [--verbose] [CODE]}, {@code template check
 * FILE...} and {@code template scan DIR}. Each runs the same body as its picocli command, prints to the same
 * streams and exits with the same code; anything else (an option it does not know, help, {@code --debug}, an
 * {@code @file}, a value that looks like an option, a rule code that is not one) is left to picocli, which says what
 * is wrong.
 * {@code FastPathTest} runs every form both ways and compares what they print.
 */
final class FastPath {
    private FastPath() {
    }

    /** Runs {@code args} when they are one of the plain forms; null when picocli must. */
    static Integer run(String[] args, PrintWriter out, PrintWriter err) {
        for (String arg : args) {
            if (arg.isEmpty() || arg.startsWith("@") || arg.equals("--") || arg.equals("--debug") || arg.equals("-h")
                    || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) {
                return null;
            }
        }
        try {
            return dispatch(args, out, err);
        } catch (RuntimeException | java.io.IOException e) {
            // as picocli's execution exception handler does for these commands
            err.println("attribution: " + AttributionCli.oneLine(e));
            err.flush();
            return AttributionCli.exitCode(e);
        }
    }

    private static Integer dispatch(String[] args, PrintWriter out, PrintWriter err) throws java.io.IOException {
        if (starts(args, "guid", "check") && args.length > 2 && plain(args, 2)) {
            return GuidCommand.Check.check(Arrays.asList(args).subList(2, args.length), out);
        }
        if (starts(args, "guid", "new")) {
            if (args.length == 2) {
                return GuidCommand.New.print(1, out);
            }
            return args.length == 4 && args[2].equals("--count") && digits(args[3], 4)
                    ? GuidCommand.New.print(Integer.parseInt(args[3]), out) : null;
        }
        if (args.length > 0 && args[0].equals("user-agent")) {
            java.util.Map<String, String> options = options(args, 1, "--pid", "--shell");
            UserAgentCommand.Shell shell = options == null ? null
                    : named(UserAgentCommand.Shell.values(), options.getOrDefault("--shell", "bash"));
            if (shell == null || !options.containsKey("--pid")) {
                return null;
            }
            out.println(UserAgentCommand.line(options.get("--pid"), shell));
            return 0;
        }
        if (starts(args, "template", "rules")) {
            boolean verbose = false;
            String code = null;
            for (int i = 2; i < args.length; i++) {
                if (args[i].equals("--verbose") && !verbose) {
                    verbose = true;
                } else if (!args[i].startsWith("-") && code == null && TemplateCommand.Rules.rule(args[i]) != null) {
                    code = args[i];
                } else {
                    return null;
                }
            }
            return TemplateCommand.Rules.print(code, verbose, out);
        }
        if (starts(args, "template", "check") && args.length > 2 && plain(args, 2)) {
            List<Path> paths = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                paths.add(Paths.get(args[i]));
            }
            return TemplateCommand.Reading.print(TemplateCommand.Format.text, out, err,
                    TemplateCommand.Check.check(paths, TemplateOptions.defaults()));
        }
        if (starts(args, "template", "scan") && args.length == 3 && plain(args, 2)) {
            return TemplateCommand.Reading.print(TemplateCommand.Format.text, out, err,
                    TemplateCommand.Scan.scan(Paths.get(args[2]), TemplateOptions.defaults()));
        }
        if (starts(args, "registry", "list") && args.length == 4 && args[2].equals("--file") && plain(args, 3)) {
            return RegistryCommand.List.list(Paths.get(args[3]), out);
        }
        if (args.length == 1 && args[0].equals("doctor")) {
            return DoctorCommand.print(out, err);
        }
        if (args.length > 0 && args[0].equals("notice")) {
            java.util.Map<String, String> options = options(args, 1, "--partner", "--kind", "--format",
                    "--opt-out-parameter");
            if (options == null || !options.containsKey("--partner")) {
                return null;
            }
            NoticeCommand.Kind kind = named(NoticeCommand.Kind.values(), options.getOrDefault("--kind", "template"));
            NoticeCommand.Format format = named(NoticeCommand.Format.values(), options.getOrDefault("--format", "text"));
            return kind == null || format == null ? null : NoticeCommand.print(options.get("--partner"), kind,
                    options.get("--opt-out-parameter"), format, out);
        }
        return null;
    }

    /** {@code --name value} pairs of the given names, each at most once; null for anything else. */
    private static java.util.Map<String, String> options(String[] args, int from, String... names) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        List<String> known = Arrays.asList(names);
        for (int i = from; i < args.length; i += 2) {
            if (!known.contains(args[i]) || out.containsKey(args[i]) || i + 1 >= args.length
                    || args[i + 1].startsWith("-")) {
                return null;
            }
            out.put(args[i], args[i + 1]);
        }
        return out;
    }

    private static <E extends Enum<E>> E named(E[] values, String name) {
        for (E e : values) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static boolean starts(String[] args, String command, String subcommand) {
        return args.length >= 2 && args[0].equals(command) && args[1].equals(subcommand);
    }

    /** Whether the arguments from {@code from} are values only, none that picocli would read as an option. */
    private static boolean plain(String[] args, int from) {
        for (int i = from; i < args.length; i++) {
            if (args[i].startsWith("-")) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(String s, int max) {
        if (s.isEmpty() || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Standard output as picocli writes it: the console's encoding when the JDK names one, else the default. */
    static PrintWriter writer(OutputStream stream, String encodingProperty) {
        String encoding = System.getProperty(encodingProperty);
        Charset charset;
        try {
            charset = encoding != null ? Charset.forName(encoding) : Charset.defaultCharset();
        } catch (RuntimeException unknown) {
            charset = Charset.defaultCharset();
        }
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stream, charset)), true);
    }
}
