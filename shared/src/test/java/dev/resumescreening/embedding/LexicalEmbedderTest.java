package dev.resumescreening.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.ports.SemanticEmbedder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LexicalEmbedderTest {
    private final LexicalEmbedder embedder = new LexicalEmbedder();

    @Test
    void wordsAndWordPairsWithSublinearCounts() {
        TermVector vector = embedder.embed("Java java JAVA Spring, and the SQL");
        // java (3 times), spring, sql, and the pairs "java java" (2), "java spring", "spring sql": stop words dropped
        assertEquals(6, vector.size());
        Map<Integer, Float> weights = new HashMap<>();
        for (int k = 0; k < vector.size(); k++) {
            weights.put(vector.index(k), vector.weight(k));
        }
        float java = weights.get(LexicalEmbedder.index("java"));
        float spring = weights.get(LexicalEmbedder.index("spring"));
        assertEquals((1 + Math.log(3)) / 1.0, java / spring, 1e-5, "1 + ln(count)");
        assertTrue(weights.containsKey(LexicalEmbedder.index("spring sql")), "the pair skips the stop words between");
        assertFalse(weights.containsKey(LexicalEmbedder.index("and")));
        assertEquals(1.0, vector.dot(vector), 1e-6);
    }

    @Test
    void aHashtagCountsAsItsWordAndTagsInARowAreNoPhrase() {
        TermVector post = embedder.embed("We're hiring! #helpdesk #servicedesk");
        TermVector resume = embedder.embed("Helpdesk analyst on a busy service desk");
        assertTrue(post.weightOf(LexicalEmbedder.index("helpdesk")) > 0);
        assertTrue(post.dot(resume) > 0);
        assertTrue(embedder.embed("C# and F#").weightOf(LexicalEmbedder.index("c#")) > 0, "a trailing sign stays");
        Map<String, Boolean> phrases = new HashMap<>();
        LexicalEmbedder.forEachTerm("desktop support #helpdesk #servicedesk", phrases::put);
        assertTrue(phrases.get("desktop support"));
        assertFalse(phrases.get("support helpdesk"));
        assertFalse(phrases.get("helpdesk servicedesk"));
        assertFalse(phrases.containsKey("#helpdesk"));
    }

    @Test
    void aHashtagWrittenInCamelCaseCountsAsWrittenAndAsItsWords() {
        Map<String, Boolean> terms = new HashMap<>();
        LexicalEmbedder.forEachTerm("Hiring! #CivilEngineering #QuickBooks #HRJobs JavaScript", terms::put);

        assertEquals(Boolean.TRUE, terms.get("civil engineering"), "the tag's words are a phrase");
        assertTrue(terms.containsKey("civilengineering"));
        assertTrue(terms.containsKey("quickbooks"), "a product name keeps its written form");
        assertTrue(terms.containsKey("hr") && terms.containsKey("jobs"));
        assertEquals(Boolean.FALSE, terms.get("hiring civil"));
        assertEquals(Boolean.FALSE, terms.get("engineering quick"));
        assertTrue(terms.containsKey("javascript"));
        assertFalse(terms.containsKey("java"), "only a tag is read as words");
        TermVector post = embedder.embed("We're hiring #CivilEngineering");
        assertTrue(post.dot(embedder.embed("Civil engineering graduate")) > 0);
    }

    @Test
    void aResumesHeadlineCountsThreeTimes() {
        TermVector resume = embedder.embedResume("Staff Accountant\nLedger work, audits and month-end close");
        double ledger = resume.weightOf(LexicalEmbedder.index("ledger"));
        assertEquals(1 + Math.log(3), resume.weightOf(LexicalEmbedder.index("accountant")) / ledger, 1e-6);
        assertEquals(1 + Math.log(3), resume.weightOf(LexicalEmbedder.index("staff accountant")) / ledger, 1e-6);
        assertEquals(1.0, resume.weightOf(LexicalEmbedder.index("accountant ledger")) / ledger, 1e-6);
        TermVector job = embedder.embed("Staff Accountant\nLedger work, audits and month-end close");
        assertEquals(
                1.0,
                job.weightOf(LexicalEmbedder.index("accountant")) / job.weightOf(LexicalEmbedder.index("ledger")),
                1e-6);
    }

    @Test
    void theHeadlineIsTheFirstLineWithTermsAndShort() {
        TermVector redactedName =
                embedder.embedResume("\u2588\u2588\u2588 \u2588\u2588\u2588\r\n\r\nIT Support Technician\r\nTickets");
        assertEquals(
                1 + Math.log(3),
                redactedName.weightOf(LexicalEmbedder.index("technician"))
                        / redactedName.weightOf(LexicalEmbedder.index("tickets")),
                1e-6);
        String oneLongLine =
                "Accountant with ten years of ledger work, audits, payroll, tax returns and month-end closes"
                        + " for two manufacturers";
        assertEquals(embedder.embed(oneLongLine), embedder.embedResume(oneLongLine));
        assertTrue(embedder.embedResume("... !!!\n").isEmpty());
    }

    @Test
    void aFirstLineThatNamesTheDocumentIsNoHeadline() {
        for (String heading : new String[] {"Curriculum Vitae", "RESUME", "PROFESSIONAL SUMMARY:", "## Profile"}) {
            TermVector resume = embedder.embedResume(heading + "\nStaff Accountant\nLedger work and audits");
            assertEquals(
                    1 + Math.log(3),
                    resume.weightOf(LexicalEmbedder.index("accountant"))
                            / resume.weightOf(LexicalEmbedder.index("ledger")),
                    1e-6,
                    heading);
        }
        TermVector summaryAnalyst = embedder.embedResume("Summary Analyst\nLedger work and audits");
        assertEquals(
                1 + Math.log(3),
                summaryAnalyst.weightOf(LexicalEmbedder.index("analyst"))
                        / summaryAnalyst.weightOf(LexicalEmbedder.index("ledger")),
                1e-6);
    }

    @Test
    void similarTextsAreCloserThanUnrelatedOnes() {
        TermVector job = embedder.embed("Backend Java engineer: Spring Boot, AWS Lambda, DynamoDB");
        double java = job.dot(embedder.embed("Java developer building Spring Boot services on AWS Lambda"));
        double barista = job.dot(embedder.embed("Barista, espresso and latte art, customer service"));
        assertTrue(java > 0.2, "java " + java);
        assertEquals(0.0, barista, 1e-9);
    }

    @Test
    void textWithoutUsableWordsIsEmpty() {
        assertTrue(embedder.embed("a the and of ... !!! - x").isEmpty());
        assertEquals(0.0, embedder.embed("").dot(embedder.embed("java")));
    }

    @Test
    void bytesRoundTripAndRefuseOtherFormats() {
        TermVector vector = embedder.embed("Kubernetes, Terraform and AWS; C++ and C#");
        assertEquals(vector, TermVector.fromBytes(vector.toBytes()));
        byte[] legacyDense = ByteBuffer.allocate(4096)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(0.5f)
                .array();
        assertFalse(TermVector.isTermVector(legacyDense));
        assertThrows(IllegalArgumentException.class, () -> TermVector.fromBytes(legacyDense));
        byte[] truncated = Arrays.copyOf(vector.toBytes(), vector.toBytes().length - 4);
        assertThrows(IllegalArgumentException.class, () -> TermVector.fromBytes(truncated));
    }

    @Test
    void longTextsKeepTheirStrongestTerms() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < LexicalEmbedder.MAX_TERMS; i++) {
            text.append("word").append(i).append(' ');
        }
        text.append("java java java java");
        TermVector vector = embedder.embed(text.toString());
        assertEquals(LexicalEmbedder.MAX_TERMS, vector.size());
        assertTrue(vector.dot(embedder.embed("java")) > 0, "the most frequent term is kept");
    }

    @Test
    void hybridVectorsMixTheTwoCosines() {
        float[] a = {1f, 0f};
        float[] b = {0.6f, 0.8f};
        TermVector left = embedder.embed("java spring").beside(a, HybridEmbedder.SEMANTIC_OFFSET, 0.5);
        TermVector right = embedder.embed("java spring").beside(b, HybridEmbedder.SEMANTIC_OFFSET, 0.5);
        assertEquals(0.5 * 1.0 + 0.5 * 0.6, left.dot(right), 1e-6);
        assertEquals(1.0, left.dot(left), 1e-6);
    }

    @Test
    void hybridResumeVectorsWeighTheHeadlineInTheirLexicalShare() {
        SemanticEmbedder constant = new SemanticEmbedder() {
            @Override
            public float[] embed(String text) {
                return new float[] {0.6f, 0.8f};
            }

            @Override
            public String name() {
                return "constant";
            }
        };
        HybridEmbedder hybrid = new HybridEmbedder(embedder, constant);
        String resume = "Staff Accountant\nPlant floor, machining lines, tooling, lean and ledgers";
        TermVector job = hybrid.embed("Accountant");
        double headlineWeighted = hybrid.embedResume(resume).dot(job);
        double plain = hybrid.embed(resume).dot(job);
        assertEquals(
                0.5 * embedder.embedResume(resume).dot(embedder.embed("Accountant")) + 0.5, headlineWeighted, 1e-6);
        assertTrue(headlineWeighted > plain, headlineWeighted + " > " + plain);
    }
}
