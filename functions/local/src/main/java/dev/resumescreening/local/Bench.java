package dev.resumescreening.local;

import dev.resumescreening.config.Settings;
import dev.resumescreening.text.DocumentTextExtractor;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The bench command: figures for the issue notes, measured through the real handlers over HTTP. */
@Command(
        name = "bench",
        description = "Screen every PDF/text file under DIR through the handlers and print latency, "
                + "throughput and the upload function's cold start.")
final class Bench implements Callable<Integer> {
    private static final String DEFAULT_JOB = """
            Senior Software Engineer. We build cloud services in Java on AWS: Lambda, DynamoDB, S3, API Gateway.
            You design REST APIs, write tested code, work with SQL and NoSQL databases, CI/CD and Docker, and mentor
            others. Experience with Python, Spring, microservices and machine learning systems is a plus.""";
    private static final int WARM_UP = 20;
    private static final int COLD_STARTS = 5;

    @Option(names = "--resumes", paramLabel = "DIR", required = true, description = "the resumes to screen")
    Path resumes;

    @Option(names = "--job", paramLabel = "FILE", description = "the job description; default: a Java engineer's")
    Path job;

    @Override
    public Integer call() throws Exception {
        LocalMain.requireDirectory("--resumes", resumes);
        List<Path> files = resumeFiles(resumes);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .pdf or .txt files under " + resumes);
        }
        String jobText = job == null ? DEFAULT_JOB : read(job);
        // before anything in this JVM uses TLS: the default trust store becomes the stub's certificate alone
        Path titanKeys = TitanStub.trustInThisJvm(Files.createTempDirectory("titan-stub"));
        PrintStream figures = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        List<String> reviewLoop = onFreshStack((environment, api, dataDir) -> new ReviewLoopBench(
                        environment, api, api.createJob("Benchmark job", jobText))
                .run(dataDir, localJar()));
        reviewLoop.forEach(figures::println);
        figures.println(TrainingBench.trainingTimeAndMemory(localJar()));
        onFreshStack((environment, api, dataDir) -> {
            String jobId = api.createJob("Benchmark job", jobText);
            List<Double> latencies = warmLatencies(api, api.createJob("Warm-up job", jobText), jobId, files);
            double throughput = throughput(api, api.createJob("Throughput job", jobText), files);
            List<Long> coldStarts = coldStarts(environment, jobId);
            figures.println(TrainingBench.latencyWithTrainedModel(
                    environment, api, jobId, api.createJob("Trained-model job", jobText), files));
            figures.printf(Locale.ROOT, "resumes screened: %d (from %s)%n", files.size(), resumes);
            figures.printf(
                    Locale.ROOT, "upload function zip: %s%n", zipSize(Path.of("functions/upload/target/upload.zip")));
            figures.printf(
                    Locale.ROOT,
                    "cold start (fresh JVM to first handled upload, %d runs): median %d ms, max %d"
                            + " ms; floor: a bare JVM starting and exiting, median %d ms%n",
                    coldStarts.size(),
                    coldStarts.get(coldStarts.size() / 2),
                    coldStarts.get(coldStarts.size() - 1),
                    bareJvmMedian());
            figures.printf(Locale.ROOT, "throughput (2 clients): %.1f resumes/s%n", throughput);
            figures.printf(
                    Locale.ROOT,
                    "warm upload-to-decision latency: p50 %.1f ms, p99 %.1f ms; floor: PDFBox text"
                            + " extraction alone on the same files, p50 %.1f ms%n",
                    percentile(latencies, 50),
                    percentile(latencies, 99),
                    extractionOnlyP50(files));
            return null;
        });
        figures.println(uploadLatencyThroughTitanStub(titanKeys, files, jobText));
        return 0;
    }

    /**
     * The upload path as in AWS with EMBEDDER=bedrock: every resume and the job also embedded by Titan through
     * Bedrock's InvokeModel over TLS, here a local HTTPS stub answering as Titan does (no network latency: what it
     * adds is TLS, signing and the embedding's JSON). Beside it, the same uploads with the local embedder measured just
     * before, so that both figures come from an equally warm JVM.
     */
    private static String uploadLatencyThroughTitanStub(Path titanKeys, List<Path> files, String jobText)
            throws Exception {
        List<Double> local = onFreshStack((environment, api, dataDir) -> warmLatencies(
                api, api.createJob("Warm-up job", jobText), api.createJob("Benchmark job", jobText), files));
        try (TitanStub titan = TitanStub.start(titanKeys)) {
            Map<String, String> bedrock = Map.of(
                    "EMBEDDER",
                    "bedrock",
                    Settings.ENDPOINT + "_BEDROCK_RUNTIME",
                    titan.endpoint().toString());
            List<Double> overTls = onFreshStack(
                    bedrock,
                    (environment, api, dataDir) -> warmLatencies(
                            api,
                            api.createJob("Warm-up job", jobText),
                            api.createJob("Benchmark job", jobText),
                            files));
            if (titan.invocations() <= files.size()) {
                throw new IllegalStateException("only " + titan.invocations() + " of the " + (files.size() + 1)
                        + " embeddings reached the Titan stub: the uploads did not go through it");
            }
            return String.format(
                    Locale.ROOT,
                    "warm upload-to-decision latency with Bedrock embeddings over TLS"
                            + " (hybrid embedder; a local HTTPS stub answering InvokeModel as Titan Text Embeddings V2, its"
                            + " self-signed certificate trusted by the bench JVM only; %d InvokeModel calls): p50 %.1f ms, p99"
                            + " %.1f ms; the same uploads with the local embedder just before: p50 %.1f ms, p99 %.1f ms",
                    titan.invocations(),
                    percentile(overTls, 50),
                    percentile(overTls, 99),
                    percentile(local, 50),
                    percentile(local, 99));
        }
    }

    /**
     * Uploads a first few files to another job to warm up, then every file once, timed; sorted, in ms. Each timed
     * upload is the file's first for its job: a second one would be answered as a duplicate, without screening.
     */
    private static List<Double> warmLatencies(LocalApi api, String warmUpJobId, String jobId, List<Path> files)
            throws Exception {
        for (int i = 0; i < Math.min(WARM_UP, files.size()); i++) {
            api.upload(warmUpJobId, files.get(i));
        }
        List<Double> latencies = new ArrayList<>();
        for (Path file : files) {
            long start = System.nanoTime();
            HttpResponse<String> response = api.upload(jobId, file);
            latencies.add((System.nanoTime() - start) / 1e6);
            requireScreened(response, file);
        }
        Collections.sort(latencies);
        return latencies;
    }

    /** A part of the bench, run on its own stack so that its data does not skew the others' figures. */
    private interface StackWork<T> {
        T run(LocalEnvironment environment, LocalApi api, Path dataDir) throws Exception;
    }

    private static <T> T onFreshStack(StackWork<T> work) throws Exception {
        return onFreshStack(Map.of(), work);
    }

    private static <T> T onFreshStack(Map<String, String> settings, StackWork<T> work) throws Exception {
        Path dataDir = Files.createTempDirectory("resume-screening-bench");
        try (LocalEnvironment environment = LocalEnvironment.start(dataDir, null, settings);
                LocalHttpServer server = LocalHttpServer.start(environment, 0)) {
            return work.run(environment, new LocalApi(server.port()), dataDir);
        }
    }

    private static List<Path> resumeFiles(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".pdf") || name.endsWith(".txt");
                    })
                    .sorted()
                    .toList();
        }
    }

    /** A timed upload must have been screened as a new result (201): anything else would time something else. */
    static HttpResponse<String> requireScreened(HttpResponse<String> response, Path file) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    file + " was not screened as a new result: " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static double throughput(LocalApi api, String jobId, List<Path> files) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            long start = System.nanoTime();
            List<Future<?>> uploads = new ArrayList<>();
            for (Path file : files) {
                uploads.add(clients.submit(() -> requireScreened(api.upload(jobId, file), file)));
            }
            for (Future<?> upload : uploads) {
                upload.get();
            }
            return files.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Fresh JVMs, with the flags Lambda's Java runtime uses, from process start to their first handled upload, sorted;
     * {@value #COLD_STARTS} of them.
     */
    private static List<Long> coldStarts(LocalEnvironment environment, String jobId) throws Exception {
        String classpath = functionClasspath(Path.of("functions/upload/target/upload.zip"));
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < COLD_STARTS; i++) {
            ProcessBuilder process = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classpath,
                    ColdStartProbe.class.getName(),
                    jobId);
            Map<String, String> env = process.environment();
            env.putAll(environment.endpointVariables());
            env.putAll(tableVariables(environment));
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            process.redirectErrorStream(true);
            long start = System.nanoTime();
            Process child = process.start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            child.waitFor();
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (!output.contains("handled 201")) {
                throw new IllegalStateException("the cold start probe failed:\n" + output);
            }
            runs.add(elapsed);
        }
        Collections.sort(runs);
        return runs;
    }

    /** What the cold start cannot go below on this machine: a JVM that starts and exits at once, median of 5. */
    private static long bareJvmMedian() throws Exception {
        List<Long> runs = new ArrayList<>();
        for (int i = 0; i < COLD_STARTS; i++) {
            long start = System.nanoTime();
            Process child = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:+TieredCompilation",
                            "-XX:TieredStopAtLevel=1",
                            "-version")
                    .redirectErrorStream(true)
                    .start();
            child.getInputStream().readAllBytes();
            child.waitFor();
            runs.add((System.nanoTime() - start) / 1_000_000);
        }
        Collections.sort(runs);
        return runs.get(runs.size() / 2);
    }

    /** What an upload cannot go below: reading the text of the same files with PDFBox alone, p50 (warm). */
    private static double extractionOnlyP50(List<Path> files) throws IOException {
        DocumentTextExtractor extractor = new DocumentTextExtractor(30);
        List<Double> latencies = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            latencies.clear();
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                String name = file.getFileName().toString();
                long start = System.nanoTime();
                try {
                    extractor.extract(content, name, name.endsWith(".pdf") ? "application/pdf" : "text/plain");
                } catch (RuntimeException refused) {
                    // a file the upload refuses costs its reading time all the same
                }
                latencies.add((System.nanoTime() - start) / 1e6);
            }
        }
        Collections.sort(latencies);
        return percentile(latencies, 50);
    }

    /**
     * The upload function's deployment zip unpacked as Lambda lays it out (classes at the root, jars in lib/), plus
     * the probe's own few classes. Without the zip there is nothing honest to time: the local jar holds every module.
     */
    private static String functionClasspath(Path zip) throws Exception {
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip + " is missing: build it (./mvnw -q package -DskipTests) and run the"
                    + " bench from the repository's root");
        }
        Path function = Files.createTempDirectory("upload-function");
        Path probe = Files.createTempDirectory("cold-start-probe");
        unzip(zip, function, name -> true);
        String probePackage = ColdStartProbe.class.getPackageName().replace('.', '/') + "/";
        Set<String> probeClasses = Set.of("ColdStartProbe", "RouteTable", "ApiGatewayEvents", "LocalHttpServer");
        unzip(
                localJar(),
                probe,
                name -> name.startsWith(probePackage)
                        && probeClasses.contains(
                                name.substring(probePackage.length()).split("[$.]")[0]));
        return String.join(
                File.pathSeparator,
                function.toString(),
                function.resolve("lib") + File.separator + "*",
                probe.toString());
    }

    private static void unzip(Path zip, Path target, Predicate<String> include) throws IOException {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(archive.entries())) {
                if (entry.isDirectory() || !include.test(entry.getName())) {
                    continue;
                }
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                Files.createDirectories(file.getParent());
                try (InputStream in = archive.getInputStream(entry)) {
                    Files.copy(in, file);
                }
            }
        }
    }

    static Path localJar() throws java.net.URISyntaxException {
        return Path.of(
                Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    static Map<String, String> tableVariables(LocalEnvironment environment) {
        Map<String, String> variables = new HashMap<>();
        dev.resumescreening.config.Contract.get()
                .tables()
                .values()
                .forEach(t -> variables.put(t.env(), environment.settings().tableName(t.logicalName())));
        variables.put(
                dev.resumescreening.config.Contract.get().bucketEnv(),
                environment.settings().bucket());
        return variables;
    }

    private static String zipSize(Path zip) {
        try {
            return Files.exists(zip) ? String.format(Locale.ROOT, "%.1f MB", Files.size(zip) / 1e6) : "not built";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double percentile(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** The job description in {@code file}; one that cannot be read is refused as a bad {@code --job}. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("--job: cannot read " + file + " (" + e + ")", e);
        }
    }
}
