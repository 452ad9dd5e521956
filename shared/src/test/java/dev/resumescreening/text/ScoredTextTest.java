package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoredTextTest {
    private static final String DUTY = "You will design and run the payment services our customers rely on every day,"
            + " with a small team that owns them end to end";
    private static final String POSTING = "Senior Java Engineer\n" + DUTY + "\nWe offer a pension and remote work.";
    private static final String KEYWORDS = "Java, Spring Boot, AWS Lambda, DynamoDB";

    @Test
    void takesOutWhatIsCopiedFromThePostingBeforeCountingRepeats() {
        String own = "Built a ledger in Kotlin for a bank.";
        String resume = own + "\n" + (DUTY + "\n").repeat(3) + (KEYWORDS + "\n").repeat(3);

        ScoredText scored = ScoredText.of(POSTING, resume);

        assertEquals(3 * ExtractedText.charactersIn(DUTY), scored.copiedCharacters());
        assertEquals(ExtractedText.charactersIn(KEYWORDS), scored.repeatedCharacters());
        assertTrue(scored.text().startsWith(own));
        assertFalse(scored.text().contains("payment"));
        assertEquals(2, scored.text().split("DynamoDB", -1).length - 1);
    }

    @Test
    void leavesAResumeOfItsOwnWordsAsItIs() {
        String resume = "Barista at Bean There\nTrained new staff on espresso preparation.";
        assertEquals(new ScoredText(resume, 0, 0), ScoredText.of(POSTING, resume));
    }
}
