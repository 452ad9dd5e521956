package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PostingCopiesTest {
    private static final String POSTING = "Backend Java Engineer\n"
            + "You will design, build and operate the payment services that move money for two million customers, "
            + "working with Java 21, Spring Boot and PostgreSQL on AWS Lambda and DynamoDB.";

    @Test
    void takesOutARunOfTwelveWordsThePostingHasInTheSameOrder() {
        String copy = "design, build and operate the payment services that move money for two million";
        String resume = "Barista at Bean There\nMade coffee. " + copy + " Trained new staff.";
        PostingCopies.Remaining remaining = PostingCopies.without(POSTING, resume);
        assertEquals("Barista at Bean There\nMade coffee. \n Trained new staff.", remaining.text());
        assertEquals(ExtractedText.charactersIn(copy), remaining.copiedCharacters());
    }

    @Test
    void keepsARunOfElevenWords() {
        String resume = "Barista. build and operate the payment services that move money for two. Trained.";
        assertEquals(new PostingCopies.Remaining(resume, 0), PostingCopies.without(POSTING, resume));
    }

    @Test
    void knowsACopyWhateverItsCaseAndPunctuationAndTakesOutOverlappingRunsAsOne() {
        String resume = "Summary\nYOU WILL DESIGN BUILD AND OPERATE THE PAYMENT SERVICES THAT MOVE MONEY FOR TWO "
                + "MILLION CUSTOMERS - working with Java 21 / Spring Boot and PostgreSQL on AWS Lambda and "
                + "DynamoDB!\nEnd";
        PostingCopies.Remaining remaining = PostingCopies.without(POSTING, resume);
        assertEquals("Summary\n\n!\nEnd", remaining.text());
        assertEquals(
                ExtractedText.charactersIn(resume) - ExtractedText.charactersIn("Summary!End"),
                remaining.copiedCharacters());
    }

    @Test
    void takesOutEveryCopiedRunAndKeepsWhatLiesBetween() {
        String first = "You will design, build and operate the payment services that move money for";
        String second = "working with Java 21, Spring Boot and PostgreSQL on AWS Lambda and DynamoDB";
        PostingCopies.Remaining remaining =
                PostingCopies.without(POSTING, first + " I poured espresso. " + second + ".");
        assertEquals("\n I poured espresso. \n.", remaining.text());
        assertEquals(ExtractedText.charactersIn(first + second), remaining.copiedCharacters());
    }

    @Test
    void leavesAResumeAsItIsWhenEitherTextIsShorterThanARun() {
        assertEquals(new PostingCopies.Remaining(POSTING, 0), PostingCopies.without("Java engineer", POSTING));
        assertEquals(new PostingCopies.Remaining("Java", 0), PostingCopies.without(POSTING, "Java"));
        assertEquals(new PostingCopies.Remaining("", 0), PostingCopies.without(POSTING, ""));
    }
}
