package dev.resumescreening.text;

/**
 * The part of a resume's text that is scored against a job: what it copies from the job's posting is taken out first
 * ({@link PostingCopies}), then what it says more than twice ({@link RepeatedPassages}). The upload and the SnapStart
 * rehearsal both read a resume through here, so the path the rehearsal warms is the one the upload runs.
 */
public record ScoredText(String text, long copiedCharacters, long repeatedCharacters) {

    /** The scored part of {@code resume} (already redacted) for the job whose posting is {@code posting}. */
    public static ScoredText of(String posting, String resume) {
        PostingCopies.Remaining ownWords = PostingCopies.without(posting, resume);
        RepeatedPassages.Remaining counted = RepeatedPassages.without(ownWords.text());
        return new ScoredText(counted.text(), ownWords.copiedCharacters(), counted.repeatedCharacters());
    }
}
