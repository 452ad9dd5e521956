package dev.resumescreening.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.resumescreening.testing.PdfFixtures;
import dev.resumescreening.text.DocumentTextExtractor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * template-samples ships each resume as text and as a PDF made from it. The test keeps the two in step; run
 * {@link #main} to rewrite the PDFs after editing a text.
 */
class SamplePdfsTest {
    private static final int LINE_CHARS = 95;

    public static void main(String[] args) throws IOException {
        for (Path text : texts()) {
            Files.write(pdfOf(text), PdfFixtures.textPdf(wrap(Files.readString(text))));
        }
    }

    @Test
    void everySampleResumeHasAPdfWithTheSameText() throws IOException {
        List<Path> texts = texts();
        assertFalse(texts.isEmpty());
        DocumentTextExtractor extractor = new DocumentTextExtractor(10);
        for (Path text : texts) {
            String fromPdf = extractor
                    .extract(Files.readAllBytes(pdfOf(text)), "sample.pdf", null)
                    .text();
            assertEquals(
                    words(Files.readString(text)),
                    words(fromPdf),
                    text.getFileName().toString());
        }
    }

    private static List<Path> texts() throws IOException {
        try (Stream<Path> files = Files.list(TestStack.samples().resolve("resumes"))) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    private static Path pdfOf(Path text) {
        return text.resolveSibling(text.getFileName().toString().replace(".txt", ".pdf"));
    }

    private static String words(String text) {
        return String.join(" ", text.trim().split("\\s+"));
    }

    private static String wrap(String text) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String rest = line;
            while (rest.length() > LINE_CHARS) {
                int cut = rest.lastIndexOf(' ', LINE_CHARS);
                cut = cut <= 0 ? LINE_CHARS : cut;
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut).stripLeading();
            }
            lines.add(rest);
        }
        return String.join("\n", lines);
    }
}
