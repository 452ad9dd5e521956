package dev.resumescreening.model;

import dev.resumescreening.embedding.TermVector;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a trained model learned about each job from its reviews: the prototype (normalised centroid) of the resumes
 * reviewers shortlisted for it and of those they rejected (with the unreviewed resumes those reviews left in no doubt,
 * see {@link FeedbackStatistics}), and how many reviews of each kind there were. A job the model never saw has none,
 * and is screened as on day one. Immutable.
 *
 * <p>Binary form (little-endian, inside the weights file): int32 job count, then per job in id order: int32 byte
 * length and the UTF-8 id, int32 shortlisted count, int32 rejected count, the shortlisted and the rejected prototype
 * ({@link TermVector#writeTo}).
 */
public final class JobFeedback {
    public static final JobFeedback NONE = new JobFeedback(Map.of());

    /** One job's prototypes; a prototype is empty when its count is 0. */
    public record Prototypes(int shortlisted, int rejected, TermVector shortlist, TermVector reject) {}

    private final Map<String, Prototypes> byJob;

    public JobFeedback(Map<String, Prototypes> byJob) {
        this.byJob = Collections.unmodifiableMap(new TreeMap<>(byJob));
    }

    public Optional<Prototypes> forJob(String jobId) {
        return Optional.ofNullable(byJob.get(jobId));
    }

    public Map<String, Prototypes> byJob() {
        return byJob;
    }

    public int serializedSize() {
        int size = 4;
        for (Map.Entry<String, Prototypes> job : byJob.entrySet()) {
            size += 4
                    + job.getKey().getBytes(StandardCharsets.UTF_8).length
                    + 8
                    + job.getValue().shortlist().serializedSize()
                    + job.getValue().reject().serializedSize();
        }
        return size;
    }

    public void writeTo(ByteBuffer buffer) {
        buffer.putInt(byJob.size());
        for (Map.Entry<String, Prototypes> job : byJob.entrySet()) {
            byte[] id = job.getKey().getBytes(StandardCharsets.UTF_8);
            buffer.putInt(id.length).put(id);
            Prototypes prototypes = job.getValue();
            buffer.putInt(prototypes.shortlisted()).putInt(prototypes.rejected());
            prototypes.shortlist().writeTo(buffer);
            prototypes.reject().writeTo(buffer);
        }
    }

    /** @throws IllegalArgumentException when the bytes are not well formed */
    public static JobFeedback read(ByteBuffer buffer) {
        int jobs = buffer.getInt();
        if (jobs < 0 || jobs > buffer.remaining() / 12) {
            throw new IllegalArgumentException("job feedback of " + jobs + " jobs does not fit in the file");
        }
        Map<String, Prototypes> byJob = new LinkedHashMap<>();
        for (int k = 0; k < jobs; k++) {
            int length = buffer.getInt();
            if (length <= 0 || length > buffer.remaining()) {
                throw new IllegalArgumentException("job feedback: bad job id length " + length);
            }
            byte[] id = new byte[length];
            buffer.get(id);
            int shortlisted = buffer.getInt();
            int rejected = buffer.getInt();
            if (shortlisted < 0 || rejected < 0) {
                throw new IllegalArgumentException("job feedback: negative review counts");
            }
            byJob.put(
                    new String(id, StandardCharsets.UTF_8),
                    new Prototypes(shortlisted, rejected, TermVector.read(buffer), TermVector.read(buffer)));
        }
        return new JobFeedback(byJob);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobFeedback other && byJob.equals(other.byJob);
    }

    @Override
    public int hashCode() {
        return byJob.hashCode();
    }
}
