package dev.resumescreening.trainer;

/**
 * System properties DJL reads when its PyTorch engine first loads. Call {@link #configure()} before anything touches
 * DJL; later calls are harmless but have no effect on an engine that is already loaded. Values set explicitly
 * ({@code -D...}) are kept.
 *
 * <ul>
 *   <li>{@code ai.djl.offline=true}: never download; libtorch comes from the {@code pytorch-native-cpu} jar and the JNI
 *       bridge from {@code pytorch-jni}, both on the classpath, and are extracted into the DJL cache dir
 *       ({@code DJL_CACHE_DIR} / {@code ENGINE_CACHE_DIR}, default {@code ~/.djl.ai}).</li>
 *   <li>{@code ai.djl.pytorch.num_threads=1}, {@code ai.djl.pytorch.num_interop_threads=1}: single-threaded kernels,
 *       so a seed gives bit-identical weights; the model is small enough that this costs little.</li>
 * </ul>
 */
public final class DjlRuntime {

    public static final String OFFLINE = "ai.djl.offline";
    public static final String NUM_THREADS = "ai.djl.pytorch.num_threads";
    public static final String NUM_INTEROP_THREADS = "ai.djl.pytorch.num_interop_threads";
    static final String ENGINE = "PyTorch";

    private DjlRuntime() {}

    public static void configure() {
        setIfAbsent(OFFLINE, "true");
        setIfAbsent(NUM_THREADS, "1");
        setIfAbsent(NUM_INTEROP_THREADS, "1");
        setIfAbsent("ai.djl.default_engine", ENGINE);
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
