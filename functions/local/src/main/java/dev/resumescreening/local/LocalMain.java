package dev.resumescreening.local;

import dev.resumescreening.config.Contract.RouteSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar resume-screening-local.jar <command>}: the local stack and its tools. */
public final class LocalMain {
    private static final String USAGE = """
            usage: java -jar functions/local/target/resume-screening-local.jar <command> [options]

            commands:
              serve   [--port 8080] [--data-dir .local-data] [--aws-endpoint URL] [--no-create-storage]
                      start the API on embedded DynamoDB and S3 emulators (or on LocalStack/moto with --aws-endpoint);
                      missing tables and the bucket are created unless --no-create-storage, which fails instead
              export  --output FILE | --to-bucket [--min-confidence X] [--days N] [--status completed|agreed|corrected]
                      write the reviewed samples as CSV (resume_text, job_description, label and ids) to a file, or
                      stream it to the bucket under exports/
              train   [--dry-run] [--force] [--min-samples N]
                      print the training status; without --dry-run, train when due (or forced), gate the new model
                      against the live one and activate it if it is better
              register --model-path PATH --version V [--activate]
                      verify and register a model folder (s3://bucket/prefix/ or a key prefix), optionally make it live
              evaluate --jobs DIR --resumes DIR [--reviews 20,50,100,200] [--seed N] [--sampling queue|random]
                       [--split FILE] [--plot FILE.png]
                      measure the loop on labelled data (jobs DIR/<LABEL>.txt, resumes DIR/<LABEL>/*.pdf|txt): one JSON
                      line per review budget with the similarity baseline's and the live model's held-out AUC/accuracy/F1
              report adverse-impact [--job-id ID] [--from DATE] [--to DATE] [--format json|csv] [--output FILE]
                      selection and scoring rates, impact ratios and p-values by sex, race/ethnicity and their
                      intersection, for the AI's and the reviewers' decisions (dates YYYY-MM-DD, to inclusive)
              audit   --output FILE [--from DATE] [--to DATE]
                      every screening decision and every review as JSON lines
              erase   --result-id ID
                      erase a result: files, text, result, self-identification, reviewer and notes of its reviews
              sweep-retention [--retention-days N]
                      erase the results older than RETENTION_DAYS (or N) days; 0 keeps everything
              bench   --resumes DIR [--job FILE]
                      screen every PDF/text file under DIR through the handlers and print latency, throughput and
                      the upload function's cold start

            export, train, register, report, audit, erase and sweep-retention use the stack in --data-dir (default .local-data; the running serve's if there
            is one) or at --aws-endpoint URL.
            """;

    private LocalMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            System.out.print(USAGE);
            return;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            switch (args[0]) {
                case "serve" -> serve(Options.parse(rest, Set.of("port", "data-dir", "aws-endpoint"),
                        Set.of("no-create-storage")));
                case "bench" -> Bench.run(Options.parse(rest, Set.of("resumes", "job"), Set.of()));
                case "export" -> ReviewCommands.export(Options.parse(rest,
                        Set.of("output", "min-confidence", "days", "status", "data-dir", "aws-endpoint"), Set.of("to-bucket")));
                case "train" -> TrainCommand.run(Options.parse(rest,
                        Set.of("min-samples", "data-dir", "aws-endpoint"), Set.of("dry-run", "force")));
                case "register" -> TrainCommand.register(Options.parse(rest,
                        Set.of("model-path", "version", "data-dir", "aws-endpoint"), Set.of("activate")));
                case "report" -> ComplianceCommands.report(rest.isEmpty() ? "" : rest.get(0), Options.parse(
                        rest.isEmpty() ? rest : rest.subList(1, rest.size()),
                        Set.of("job-id", "from", "to", "format", "output", "data-dir", "aws-endpoint"), Set.of()),
                        System.out);
                case "audit" -> ComplianceCommands.audit(Options.parse(rest,
                        Set.of("from", "to", "output", "data-dir", "aws-endpoint"), Set.of()), System.out);
                case "erase" -> ComplianceCommands.erase(Options.parse(rest,
                        Set.of("result-id", "data-dir", "aws-endpoint"), Set.of()), System.out);
                case "sweep-retention" -> ComplianceCommands.sweepRetention(Options.parse(rest,
                        Set.of("retention-days", "data-dir", "aws-endpoint"), Set.of()), System.out);
                case "evaluate" -> EvaluateCommand.run(Options.parse(rest,
                        Set.of("jobs", "resumes", "reviews", "seed", "sampling", "split", "plot"), Set.of()));
                default -> {
                    System.err.println("unknown command '" + args[0] + "'\n" + USAGE);
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n" + USAGE);
            System.exit(2);
        }
    }

    private static void serve(Options options) throws Exception {
        int port = options.intValue("port", 8080);
        Path dataDir = Path.of(options.value("data-dir", ".local-data"));
        String endpoint = options.value("aws-endpoint").orElse(null);
        LocalEnvironment environment = LocalEnvironment.start(dataDir, endpoint, !options.flag("no-create-storage"));
        LocalHttpServer server = LocalHttpServer.start(environment, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            environment.close();
            stopped.countDown();
        }));
        String url = "http://127.0.0.1:" + server.port();
        System.out.println("resume-screening local stack ready at " + url);
        System.out.println(endpoint == null
                ? "storage: embedded DynamoDB and S3 emulators, data in " + dataDir.toAbsolutePath()
                : "storage: " + endpoint);
        System.out.println("web app: " + url + "/   API docs: " + url + "/docs   OpenAPI: " + url + "/openapi.json");
        for (RouteSpec route : server.routes().routes()) {
            System.out.printf("  %-6s %s%s  (%s)%n", route.method(), url, route.path(), route.function());
        }
        System.out.println("press Ctrl+C to stop");
        stopped.await();
    }
}
