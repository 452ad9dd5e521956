package dev.resumescreening.text;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Singleton;

/**
 * Removes personal details from resume text before the model sees it: e-mail addresses, phone numbers (Google's
 * libphonenumber finds them in free text, in any national or international format), profile and web URLs, street
 * addresses and postal codes, dates of birth, ages, gendered titles and gender or marital-status lines, the
 * candidate's name as uploaded, and a name standing alone on the first line. Each is replaced by {@value #MARK},
 * which has no letters or digits, so it adds nothing to the text's terms. Photos never reach the text: extraction
 * reads text only.
 *
 * <p>What it cannot know: a name that is neither given at upload, nor labelled, nor the first line (a name in a
 * reference, say) stays.
 */
@Singleton
public final class PersonalDetailsRedactor {
    public static final String MARK = "███";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Where a number has no country code, it is read as a number of this region (most resumes here are American). */
    private static final String DEFAULT_REGION = "US";

    private static final String DATE = "(?:\\d{1,2}[/.\\-]\\d{1,2}[/.\\-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}"
            + "|(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?"
            + "(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+\\d{4})";
    private static final List<Pattern> PATTERNS = List.of(
            // starts only where a run of address characters starts, and never gives back: linear in the text's length
            Pattern.compile("(?<![\\p{L}\\p{N}._%+\\-])[\\p{L}\\p{N}._%+\\-]++@[\\p{L}\\p{N}\\-]++"
                    + "(?:\\.[\\p{L}\\p{N}\\-]++)+"),
            Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+"),
            Pattern.compile(
                    "(?i)\\b(?:linkedin|github|gitlab|twitter|x|facebook|instagram|behance|dribbble)\\.com/\\S*"),
            Pattern.compile(
                    "(?i)\\b(?:date\\s+of\\s+birth|d\\.?o\\.?b\\.?|birth\\s*date|born(?:\\s+on)?)\\s*[:\\-]?\\s*"
                            + DATE),
            Pattern.compile("(?i)\\b(?:age|aged)\\s*[:\\-]?\\s*\\d{1,2}\\b(?:\\s*(?:years|yrs)(?:\\s*old)?)?"),
            Pattern.compile("(?i)\\b\\d{1,2}\\s*(?:years|yrs|year)[\\s\\-]*old\\b"),
            Pattern.compile(
                    "(?i)\\b(?:gender|sex|marital\\s+status|nationality|religion)\\s*[:\\-]\\s*[\\p{L} ]{1,30}"),
            Pattern.compile(
                    "(?i)\\(\\s*(?:she|he|they)\\s*/\\s*(?:her|him|them)(?:\\s*/\\s*(?:hers|his|theirs))?\\s*\\)"),
            Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Sir|Madam|Mme|Mlle)\\b\\.?(?=\\s+\\p{Lu})"),
            Pattern.compile(
                    "\\b\\d{1,6}\\s+(?:[\\p{Lu}][\\p{L}'.\\-]{0,30}\\s+){1,4}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd"
                            + "|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Parkway|Pkwy|Highway|Hwy|Square|Sq)\\b\\.?"
                            + "(?:,?\\s*(?:Apt|Suite|Unit|#)\\s*[\\w\\-]+)?"),
            Pattern.compile("(?i)\\b(?:address|residence|home)\\s*[:\\-]\\s*[^\\n]{4,120}"),
            Pattern.compile("\\b[A-Z]{2}\\s+\\d{5}(?:-\\d{4})?\\b"),
            Pattern.compile(
                    "(?i)\\b(?:name|candidate)\\s*[:\\-]\\s*\\p{Lu}[\\p{L}'\\-]+(?:\\s+\\p{Lu}[\\p{L}'\\-]+){0,3}"));
    private static final Pattern NAME_LINE = Pattern.compile(
            "\\s*(\\p{Lu}[\\p{L}'\\-]+|\\p{Lu}\\.)(?:\\s+(?:\\p{Lu}[\\p{L}'\\-]+|\\p{Lu}\\.)){1,3}\\s*");
    /** First-line words that make it a heading or a job title, not a name. */
    private static final Set<String> NOT_NAMES = Set.of(
            "resume",
            "curriculum",
            "vitae",
            "cv",
            "profile",
            "summary",
            "objective",
            "engineer",
            "engineering",
            "manager",
            "accountant",
            "accounting",
            "developer",
            "analyst",
            "specialist",
            "consultant",
            "director",
            "assistant",
            "administrator",
            "technician",
            "designer",
            "officer",
            "coordinator",
            "associate",
            "intern",
            "senior",
            "junior",
            "lead",
            "staff",
            "professional",
            "experience",
            "education",
            "skills",
            "contact",
            "information",
            "technology",
            "human",
            "resources",
            "hr",
            "it",
            "sales",
            "marketing",
            "finance",
            "operations",
            "project",
            "software",
            "data",
            "systems",
            "network",
            "executive",
            "representative",
            "supervisor",
            "teacher",
            "nurse",
            "advocate",
            "chef",
            "driver");

    @Inject
    public PersonalDetailsRedactor() {}

    /** {@code text} with the personal details replaced by {@value #MARK}; {@code candidateName} may be null. */
    public String redact(String text, String candidateName) {
        List<int[]> spans = new ArrayList<>();
        // POSSIBLE, not VALID: a resume's number is personal whether or not its area code is assigned
        for (PhoneNumberMatch match :
                PHONES.findNumbers(text, DEFAULT_REGION, PhoneNumberUtil.Leniency.POSSIBLE, Long.MAX_VALUE)) {
            spans.add(new int[] {match.start(), match.end()});
        }
        for (Pattern pattern : PATTERNS) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
        }
        nameSpans(text, candidateName, spans);
        nameSpans(text, firstLineName(text), spans);
        return replace(text, spans);
    }

    private static void nameSpans(String text, String candidateName, List<int[]> spans) {
        if (candidateName == null) {
            return;
        }
        for (String part : candidateName.split("[^\\p{L}'\\-]+")) {
            if (part.length() < 2) {
                continue;
            }
            Matcher matcher = Pattern.compile("(?iu)(?<![\\p{L}])" + Pattern.quote(part) + "(?![\\p{L}])")
                    .matcher(text);
            while (matcher.find()) {
                spans.add(new int[] {matcher.start(), matcher.end()});
            }
        }
    }

    /**
     * Resumes open with the candidate's name: a first line of two to four capitalised words that are not a title. The
     * name found there is redacted wherever else it stands too.
     */
    private static String firstLineName(String text) {
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = text.indexOf('\n', start);
        end = end < 0 ? text.length() : end;
        String line = text.substring(start, end);
        if (!NAME_LINE.matcher(line).matches()) {
            return null;
        }
        for (String word : line.trim().split("\\s+")) {
            if (NOT_NAMES.contains(word.toLowerCase(Locale.ROOT).replace(".", ""))) {
                return null;
            }
        }
        return line;
    }

    private static String replace(String text, List<int[]> spans) {
        spans.sort((a, b) -> Integer.compare(a[0], b[0]));
        StringBuilder out = new StringBuilder(text.length());
        int written = 0;
        for (int[] span : spans) {
            if (span[1] <= written) {
                continue;
            }
            if (span[0] >= written) {
                out.append(text, written, span[0]).append(MARK);
            }
            written = span[1];
        }
        return out.append(text, written, text.length()).toString();
    }
}
