package dev.resumescreening.local;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** A command of the local jar, run in this JVM as {@code java -jar … <args>} runs it: its exit code and output. */
record CommandRun(int exitCode, String out, String err) {
    static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LocalMain.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }
}
