package dev.resumescreening.emulators.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ExpressionAndOrderingTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() throws Exception {
        ObjectNode item = json("{'a':{'N':'1'},'b':{'S':'x'},'list':{'L':[{'S':'p'},{'M':{'q':{'N':'2'}}}]}}");
        ExpressionContext context = ExpressionContext.of(
                json("{'ExpressionAttributeValues':{':one':{'N':'1.0'},':two':{'N':'2'},':x':{'S':'x'}}}"));
        assertTrue(ExpressionParser.parseCondition("a = :two OR b = :x AND NOT a = :two")
                .test(item, context));
        assertFalse(ExpressionParser.parseCondition("(a = :two OR b = :x) AND NOT a = :one")
                .test(item, context));
        assertTrue(ExpressionParser.parseCondition("list[1].q = :two AND size(list) = :two")
                .test(item, context));
        assertTrue(
                ExpressionParser.parseCondition("a <> :two AND missing <> :two").test(item, context));
        assertFalse(ExpressionParser.parseCondition("missing < :two").test(item, context));
        assertTrue(ExpressionParser.parseCondition("contains(b, :x) and attribute_type(a, :n)")
                .test(
                        item,
                        ExpressionContext.of(json("{'ExpressionAttributeValues':{':x':{'S':'x'},':n':{'S':'N'}}}"))));
        assertThrows(DynamoDbException.class, () -> ExpressionParser.parseCondition("a = :v AND"));
        assertThrows(DynamoDbException.class, () -> ExpressionParser.parseCondition("a == :v"));
        assertThrows(DynamoDbException.class, () -> ExpressionParser.parseUpdate("SET a = :v SET b = :w"));
    }

    @Test
    void keyValuesOrderLikeDynamoDb() throws Exception {
        KeyValue ten = KeyValue.of(json("{'N':'10'}"));
        KeyValue nine = KeyValue.of(json("{'N':'9.5'}"));
        assertTrue(nine.compareTo(ten) < 0);
        // U+FFFD sorts before U+1F600 in UTF-8 although its UTF-16 code unit is larger.
        KeyValue replacement = KeyValue.of(json("{'S':'\uFFFD'}"));
        KeyValue emoji = KeyValue.of(json("{'S':'\uD83D\uDE00'}"));
        assertTrue(replacement.compareTo(emoji) < 0);
        KeyValue low = KeyValue.of(json("{'B':'AQ=='}"));
        KeyValue high = KeyValue.of(json("{'B':'/w=='}"));
        assertTrue(low.compareTo(high) < 0);
        assertEquals(
                "3",
                AttributeValues.canonicalNumber(new java.math.BigDecimal("1.50").add(new java.math.BigDecimal("1.5"))));
        assertEquals(
                KeyValue.of(json("{'S':'ab'}")), KeyValue.of(json("{'S':'aa'}")).prefixSuccessor());
    }
}
