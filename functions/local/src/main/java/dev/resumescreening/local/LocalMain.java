package dev.resumescreening.local;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** {@code java -jar resume-screening-local.jar <command>}: the local stack and its tools. */
@Command(
        name = "java -jar functions/local/target/resume-screening-local.jar",
        description = "The local stack and its tools. export, train, register, report, audit, erase, "
                + "sweep-retention and backfill-index-keys use the stack in --data-dir (default .local-data; the "
                + "running serve's if there is one) or at --aws-endpoint URL.",
        synopsisSubcommandLabel = "<command>",
        subcommands = {
            ServeCommand.class,
            ReviewCommands.Export.class,
            TrainCommand.class,
            TrainCommand.Register.class,
            EvaluateCommand.Cli.class,
            ComplianceCommands.Report.class,
            ComplianceCommands.Audit.class,
            ComplianceCommands.Erase.class,
            ComplianceCommands.SweepRetention.class,
            ComplianceCommands.BackfillIndexKeys.class,
            Bench.class,
            HelpCommand.class
        })
public final class LocalMain implements Runnable {
    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int exitCode = commandLine().execute(args);
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    /**
     * The commands: bad or unknown options print the command's usage and exit 2; so does a value a command refuses
     * (an {@link IllegalArgumentException}, or a {@link ProblemException} of invalid input). Any other problem (not
     * found, refused by the state, a port in use) prints one error line and exits 1.
     */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LocalMain());
        addHelpOption(commandLine);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(LocalMain::refused);
        return commandLine;
    }

    /** -h/--help on every command but help, which has its own. */
    private static void addHelpOption(CommandLine command) {
        if (!(command.getCommand() instanceof HelpCommand)) {
            command.getCommandSpec()
                    .addOption(OptionSpec.builder("-h", "--help")
                            .usageHelp(true)
                            .description("show this help")
                            .build());
        }
        command.getSubcommands().values().forEach(LocalMain::addHelpOption);
    }

    private static int refused(Exception e, CommandLine command, ParseResult parsed) throws Exception {
        if (e instanceof ProblemException problem && problem.kind() != ProblemKind.INVALID_INPUT) {
            command.getErr().println("error: " + problem.code() + ": " + problem.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
        if (!(e instanceof IllegalArgumentException || e instanceof ProblemException)) {
            throw e;
        }
        command.getErr().println("error: " + e.getMessage());
        command.usage(command.getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** Refuses (as a value a command refuses) an option naming a directory that does not exist. */
    static void requireDirectory(String option, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + ": no such directory: " + dir);
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
