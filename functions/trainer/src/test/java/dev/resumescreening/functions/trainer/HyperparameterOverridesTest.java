package dev.resumescreening.functions.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.model.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterOverridesTest {
    @Test
    void overridesTheGuideDefaultsFromTheSetting() {
        Map<String, String> overrides =
                ScheduledTrainingHandler.overrides("{\"learning_rate\":\"0.001\",\"epochs\":80}");
        Hyperparameters hyperparameters = Hyperparameters.parse(overrides);
        assertEquals(0.001, hyperparameters.learningRate());
        assertEquals(80, hyperparameters.epochs());
        assertEquals(16, hyperparameters.batchSize());
        assertEquals(Hyperparameters.defaults(), Hyperparameters.parse(ScheduledTrainingHandler.overrides("{}")));
    }

    @Test
    void refusesSomethingThatIsNotAJsonObject() {
        assertThrows(IllegalArgumentException.class, () -> ScheduledTrainingHandler.overrides("[1]"));
        assertThrows(IllegalArgumentException.class, () -> ScheduledTrainingHandler.overrides("{oops"));
    }
}
