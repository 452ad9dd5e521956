package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.resumescreening.model.Hyperparameters.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void defaults() {
        Hyperparameters d = Hyperparameters.parse(Map.of());
        assertEquals(Hyperparameters.defaults(), d);
        assertEquals(50, d.epochs());
        assertEquals(16, d.batchSize());
        assertEquals(1e-4, d.learningRate());
        assertEquals(64, d.hiddenSize());
        assertEquals(8, d.patience());
        assertEquals(42, d.seed());
        assertEquals(0.0, d.weightDecay());
        assertFalse(d.balanceClasses());
        assertEquals(Hyperparameters.FEATURES_ALL, d.features());
        assertEquals(0.6, d.trainFraction(), 1e-12);
    }

    @Test
    void parsesStringsIncludingSageMakerQuoting() {
        Hyperparameters h = Hyperparameters.parse(Map.of(
                "epochs",
                "20",
                "batch_size",
                " 32 ",
                "learning_rate",
                "\"0.001\"",
                "hidden_size",
                "16",
                "patience",
                "0",
                "seed",
                "-3",
                "weight_decay",
                "1e-5",
                "balance_classes",
                "TRUE",
                "sagemaker_program",
                "ignored"));
        assertEquals(20, h.epochs());
        assertEquals(32, h.batchSize());
        assertEquals(0.001, h.learningRate());
        assertEquals(16, h.hiddenSize());
        assertEquals(0, h.patience());
        assertEquals(-3, h.seed());
        assertEquals(1e-5, h.weightDecay());
        assertTrue(h.balanceClasses());
        assertEquals(h, Hyperparameters.parse(h.toMap()));
    }

    @Test
    void errorsNameEveryBadValue() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("epochs", "ten", "learning_rate", "-1", "batch_size", "0")));
        String msg = e.getMessage();
        assertTrue(msg.contains("'epochs'") && msg.contains("'ten'"), msg);
        assertTrue(msg.contains("'batch_size'") && msg.contains("'0'"), msg);
        assertTrue(msg.contains("'learning_rate'") && msg.contains("'-1'"), msg);
        IllegalArgumentException lr = assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("learning_rate", "-1")));
        assertTrue(lr.getMessage().contains("'learning_rate'"), lr.getMessage());
        IllegalArgumentException unknown = assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("learning-rate", "0.1")));
        assertTrue(unknown.getMessage().contains("unknown hyperparameter 'learning-rate'"), unknown.getMessage());
        IllegalArgumentException bool = assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("balance_classes", "yes")));
        assertTrue(bool.getMessage().contains("'balance_classes'"), bool.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("validation_fraction", "0.5", "test_fraction", "0.45")));
    }

    @Test
    void jsonIsSnakeCase() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(Hyperparameters.defaults());
        assertEquals(
                "{\"epochs\":50,\"batch_size\":16,\"learning_rate\":1.0E-4,\"hidden_size\":64,\"patience\":8,"
                        + "\"seed\":42,\"weight_decay\":0.0,\"validation_fraction\":0.2,\"test_fraction\":0.2,"
                        + "\"balance_classes\":false,\"features\":\"all\",\"baseline_center\":0.0,\"baseline_steepness\":0.0}",
                json);
        assertEquals(Hyperparameters.defaults(), mapper.readValue(json, Hyperparameters.class));
    }

    @Test
    void sageMakerMapKeepsItsWireForm() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("epochs", "50");
        expected.put("batch_size", "16");
        expected.put("learning_rate", "1.0E-4");
        expected.put("hidden_size", "64");
        expected.put("patience", "8");
        expected.put("seed", "42");
        expected.put("weight_decay", "0.0");
        expected.put("validation_fraction", "0.2");
        expected.put("test_fraction", "0.2");
        expected.put("balance_classes", "false");
        expected.put("features", "all");
        expected.put("baseline_center", "0.0");
        expected.put("baseline_steepness", "0.0");
        assertEquals(
                List.copyOf(expected.entrySet()),
                List.copyOf(Hyperparameters.defaults().toMap().entrySet()));
    }

    @Test
    void metadataFromOlderAndNewerWritersReads() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Hyperparameters older = mapper.readValue(
                "{\"epochs\":30,\"batch_size\":16,\"learning_rate\":0.001,"
                        + "\"hidden_size\":64,\"patience\":8,\"seed\":42,\"validation_fraction\":0.2,\"test_fraction\":0.2,"
                        + "\"balance_classes\":true}",
                Hyperparameters.class);
        assertEquals(
                Hyperparameters.defaults()
                        .with(Key.EPOCHS, 30)
                        .with(Key.LEARNING_RATE, 0.001)
                        .with(Key.BALANCE_CLASSES, true),
                older);
        assertEquals(Hyperparameters.FEATURES_ALL, older.features());
        Hyperparameters newer = mapper.readValue("{\"epochs\":30,\"dropout\":0.5}", Hyperparameters.class);
        assertEquals(30, newer.epochs());
        assertThrows(Exception.class, () -> mapper.readValue("{\"epochs\":0}", Hyperparameters.class));
    }

    @Test
    void everyKeyRoundTripsAwayFromItsDefault() {
        Hyperparameters changed = Hyperparameters.parse(Map.ofEntries(
                Map.entry("epochs", "7"),
                Map.entry("batch_size", "9"),
                Map.entry("learning_rate", "0.003"),
                Map.entry("hidden_size", "5"),
                Map.entry("patience", "2"),
                Map.entry("seed", "11"),
                Map.entry("weight_decay", "0.01"),
                Map.entry("validation_fraction", "0.25"),
                Map.entry("test_fraction", "0.15"),
                Map.entry("balance_classes", "true"),
                Map.entry("features", "cosine"),
                Map.entry("baseline_center", "-0.5"),
                Map.entry("baseline_steepness", "12")));
        for (Key key : Key.values()) {
            assertNotEquals(
                    Hyperparameters.defaults().toMap().get(key.wireName()),
                    changed.toMap().get(key.wireName()),
                    key.wireName());
        }
        assertEquals(changed, Hyperparameters.parse(changed.toMap()));
    }

    @Test
    void withChecksTypeAndRange() {
        assertEquals(12, Hyperparameters.defaults().with(Key.EPOCHS, 12).epochs());
        IllegalArgumentException type = assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.defaults().with(Key.LEARNING_RATE, 1));
        assertTrue(type.getMessage().contains("'learning_rate'"), type.getMessage());
        assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.defaults().with(Key.HIDDEN_SIZE, 0));
        assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.defaults().with(Key.FEATURES, "words"));
        assertThrows(
                IllegalArgumentException.class, () -> Hyperparameters.defaults().with(Key.VALIDATION_FRACTION, 0.75));
    }

    @Test
    void warmStartAndFeatureSetAreHyperparameters() {
        assertFalse(Hyperparameters.defaults().warmStart());
        Hyperparameters h = Hyperparameters.parse(
                Map.of("baseline_center", "0.1", "baseline_steepness", "30", "features", "Cosine"));
        assertTrue(h.warmStart());
        assertEquals(0.1, h.baselineCenter());
        assertEquals(30.0, h.baselineSteepness());
        assertEquals(Hyperparameters.FEATURES_COSINE, h.features());
        assertEquals(h, Hyperparameters.parse(h.toMap()));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("features", "words")));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("baseline_steepness", "-1")));
    }
}
