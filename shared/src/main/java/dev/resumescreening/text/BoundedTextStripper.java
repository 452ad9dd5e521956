package dev.resumescreening.text;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.text.TextPosition;

/**
 * A {@link VisibleTextStripper} that stops while it extracts, not after: its output stops at {@code maxChars}
 * characters ({@link LimitReached}, the text so far is kept), and it gives up ({@link TooComplex}) after
 * {@code maxGlyphs} glyphs, however many of them overlap, are suppressed or cannot be seen, or when the document has
 * used its CPU time budget (checked as content-stream operators and glyphs are processed). Without these, a small PDF
 * with millions of overlapping glyphs or a text-packed page keeps PDFBox busy for minutes and holds every glyph of a
 * page in memory.
 */
final class BoundedTextStripper extends VisibleTextStripper {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int CHECK_EVERY = 256;

    private final long maxGlyphs;
    private final long budgetNanos;
    private final long startedNanos;
    private long glyphs;
    private long steps;

    /** The output stopped at the character limit; what was written up to it is complete. */
    static final class LimitReached extends IOException {
        LimitReached() {
            super("character limit reached", null);
        }
    }

    /** The document needs more glyphs or more time than one resume may take. */
    static final class TooComplex extends RuntimeException {
        TooComplex(String message) {
            super(message, null, false, false);
        }
    }

    BoundedTextStripper(long maxGlyphs, long budgetMillis) throws IOException {
        this.maxGlyphs = maxGlyphs;
        this.budgetNanos = budgetMillis * 1_000_000L;
        this.startedNanos = now();
    }

    @Override
    protected void processTextPosition(TextPosition text) {
        if (++glyphs > maxGlyphs) {
            throw new TooComplex("more than " + maxGlyphs + " glyphs");
        }
        step();
        super.processTextPosition(text);
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        step();
        super.processOperator(operator, operands);
    }

    private void step() {
        if (++steps % CHECK_EVERY == 0 && now() - startedNanos > budgetNanos) {
            throw new TooComplex("over the time budget of " + budgetNanos / 1_000_000 + " ms");
        }
    }

    /** CPU time of this thread where the JVM measures it (wall time otherwise): a busy machine does not count. */
    private static long now() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** A writer that keeps at most {@code maxChars} characters and then stops the extraction. */
    static final class CappedWriter extends Writer {
        private final StringBuilder text = new StringBuilder();
        private final int maxChars;
        private boolean full;

        CappedWriter(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        public void write(char[] buffer, int offset, int length) throws IOException {
            int room = maxChars - text.length();
            if (length <= room) {
                text.append(buffer, offset, length);
                return;
            }
            text.append(buffer, offset, room);
            full = true;
            throw new LimitReached();
        }

        boolean full() {
            return full;
        }

        String text() {
            return text.toString();
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
