package dev.resumescreening.screening;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.domain.Job;
import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import dev.resumescreening.ports.DocumentStore;
import dev.resumescreening.ports.DocumentStore.StoredObject;
import dev.resumescreening.ports.JobRepository;
import dev.resumescreening.ports.JobRepository.StoredJob;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A staged file is screened soon after its PUT, within the upload limit, or not at all. */
class StagedUploadsTest {
    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String JOB_ID = "job-1";
    private static final String UPLOAD_ID = "0f8e2a52-0d6c-4d57-9d0e-5f3c6a1b2c3d";
    private static final byte[] CONTENT = "Java engineer".getBytes(StandardCharsets.UTF_8);
    private static final long LIMIT = 1_000;

    @Test
    void aFilePutWithinTheUrlsLifetimeAndAsLongAgainIsRead() {
        StagedUploads staged = staged(CONTENT.length, NOW.minus(Duration.ofMinutes(29)));
        assertArrayEquals(CONTENT, staged.read(JOB_ID, UPLOAD_ID));
    }

    @Test
    void aFilePutLongerAgoIsGone() {
        StagedUploads staged = staged(CONTENT.length, NOW.minus(Duration.ofMinutes(31)));
        ProblemException gone = assertThrows(ProblemException.class, () -> staged.read(JOB_ID, UPLOAD_ID));
        assertEquals(ProblemKind.GONE, gone.kind());
        assertEquals("upload_expired", gone.code());
    }

    @Test
    void aFileOverTheUploadLimitIsNotRead() {
        StagedUploads staged = staged(LIMIT + 1, NOW);
        ProblemException tooLarge = assertThrows(ProblemException.class, () -> staged.read(JOB_ID, UPLOAD_ID));
        assertEquals(ProblemKind.TOO_LARGE, tooLarge.kind());
    }

    @Test
    void anythingButAnUploadIdNamesNoStagedFile() {
        StagedUploads staged = staged(CONTENT.length, NOW);
        for (String id : new String[] {"../../resumes/job-1/x", UPLOAD_ID + "/x", ""}) {
            ProblemException missing = assertThrows(ProblemException.class, () -> staged.read(JOB_ID, id));
            assertEquals("upload_not_found", missing.code(), id);
        }
    }

    /** The staged file {@code uploads/job-1/<UPLOAD_ID>} of {@code size} bytes put at {@code putAt}, read at {@link #NOW}. */
    private static StagedUploads staged(long size, Instant putAt) {
        StoredObject stored = new StoredObject(size, putAt, size > LIMIT ? null : CONTENT);
        String key = StagedUploads.key(JOB_ID, UPLOAD_ID);
        DocumentStore documents = (DocumentStore) Proxy.newProxyInstance(
                DocumentStore.class.getClassLoader(),
                new Class<?>[] {DocumentStore.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "read" -> Optional.ofNullable(key.equals(args[0]) && (long) args[1] == LIMIT ? stored : null);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        JobRepository jobs = (JobRepository) Proxy.newProxyInstance(
                JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("find")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    return Optional.of(new StoredJob(
                            new Job(JOB_ID, "Java", "Java engineer", 50, NOW.toString(), false), TermVector.EMPTY));
                });
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return new StagedUploads(new JobService(jobs, new LexicalEmbedder(), clock), documents, clock, LIMIT);
    }
}
