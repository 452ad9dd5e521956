package dev.resumescreening.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.resumescreening.domain.Explanation;
import dev.resumescreening.domain.Job;
import dev.resumescreening.embedding.LexicalEmbedder;
import dev.resumescreening.embedding.TermVector;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExplainerTest {
    private static final String JOB = "Backend Java Engineer\nBuild REST APIs in Java on AWS Lambda with DynamoDB."
            + " Requirements: Spring Boot, Terraform, Kubernetes; experience with Java and AWS.";

    @Test
    void findsTheJobsTermsInTheResumeAndNamesTheMissingOnes() {
        Explanation explanation =
                explain(JOB, "Java developer: five years of Spring Boot services on AWS Lambda and DynamoDB.");
        // java and aws occur twice in the job: the largest shares of the cosine
        assertEquals("java", explanation.found().get(0));
        assertTrue(
                explanation.found().containsAll(java.util.List.of("spring boot", "aws lambda", "dynamodb")),
                explanation.toString());
        assertTrue(
                explanation.missing().containsAll(java.util.List.of("terraform", "kubernetes", "rest apis")),
                explanation.toString());
        assertFalse(explanation.found().contains("spring"), "a word inside a shown pair is not repeated");
        assertFalse(explanation.found().contains("experience"), "generic words say nothing");
        assertFalse(
                explanation.found().contains("boot terraform")
                        || explanation.missing().contains("kubernetes experience"),
                "pairs only where the job wrote them");
        assertTrue(explanation.found().stream().noneMatch(explanation.missing()::contains));
    }

    @Test
    void namesACamelCaseTagByItsWordsNotAsWritten() {
        Explanation explanation =
                explain("Service desk analyst #ITSupport #ServiceDesk", "Service desk and support analyst");
        assertTrue(explanation.found().contains("support"), explanation.toString());
        assertFalse(explanation.found().contains("servicedesk"), explanation.toString());
        assertFalse(explanation.missing().contains("itsupport"), explanation.toString());
    }

    @Test
    void aResumeWithNoneOfTheTermsHasOnlyMissingOnes() {
        Explanation explanation = explain(JOB, "Barista: espresso, latte art, customer service.");
        assertTrue(explanation.found().isEmpty(), explanation.toString());
        assertEquals(Explainer.MAX_MISSING, explanation.missing().size());
    }

    @Test
    void showsWhatASampleResumeHasAndLacks() throws Exception {
        Path samples = Path.of("..", "template-samples");
        String job = Files.readString(samples.resolve("jobs/backend-java-engineer.txt"));
        Explanation java = explain(job, Files.readString(samples.resolve("resumes/priya-nair-java.txt")));
        Explanation barista = explain(job, Files.readString(samples.resolve("resumes/sam-taylor-barista.txt")));
        System.out.println(java + "\n" + barista);
        assertTrue(java.found().size() > barista.found().size(), java + " / " + barista);
        assertTrue(java.found().contains("java"));
    }

    @Test
    void readsTheLexicalTermsOfAHybridVectorAsTheLexicalVectorsOwn() {
        String resume = "Java developer: five years of Spring Boot services on AWS Lambda and DynamoDB.";
        float[] semantic = {0.6f, 0.8f};
        TermVector hybridJob =
                LexicalEmbedder.vectorOf(JOB).beside(semantic, 1 << LexicalEmbedder.TERM_SPACE_BITS, 0.5);
        TermVector hybridResume =
                LexicalEmbedder.resumeVectorOf(resume).beside(semantic, 1 << LexicalEmbedder.TERM_SPACE_BITS, 0.5);
        assertEquals(explain(JOB, resume), Explainer.explain(JOB, hybridJob, hybridResume));
    }

    @Test
    void theUploadReadsEachJobsTextOnceAndExplainsAsFromTheText() {
        JobService jobs = JobServices.withoutStorage();
        Job job = new Job("job-1", "Backend Java Engineer", JOB, 50, "2026-11-29T00:00:00Z", false);
        Explainer.JobTerms terms = jobs.explanationTerms(job);
        assertSame(terms, jobs.explanationTerms(job));

        String resume = "Java developer: five years of Spring Boot services on AWS Lambda and DynamoDB.";
        TermVector jobVector = LexicalEmbedder.vectorOf(job.matchedText());
        TermVector resumeVector = LexicalEmbedder.resumeVectorOf(resume);
        Explanation fromTerms = Explainer.explain(terms, jobVector, resumeVector);
        assertEquals(Explainer.explain(job.matchedText(), jobVector, resumeVector), fromTerms);
        assertTrue(fromTerms.found().contains("spring boot"), fromTerms.toString());
        assertTrue(fromTerms.missing().contains("terraform"), fromTerms.toString());
    }

    /** As the upload explains a resume scored with the lexical embedder. */
    private static Explanation explain(String jobText, String resumeText) {
        return Explainer.explain(
                jobText, LexicalEmbedder.vectorOf(jobText), LexicalEmbedder.resumeVectorOf(resumeText));
    }
}
