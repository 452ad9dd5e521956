package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class UnpairedSurrogatesTest {
    private static final String HIGH = String.valueOf((char) 0xD83D);
    private static final String LOW = String.valueOf((char) 0xDE00);
    private static final String EMOJI = HIGH + LOW;

    @Test
    void findsAHalfWhereverItIs() {
        assertEquals(-1, UnpairedSurrogates.firstIndex("ledger " + EMOJI + " ünïcødé"));
        assertEquals(2, UnpairedSurrogates.firstIndex("ab" + HIGH));
        assertEquals(0, UnpairedSurrogates.firstIndex(LOW + "ab"));
        assertEquals(
                1, UnpairedSurrogates.firstIndex("a" + LOW + HIGH + "b"), "halves in the wrong order pair nothing");
        assertEquals(3, UnpairedSurrogates.firstIndex(EMOJI + "a" + HIGH + "b"));
    }

    @Test
    void replacesOnlyTheHalvesAndKeepsWholePairs() {
        String clean = "ledger " + EMOJI;
        assertSame(clean, UnpairedSurrogates.replaced(clean));
        assertEquals(
                EMOJI + "\uFFFDa\uFFFD\uFFFD" + EMOJI,
                UnpairedSurrogates.replaced(EMOJI + HIGH + "a" + LOW + HIGH + EMOJI));
    }
}
