package io.github.partnerattribution.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local commands a pre-commit hook or an editor runs, in their plain forms ({@link PlainForms}: {@code guid check
 * VALUE...}, {@code template check PATH...}, {@code notice --partner NAME} and the rest), run without building
 * picocli's model of the command line, which costs more than the work they do. Each runs the same body as its picocli
 * command, prints to the same streams and exits with the same code; anything else (an option the form does not
 * have, {@code --name=value}, help, {@code --debug}, an {@code @file}, a value that looks like an option or is not
 * one of its choices, a rule code that is not one) is left to picocli, which says what is wrong.
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
        } catch (RuntimeException | IOException e) {
            // as picocli's execution exception handler does for these commands
            err.println("attribution: " + AttributionCli.oneLine(e));
            err.flush();
            return AttributionCli.exitCode(e);
        }
    }

    private static Integer dispatch(String[] args, PrintWriter out, PrintWriter err) throws IOException {
        for (PlainForms.Form form : PlainForms.Form.values()) {
            if (names(form, args)) {
                PlainForms.Arguments arguments = read(form, args);
                return arguments == null ? null : form.run(arguments, out, err);
            }
        }
        return null;
    }

    private static boolean names(PlainForms.Form form, String[] args) {
        return args.length >= form.words() && args[0].equals(form.command)
                && (form.subcommand == null || args[1].equals(form.subcommand));
    }

    /** The form's options and values, as picocli would read them; null when picocli must read them. */
    private static PlainForms.Arguments read(PlainForms.Form form, String[] args) {
        Map<String, String> options = new HashMap<>();
        List<String> values = new ArrayList<>();
        for (int i = form.words(); i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("-")) {
                if (values.size() == form.maxValues || !form.accepts(arg)) {
                    return null;
                }
                values.add(arg);
                continue;
            }
            PlainForms.Option option = option(form, arg);
            if (option == null || options.containsKey(arg)) {
                return null;
            }
            if (option.value == PlainForms.Value.FLAG) {
                options.put(arg, "");
                continue;
            }
            if (++i == args.length || !valid(option, args[i])) {
                return null;
            }
            options.put(arg, args[i]);
        }
        if (values.size() < form.minValues) {
            return null;
        }
        for (PlainForms.Option option : form.options) {
            if (option.required && !options.containsKey(option.name)) {
                return null;
            }
        }
        return new PlainForms.Arguments(options, values);
    }

    private static PlainForms.Option option(PlainForms.Form form, String name) {
        for (PlainForms.Option option : form.options) {
            if (option.name.equals(name)) {
                return option;
            }
        }
        return null;
    }

    private static boolean valid(PlainForms.Option option, String value) {
        switch (option.value) {
            case NUMBER:
                return value.matches("0|[1-9][0-9]{0,3}");
            case CHOICE:
                return option.choices.contains(value);
            default:
                return !value.startsWith("-");
        }
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
