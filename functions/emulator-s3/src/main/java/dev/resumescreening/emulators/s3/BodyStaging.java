package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.S3Request.body;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Request bodies staged in {@link Storage}: aws-chunked framing removed, checksums verified. */
final class BodyStaging {
    private final Storage storage;

    BodyStaging(Storage storage) {
        this.storage = storage;
    }

    /**
     * Stages the request body; fills checksums from headers and aws-chunked trailers and verifies each against the
     * bytes received (400 BadDigest on a mismatch), as S3 does.
     */
    Storage.Staged stageBody(S3Request r, Map<String, String> checksums) throws IOException {
        r.ex.getRequestHeaders().forEach((name, values) -> {
            String n = name.toLowerCase(Locale.ROOT);
            if (Checksums.isChecksumHeader(n) && !values.isEmpty()) {
                checksums.put(n, values.get(0));
            }
        });
        Set<String> algorithms = new LinkedHashSet<>();
        checksums.keySet().forEach(n -> algorithms.add(Checksums.algorithm(n)));
        List<String> declaredTrailers = new ArrayList<>();
        String trailerHeader = r.header("x-amz-trailer");
        if (trailerHeader != null) {
            for (String trailer : trailerHeader.split(",")) {
                String n = trailer.trim().toLowerCase(Locale.ROOT);
                if (Checksums.isChecksumHeader(n)) {
                    algorithms.add(Checksums.algorithm(n));
                    declaredTrailers.add(n);
                }
            }
        }
        InputStream in = body(r);
        Checksums.DigestingInputStream digesting = new Checksums.DigestingInputStream(in, algorithms);
        Storage.Staged staged = storage.stage(digesting);
        try {
            if (in instanceof AwsChunkedInputStream chunked) {
                chunked.trailers().forEach((n, v) -> {
                    if (Checksums.isChecksumHeader(n)) {
                        if (!declaredTrailers.contains(n)) {
                            throw new S3Exception(
                                    400, "InvalidRequest", "The trailer " + n + " was not declared in x-amz-trailer");
                        }
                        checksums.put(n, v);
                    }
                });
            }
            for (String declared : declaredTrailers) {
                if (!checksums.containsKey(declared)) {
                    throw new S3Exception(400, "IncompleteBody", "The declared trailer " + declared + " was not sent");
                }
            }
            digesting.verify(checksums);
            String decoded = r.header("x-amz-decoded-content-length");
            if (decoded != null && in instanceof AwsChunkedInputStream) {
                try {
                    if (Long.parseLong(decoded.trim()) != staged.size()) {
                        throw new S3Exception(
                                400,
                                "IncompleteBody",
                                "You did not provide the number of bytes specified by the x-amz-decoded-content-length header");
                    }
                } catch (NumberFormatException ignored) {
                    // not checked
                }
            }
        } catch (S3Exception e) {
            storage.discard(staged);
            throw e;
        }
        return staged;
    }
}
