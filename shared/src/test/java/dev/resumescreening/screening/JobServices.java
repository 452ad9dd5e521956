package dev.resumescreening.screening;

import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.ports.JobRepository;
import java.lang.reflect.Proxy;
import java.time.Clock;

/** Job services for tests of what a job service works out without its table. */
final class JobServices {
    private JobServices() {}

    /** A job service on the lexical embedder whose table refuses every call. */
    static JobService withoutStorage() {
        JobRepository unused = (JobRepository) Proxy.newProxyInstance(
                JobRepository.class.getClassLoader(), new Class<?>[] {JobRepository.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
        return new JobService(unused, new LexicalEmbedder(), Clock.systemUTC());
    }
}
