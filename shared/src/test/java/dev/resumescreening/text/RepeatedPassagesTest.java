package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

    @Test
    void theSameKeywordsInAnotherOrderEachTimeCountAsSaidTwice() {
        List<String> keywords = new ArrayList<>(List.of(
                "Java",
                "Spring",
                "Kafka",
                "Docker",
                "Kubernetes",
                "Terraform",
                "PostgreSQL",
                "DynamoDB",
                "Lambda",
                "React",
                "GraphQL",
                "Python"));
        Random order = new Random(7);
        StringBuilder resume = new StringBuilder("Barista at Bean There\n");
        List<String> lines = new ArrayList<>();
        for (int copy = 0; copy < 20; copy++) {
            Collections.shuffle(keywords, order);
            lines.add(String.join(", ", keywords));
            resume.append(lines.get(copy)).append('\n');
        }

        RepeatedPassages.Remaining remaining = RepeatedPassages.without(resume.toString());

        for (String keyword : keywords) {
            assertEquals(2, occurrences(keyword, remaining.text()), keyword);
        }
        assertEquals(18 * ExtractedText.charactersIn(lines.get(2)), remaining.repeatedCharacters());
    }

    @Test
    void aSkillsListRestatingFewerThanTwelveWordsCountsWhole() {
        String eleven =
                "payroll ledger audit accruals reconciliations forecasting budgets invoices tax treasury compliance";
        String duties = "Handled " + eleven.replace(" ", " and ") + ".";
        String resume = "Accountant\n" + duties + "\nSenior Accountant\n" + duties + "\nSkills: " + eleven;
        assertEquals(new RepeatedPassages.Remaining(resume, 0), RepeatedPassages.without(resume));

        String twelve = eleven + " payables";
        String restating = "Handled " + twelve.replace(" ", " and ") + ".";
        String longer = "Accountant\n" + restating + "\nSenior Accountant\n" + restating + "\nSkills: " + twelve;
        RepeatedPassages.Remaining remaining = RepeatedPassages.without(longer);
        assertEquals(ExtractedText.charactersIn(twelve), remaining.repeatedCharacters());
        assertEquals(
                "Accountant\n" + restating + "\nSenior Accountant\n" + restating + "\nSkills: \n", remaining.text());
    }

    private static int occurrences(String word, String text) {
        return (int)
                Pattern.compile("\\b" + word + "\\b").matcher(text).results().count();
    }
}
