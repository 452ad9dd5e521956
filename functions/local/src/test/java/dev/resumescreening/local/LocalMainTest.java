package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line itself: help, option types and errors, and every invocation the docs and CI scripts show. */
class LocalMainTest {

    @Test
    void everyCommandHasItsOwnHelp() {
        CommandRun top = CommandRun.of("--help");
        assertEquals(0, top.exitCode());
        for (String command : List.of(
                "serve",
                "export",
                "train",
                "register",
                "evaluate",
                "report",
                "audit",
                "erase",
                "sweep-retention",
                "backfill-index-keys",
                "bench")) {
            assertTrue(top.out().contains(command), command + " missing from\n" + top.out());
        }
        CommandRun serve = CommandRun.of("serve", "--help");
        assertEquals(0, serve.exitCode());
        assertTrue(
                serve.out().contains("--port=N")
                        && serve.out().contains("default: 8080")
                        && serve.out().contains("--no-create-storage")
                        && serve.out().contains("--data-dir=DIR"),
                serve.out());
        assertFalse(serve.out().contains("--min-samples"), serve.out());
        CommandRun evaluate = CommandRun.of("help", "evaluate");
        assertTrue(evaluate.out().contains("--reviews=N") && evaluate.out().contains("20,50,100,200"), evaluate.out());
        CommandRun report = CommandRun.of("report", "adverse-impact", "-h");
        assertTrue(report.out().contains("--format=json|csv"), report.out());
    }

    @Test
    void aValueOfTheWrongTypeOrAnUnknownOptionIsRefusedWithTheCommandsUsage() {
        CommandRun port = CommandRun.of("serve", "--port", "eighty");
        assertEquals(2, port.exitCode());
        assertTrue(port.err().contains("--port") && port.err().contains("'eighty'"), port.err());
        assertTrue(port.err().contains("Usage:") && port.err().contains("serve"), port.err());
        assertEquals("", port.out());

        CommandRun unknown = CommandRun.of("train", "--dryrun");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option: '--dryrun'"), unknown.err());

        CommandRun format = CommandRun.of("report", "adverse-impact", "--format", "xml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("--format") && format.err().contains("xml"), format.err());

        CommandRun both = CommandRun.of("export", "--output", "x.csv", "--to-bucket");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both.err());

        CommandRun missing = CommandRun.of("erase");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--result-id"), missing.err());

        assertEquals(2, CommandRun.of("no-such-command").exitCode());
    }

    @Test
    void servingOnAPortInUseSaysSoInOneLine(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            CommandRun serve = CommandRun.of("serve", "--port", port, "--data-dir", dataDir.toString());
            assertEquals(1, serve.exitCode());
            assertEquals(
                    "error: port_in_use: port " + port
                            + " on 127.0.0.1 is already in use; choose another with --port N",
                    serve.err().strip());
        }
        // the stack it started is closed again: the data directory is free for the next one
        try (LocalEnvironment again = LocalEnvironment.start(dataDir, null)) {
            assertNotNull(again.app());
        }
    }

    @Test
    void benchRefusesAMissingResumesDirectoryAsEvaluateDoes(@TempDir Path dir) {
        Path missing = dir.resolve("no-resumes");
        CommandRun bench = CommandRun.of("bench", "--resumes", missing.toString());
        assertEquals(2, bench.exitCode());
        assertTrue(bench.err().startsWith("error: --resumes: no such directory: " + missing), bench.err());
    }

    @Test
    void benchRefusesAJobFileItCannotRead(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("resume.txt"), "Staff accountant: ledgers and audits");
        Path missing = dir.resolve("no-job.txt");
        CommandRun bench = CommandRun.of("bench", "--resumes", dir.toString(), "--job", missing.toString());
        assertEquals(2, bench.exitCode());
        assertTrue(bench.err().startsWith("error: --job: cannot read " + missing), bench.err());
    }

    @Test
    void theInvocationsInTheReadmeAndTheScriptsParse() throws Exception {
        List<List<String>> invocations = new ArrayList<>();
        String readme = Files.readString(Path.of("../../README.md")).replace("\\\n", " ");
        for (String line : readme.split("\n")) {
            int jar = line.indexOf("resume-screening-local.jar ");
            if (jar >= 0 && line.contains("java -jar")) {
                String args = line.substring(jar + "resume-screening-local.jar ".length());
                int comment = args.indexOf(" #");
                invocations.add(Arrays.asList((comment >= 0 ? args.substring(0, comment) : args)
                        .trim()
                        .split("\\s+")));
            }
        }
        assertTrue(invocations.size() >= 10, "README's invocations: " + invocations);
        // .ci/terraform.sh starts the server so, and the bench runs the export in a child JVM so
        invocations.add(
                List.of("serve", "--port", "18080", "--aws-endpoint", "http://127.0.0.1:5000", "--no-create-storage"));
        invocations.add(List.of("export", "--output", "bench.csv", "--data-dir", "/tmp/data"));
        for (List<String> args : invocations) {
            assertDoesNotThrow(
                    () -> LocalMain.commandLine().parseArgs(args.toArray(String[]::new)), String.join(" ", args));
        }
    }
}
