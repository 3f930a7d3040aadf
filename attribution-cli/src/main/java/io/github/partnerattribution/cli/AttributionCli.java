package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.InvalidPartnerIdException;
import io.github.partnerattribution.core.InvalidRegistryException;
import io.github.partnerattribution.core.support.Text;
import io.github.partnerattribution.templates.TemplateException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The {@code attribution} command: every capability of Partner Attribution for Azure from the shell. Exit codes:
 * 0 ok, 1 findings or invalid input, 2 usage or I/O error. Errors are one line on stderr; {@code --debug} adds the
 * stack trace.
 *
 * <pre>
 * java -jar attribution.jar guid check pid-1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d
 * java -jar attribution.jar template add --pid 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d mainTemplate.json
 * </pre>
 */
@Command(name = "attribution", mixinStandardHelpOptions = true, versionProvider = AttributionCli.Version.class,
        description = "Customer usage attribution for Azure partners: GUIDs, ARM templates, verification, notices.",
        footer = {"", "Exit codes: 0 ok, 1 findings or invalid input, 2 usage or I/O error.",
                "Example:  attribution guid new --count 2"})
public final class AttributionCli implements Runnable {
    /** Exit code for findings or invalid input. */
    static final int FINDINGS = 1;
    /** Exit code for usage and I/O errors. */
    static final int ERROR = 2;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * The subcommands' names, in the order help lists them. Each is built only when a command line needs it:
     * picocli reads a command's annotations by reflection, which for all of them costs more than the work most
     * commands do, so a run builds the one it was asked for (help and an unknown word build all).
     */
    private static final java.util.List<String> SUBCOMMANDS = java.util.Arrays.asList("guid", "template", "verify",
            "notice", "user-agent", "registry", "doctor", "pal", "emulator");

    /** The subcommand of that name, new (a switch: nothing is loaded or linked for the others). */
    private static Object subcommand(String name) {
        switch (name) {
            case "guid": return new GuidCommand();
            case "template": return new TemplateCommand();
            case "verify": return new VerifyCommand();
            case "notice": return new NoticeCommand();
            case "user-agent": return new UserAgentCommand();
            case "registry": return new RegistryCommand();
            case "doctor": return new DoctorCommand();
            case "pal": return new PalCommand();
            case "emulator": return new EmulatorCommand();
            default: throw new IllegalArgumentException(name);
        }
    }

    /** Runs the command line through picocli, whatever its form, and exits with its code ({@link Main} runs fast). */
    public static void main(String[] args) {
        quietNetty();
        CommandLine cli = commandLine(args);
        int exit = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(exit);
    }

    /** Keeps Netty off {@code sun.misc.Unsafe} and its native libraries: see {@link Main#quietNetty()}. */
    static void quietNetty() {
        Main.quietNetty();
    }

    /** The command line with every subcommand, this tool's exit codes and one-line errors; for in-process use. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: with only the subcommand they name when they name one, else with all.
     *
     * @param args the arguments the command line will execute
     * @return the command line
     */
    public static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new AttributionCli());
        String named = null;
        for (String arg : args) {
            if (!arg.startsWith("-")) {
                named = arg;
                break;
            }
        }
        for (String name : named != null && SUBCOMMANDS.contains(named) ? java.util.Collections.singletonList(named)
                : SUBCOMMANDS) {
            cli.addSubcommand(name, subcommand(name));
        }
        printFootersAsWritten(cli);
        cli.setExitCodeExceptionMapper(EXIT_CODES);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("attribution: " + oneLine(e));
            if (debugRequested(parseResult)) {
                e.printStackTrace(err);
            }
            err.flush();
            return EXIT_CODES.getExitCode(e);
        });
        return cli;
    }

    /**
     * Prints each command's footer (its examples) line by line as written, never wrapped: a wrapped example breaks
     * a command, or a file name or URL in it, where copying it from the terminal would run something else.
     */
    private static void printFootersAsWritten(CommandLine cli) {
        cli.getHelpSectionMap().put(picocli.CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder out = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                out.append(line).append(System.lineSeparator());
            }
            return out.toString();
        });
        for (CommandLine sub : cli.getSubcommands().values()) {
            printFootersAsWritten(sub);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** --debug anywhere on the line: before or after the subcommand (an inherited option matches on either). */
    static boolean debugRequested(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Exit codes by exception type: 1 for input judged not valid (ours, a partner id, a template), 2 for files,
     * endpoints and anything else. Only a type this tool does not know is reported as an internal error.
     */
    static final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
        @Override
        public int getExitCode(Throwable e) {
            Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
            if (cause instanceof Failure) {
                return ((Failure) cause).exitCode;
            }
            if (cause instanceof InvalidPartnerIdException || cause instanceof TemplateException) {
                return FINDINGS;
            }
            return ERROR;
        }
    }

    private static final ExitCodes EXIT_CODES = new ExitCodes();

    /** The exit code for an exception a command threw. */
    static int exitCode(Throwable e) {
        return EXIT_CODES.getExitCode(e);
    }

    static String oneLine(Throwable e) {
        Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
        String message;
        if (cause instanceof NoSuchFileException) {
            NoSuchFileException missing = (NoSuchFileException) cause;
            message = "no such file: " + missing.getFile() + (missing.getReason() == null ? "" : " (" + missing.getReason() + ")");
        } else if (cause instanceof AccessDeniedException) {
            message = "permission denied: " + cause.getMessage();
        } else if (cause instanceof InvalidRegistryException) {
            message = cause.getMessage().replace(System.lineSeparator() + "  ", " | ");
        } else if (cause instanceof Failure || cause instanceof InvalidPartnerIdException
                || cause instanceof TemplateException) {
            message = cause.getMessage();
        } else if (cause instanceof IOException) {
            message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        } else {
            message = "internal error, please report it: " + cause.getClass().getSimpleName() + ": "
                    + cause.getMessage() + " (run again with --debug for the stack trace)";
        }
        return Text.printable(firstLine(message));
    }

    /** The first line of a message, without a carriage return; "(no message)" for none. */
    static String firstLine(String s) {
        if (s == null) {
            return "(no message)";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).replace("\r", "");
    }

    /** This tool's version from its jar's manifest, or null in a development build. */
    static String version() {
        return AttributionCli.class.getPackage().getImplementationVersion();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = version();
            return new String[] {"attribution " + (version == null ? "(development build)" : version)};
        }
    }
}
