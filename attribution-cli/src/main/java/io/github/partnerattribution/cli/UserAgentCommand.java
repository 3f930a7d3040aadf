package io.github.partnerattribution.cli;

import io.github.partnerattribution.core.Attribution;
import io.github.partnerattribution.core.PartnerId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = PlainForms.USER_AGENT, mixinStandardHelpOptions = true,
        description = "Print the line that tags Azure CLI calls of a script with the partner id (AZURE_HTTP_USER_AGENT).",
        footer = {"", "Example:", "  attribution user-agent --shell powershell \\",
                "      --pid 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d"})
final class UserAgentCommand implements Callable<Integer> {
    enum Shell { bash, powershell, cmd }

    @Spec
    CommandSpec spec;

    @Option(names = PlainForms.PID, required = true, description = "The partner id.")
    String pid;

    @Option(names = PlainForms.SHELL, defaultValue = PlainForms.SHELL_DEFAULT, description = "bash, powershell or cmd (default ${DEFAULT-VALUE}).")
    Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println(line(pid, shell));
        return 0;
    }

    /** The line for a shell; the one body of {@code user-agent}, for picocli and {@link FastPath}. */
    static String line(String pid, Shell shell) {
        String token = PartnerId.parse(pid).token();
        String variable = Attribution.USER_AGENT_VARIABLE;
        String line;
        // Each line keeps what the variable already holds, appends the token after one space, and does nothing
        // when the token is already there, so pasting it twice, or into a pipeline that sets its own text, is safe.
        switch (shell) {
            case powershell:
                line = "if (\" $env:" + variable + " \" -notlike \"* " + token + " *\") { $env:" + variable
                        + " = (\"$env:" + variable + " " + token + "\").Trim() }";
                break;
            case cmd:
                line = "if defined " + variable + " (echo %" + variable + "% | find /i \"" + token + "\" >nul || set \""
                        + variable + "=%" + variable + "% " + token + "\") else set \"" + variable + "=" + token + "\"";
                break;
            default:
                line = "case \" ${" + variable + "-} \" in *\" " + token + " \"*) ;; *) export " + variable + "=\"${"
                        + variable + ":+$" + variable + " }" + token + "\";; esac";
        }
        return line;
    }
}
