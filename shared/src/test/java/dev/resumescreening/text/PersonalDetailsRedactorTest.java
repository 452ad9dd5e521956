package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PersonalDetailsRedactorTest {
    private static final String[] FIRST = {
        "Priya", "James", "Olga", "Kwame", "Mei", "Carlos", "Fatima", "Liam", "Aisha", "Tomasz", "Sofia", "Hiroshi"
    };
    private static final String[] LAST = {
        "Nair",
        "O'Brien",
        "Kowalski",
        "Mensah",
        "Zhang",
        "Gutierrez",
        "Haddad",
        "Murphy",
        "Bello",
        "Nowak",
        "Rossi",
        "Tanaka"
    };
    private static final String[] STREETS = {
        "Maple Street", "Oak Avenue", "Sunset Blvd", "Harbor Road", "Elm Drive", "King Lane"
    };
    private static final String[] PHONES = {
        "(415) 555-0132", "+1 212 555 0199", "415.555.0175", "+44 20 7946 0958", "+91 98765 43210", "555-867-5309"
    };

    private final PersonalDetailsRedactor redactor = new PersonalDetailsRedactor();

    /** A resume with planted details and the details themselves. */
    private record Planted(String text, List<String> details, String name) {}

    @Test
    void recallOfPlantedDetailsOnGeneratedResumes() {
        Random random = new Random(42);
        int planted = 0;
        int removed = 0;
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Planted resume = resume(random, i);
            String redacted = redactor.redact(resume.text(), i % 3 == 0 ? null : resume.name());
            for (String detail : resume.details()) {
                planted++;
                if (!redacted.contains(detail)) {
                    removed++;
                } else if (missed.size() < 10) {
                    missed.add(detail);
                }
            }
            assertTrue(redacted.contains("Spring Boot") && redacted.contains("AWS Lambda"), redacted);
        }
        double recall = (double) removed / planted;
        System.out.printf(
                Locale.ROOT,
                "redaction recall of planted details: %.4f (%d of %d); missed e.g. %s%n",
                recall,
                removed,
                planted,
                missed);
        assertTrue(recall >= 0.95, "recall " + recall + ", missed e.g. " + missed);
    }

    @Test
    void eachKindOfDetail() {
        String text = """
                Priya Nair
                Senior Java Engineer
                priya.nair@example.com | (415) 555-0132 | linkedin.com/in/priya-nair | https://priya.dev
                Address: 42 Maple Street, Springfield, IL 62704
                Date of birth: 14/03/1990, Age: 34, Gender: Female, Marital status: married (she/her)
                Ms. Nair built Spring Boot services on AWS Lambda.
                """;
        String redacted = redactor.redact(text, null);
        for (String detail : List.of(
                "Priya",
                "priya.nair@example.com",
                "555-0132",
                "linkedin.com",
                "priya.dev",
                "42 Maple Street",
                "62704",
                "14/03/1990",
                "34",
                "Female",
                "married",
                "she/her",
                "Ms.")) {
            assertFalse(redacted.contains(detail), detail + " survived in " + redacted);
        }
        assertTrue(redacted.contains("Senior Java Engineer"), "a job title is not a name: " + redacted);
        assertTrue(redacted.contains("built Spring Boot services on AWS Lambda"), redacted);
        assertTrue(redacted.contains(PersonalDetailsRedactor.MARK));
    }

    @Test
    void theUploadedNameGoesWhereverItStands() {
        String redacted = redactor.redact("SUMMARY\nEngineer. References: ask Tomasz Nowak's manager.", "Tomasz Nowak");
        assertFalse(redacted.contains("Tomasz") || redacted.contains("Nowak"), redacted);
        assertEquals("Java, SQL and AWS", redactor.redact("Java, SQL and AWS", "Al"), "nothing to redact");
    }

    @Test
    void longRunsOfWordCharactersAreReadOnce() {
        String word = "a".repeat(100_000);
        assertEquals("Java engineer " + word, redactor.redact("Java engineer " + word, "Al Bo"));
        String digits = "7".repeat(100_000);
        assertTrue(redactor.redact(digits, null).length() <= digits.length());
    }

    private static Planted resume(Random random, int i) {
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replace("'", "") + i + "@mail.example.org";
        String phone = PHONES[random.nextInt(PHONES.length)];
        String address = (10 + random.nextInt(9000)) + " " + STREETS[random.nextInt(STREETS.length)];
        String zip = String.format(Locale.ROOT, "%05d", 10000 + random.nextInt(89999));
        String url = "github.com/" + first.toLowerCase(Locale.ROOT) + i;
        String birth = String.format(
                Locale.ROOT,
                "%02d/%02d/19%02d",
                1 + random.nextInt(28),
                1 + random.nextInt(12),
                60 + random.nextInt(40));
        int age = 22 + random.nextInt(40);
        String title = random.nextBoolean() ? "Mr." : "Mrs.";
        String text = first + " " + last + "\n"
                + "Backend Engineer\n"
                + email + " | " + phone + " | " + url + "\n"
                + address + ", Springfield, IL " + zip + "\n"
                + "Date of Birth: " + birth + " | Age: " + age + "\n\n"
                + "EXPERIENCE\n" + title + " " + last + " built Spring Boot services on AWS Lambda and DynamoDB.\n";
        return new Planted(
                text,
                List.of(first, last, email, phone, url, address, zip, birth, "Age: " + age, title),
                first + " " + last);
    }
}
