package dev.resumescreening.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTreeTest {

    @Test
    void readsTheSameTreeAsTheMapper() throws IOException {
        String json = "{\"name\":\"jobs\",\"keys\":[\"job_id\",null],\"ttl\":true,\"off\":false,\"count\":3,"
                + "\"big\":12345678901,\"huge\":123456789012345678901234567890,\"rate\":0.0001,"
                + "\"nested\":{\"empty\":{},\"list\":[]}}";
        assertEquals(Json.read(json), JsonTree.read(stream(json)));
    }

    @Test
    void refusesTrailingContentAndEmptyInput() {
        IOException trailing = assertThrows(IOException.class, () -> JsonTree.read(stream("{\"a\":1} {\"b\":2}")));
        assertEquals(true, trailing.getMessage().startsWith("trailing content"), trailing.getMessage());
        assertThrows(IOException.class, () -> JsonTree.read(stream("")));
        assertThrows(IOException.class, () -> JsonTree.read(stream("{\"a\":")));
    }

    private static ByteArrayInputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
