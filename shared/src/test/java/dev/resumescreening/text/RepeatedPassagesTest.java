package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RepeatedPassagesTest {
    private static final String KEYWORDS = "Java, Spring Boot, AWS Lambda, DynamoDB, PostgreSQL";

    @Test
    void aLineSaidTwentyTimesCountsAsSaidTwice() {
        String resume = "Barista at Bean There\n" + (KEYWORDS + "\n").repeat(20);
        RepeatedPassages.Remaining remaining = RepeatedPassages.without(resume);
        assertEquals("Barista at Bean There\n" + (KEYWORDS + "\n").repeat(2) + "\n\n", remaining.text());
        assertEquals(18 * ExtractedText.charactersIn(KEYWORDS), remaining.repeatedCharacters());
    }

    @Test
    void aPassageSaidTwiceCountsTwice() {
        String duty = "Trained new staff on espresso preparation and customer service.";
        String resume = "Shift Lead\n" + duty + "\nBarista\n" + duty + "\nSkills: latte art";
        assertEquals(new RepeatedPassages.Remaining(resume, 0), RepeatedPassages.without(resume));
    }

    @Test
    void knowsARepeatWhateverItsCaseAndPunctuation() {
        String resume = "Java Spring Boot AWS. java / spring / boot / aws; JAVA - SPRING - BOOT - AWS!";
        RepeatedPassages.Remaining remaining = RepeatedPassages.without(resume);
        assertEquals("Java Spring Boot AWS. java / spring / boot / aws; \n!", remaining.text());
        assertEquals(ExtractedText.charactersIn("JAVA-SPRING-BOOT-AWS"), remaining.repeatedCharacters());
    }

    @Test
    void aWordSaidOverAndOverCountsTwice() {
        RepeatedPassages.Remaining remaining = RepeatedPassages.without("kubernetes ".repeat(50) + "end");
        assertEquals("kubernetes kubernetes \n end", remaining.text());
        assertEquals(48 * "kubernetes".length(), remaining.repeatedCharacters());
    }

    @Test
    void leavesTextShorterThanARunAsItIs() {
        assertEquals(new RepeatedPassages.Remaining("Java Java Java", 0), RepeatedPassages.without("Java Java Java"));
        assertEquals(new RepeatedPassages.Remaining("", 0), RepeatedPassages.without(""));
    }
}
