package dev.resumescreening.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
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
        Hyperparameters h = Hyperparameters.parse(Map.of("epochs", "20", "batch_size", " 32 ", "learning_rate", "\"0.001\"",
                "hidden_size", "16", "patience", "0", "seed", "-3", "weight_decay", "1e-5", "balance_classes", "TRUE",
                "sagemaker_program", "ignored"));
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
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(
                Map.of("epochs", "ten", "learning_rate", "-1", "batch_size", "0")));
        String msg = e.getMessage();
        assertTrue(msg.contains("'epochs'") && msg.contains("'ten'"), msg);
        assertTrue(msg.contains("'batch_size'") && msg.contains("'0'"), msg);
        // learning_rate is range-checked after the parse errors are fixed; alone it is reported too
        IllegalArgumentException lr = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("learning_rate", "-1")));
        assertTrue(lr.getMessage().contains("'learning_rate'"), lr.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("learning-rate", "0.1")));
        assertTrue(unknown.getMessage().contains("unknown hyperparameter 'learning-rate'"), unknown.getMessage());
        IllegalArgumentException bool = assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("balance_classes", "yes")));
        assertTrue(bool.getMessage().contains("'balance_classes'"), bool.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Hyperparameters.parse(Map.of("validation_fraction", "0.5", "test_fraction", "0.45")));
    }

    @Test
    void jsonIsSnakeCase() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String json = mapper.writeValueAsString(Hyperparameters.defaults());
        assertTrue(json.contains("\"learning_rate\":1.0E-4"), json);
        assertEquals(Hyperparameters.defaults(), mapper.readValue(json, Hyperparameters.class));
    }

    @Test
    void warmStartAndFeatureSetAreHyperparameters() {
        assertFalse(Hyperparameters.defaults().warmStart());
        Hyperparameters h = Hyperparameters.parse(Map.of("baseline_center", "0.1", "baseline_steepness", "30",
                "features", "Cosine"));
        assertTrue(h.warmStart());
        assertEquals(0.1, h.baselineCenter());
        assertEquals(30.0, h.baselineSteepness());
        assertEquals(Hyperparameters.FEATURES_COSINE, h.features());
        assertEquals(h, Hyperparameters.parse(h.toMap()));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("features", "words")));
        assertThrows(IllegalArgumentException.class, () -> Hyperparameters.parse(Map.of("baseline_steepness", "-1")));
    }
}
