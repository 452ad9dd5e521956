package dev.resumescreening.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a job posting that describes the work. Postings often carry sections about the employer, the offer and
 * the application ("About us", "Benefits", "What we offer", "How to apply", "Conditions of employment"): their words
 * (insurance, holidays, citizenship, mission, transcripts) say nothing about the work, yet some resumes share them
 * and others do not, so they rank resumes by chance. Measured with {@code evaluate} on the real resumes: on long
 * public-service notices, dropping those sections raised day one from 0.940 / 0.951 to 0.969 / 0.978 (seeds 7 / 11),
 * and on corporate postings with "About us" and "What we offer" from 0.963 / 0.974 to 0.965 / 0.977; on a search
 * firm's briefs ("The client", "Remuneration", "To express interest"), written apart from the model, from 0.959 /
 * 0.965 to 0.966 / 0.974; postings without such headings are read as before. Labelled conditions of employment
 * ("Location: Leeds", "Security Clearance: Secret") are left out too ({@link #CONDITION_LABELS}).
 *
 * <p>A section is known by its heading alone, never by its words (an HR posting's duties may well speak of benefits
 * and equal opportunity): a heading is a line of at most {@value #MAX_HEADING_WORDS} words that is not a bullet and
 * does not end a sentence, or such a label before a colon ("Benefits: pension, 25 days"), with Markdown marks allowed
 * around it. A section about the employer itself runs to the next heading or, once it has content, to the end of
 * its paragraph (a blank line), so a role described after "About us" without a heading of its own is still read; so
 * does one opened by a label with content on its line ("Salary: £40k" in a block of fields). A section about the offer,
 * the application or equal opportunity under a heading of its own line runs to the next heading: its paragraphs are
 * more of the same (a pay range, then a list of benefits; an equal-opportunity statement, then an accommodation
 * notice), and a label about the offer inside it ("Perks: a gym") does not end it. Headings are known as a whole
 * ("Benefits") or by how they begin, where companies' names and phrasings vary ("About Tallgrass", "Why Ridgewell?",
 * "Our commitment to inclusion"). Measured on the day one pooled over the 466 real resumes, with the last two rules
 * designed on long corporate postings written apart from the model: those from 0.941 to 0.969, three sets written
 * afterwards by someone who saw neither the model nor the rules (enterprise career sites, UK and EU adverts, startup
 * pages) from 0.964 / 0.933 / 0.959 to 0.966 / 0.934 / 0.963, eight of the
 * twenty-three earlier sets up by 0.0003 to 0.004, two down by 0.0001 and 0.0003. A heading about what the employer
 * offers is also known by its words ("What's on offer", "What Harbour can offer you"): designed on those UK adverts
 * (0.934 to 0.972), checked on three sets written blind at the same time (Australian and New Zealand adverts,
 * recruitment agencies' adverts, Canadian public and non-profit postings): 0.925 / 0.931 / 0.939 before these rules,
 * 0.946 / 0.956 / 0.949 with them, no other set moved. A heading written in two languages ("Mō mātou | About us",
 * "À propos de nous / About us") is known by the side this class knows, unless the other side names the work, and
 * each side may have {@value #MAX_HEADING_WORDS} words: designed on those Australian and New Zealand adverts (0.946 to
 * 0.950), checked on bilingual postings written blind afterwards (Welsh, Māori, Canadian French and Irish headings:
 * 0.950 to 0.958), no other set moved. An employer's declaration that it is an equal-opportunity employer, which ends
 * most American postings without a heading of its own, is left out to the end of its paragraph: noticed on US
 * pay-transparency postings written blind (0.948 to 0.961), it raised six of the thirty-three earlier sets by 0.0005 to
 * 0.003 (startup pages 0.9625 to 0.9653), lowered none, and university and hospital postings written blind at the same
 * time from 0.912 to 0.920. Public employers' notices are known too ("Veterans' Preference", "Special Instructions to
 * Applicants", "Disability Confident", "Guaranteed interview scheme", "Employer details"): seen in university,
 * government and UK public-sector postings (0.926 to 0.928, 0.942 to 0.941, 0.955 to 0.957), checked on two sets
 * written blind afterwards (US public institutions 0.926 to 0.933, UK charities and housing associations 0.941 to
 * 0.946). The title is never dropped, and a posting left without words is read whole.
 */
public final class PostingSections {
    static final int MAX_HEADING_WORDS = 6;
    /** A longer label is no heading, and is never matched against the patterns below (whose cost grows with it). */
    static final int MAX_HEADING_CHARS = 100;

    /**
     * Headings of sections about the employer itself, lower case, "&" read as "and" (with {@link #EMPLOYER_PREFIXES}:
     * "About us").
     */
    static final Set<String> EMPLOYER_HEADINGS = Set.of(
            "employer details",
            "the client",
            "our client",
            "who we are",
            "our company",
            "company overview",
            "our mission",
            "our story",
            "our culture",
            "our values");

    /**
     * Headings of sections about the offer, the application and equal opportunity, lower case, "&" read as "and" (with
     * {@link #OFFER_PREFIXES} and {@link #OFFER_WORDS}: "Equal opportunity employer", "What we offer").
     * Unlike the employer's own, such a section runs to the next heading: a benefits paragraph is often followed by a
     * list of more benefits, and an equal-opportunity statement by an accommodation notice. The notices colleges,
     * public employers and charities print belong here too ("Supplemental Information", mostly benefits and the
     * agency's contact; "Application Procedure"; the Clery Act's annual security report; "ADA Accommodation";
     * "Equality, diversity and inclusion"; with the safeguarding duty in {@link #CONDITION_LABELS}): pooled day one
     * over the 466 real resumes, state and county government postings 0.941 to 0.957 (a road engineer's posting whose
     * supplemental information listed pensions and holidays had drawn HR resumes), US public institutions 0.933 to
     * 0.940, UK charities and housing associations 0.946 to 0.951 (designed on them); on two sets written blind
     * afterwards, US colleges and school districts 0.934 to 0.955, schools and care employers in the UK, Ireland and
     * Australia 0.962 to 0.963; no set lower.
     */
    static final Set<String> OFFER_HEADINGS = Set.of(
            "benefits",
            "our benefits",
            "perks",
            "perks and benefits",
            "benefits and perks",
            "compensation",
            "compensation and benefits",
            "equity",
            "salary",
            "salary and benefits",
            "pay and benefits",
            "pay transparency",
            "rewards",
            "remuneration",
            "remuneration and benefits",
            "total rewards",
            "terms and benefits",
            "what you get",
            "what you'll get",
            "in return",
            "the package",
            "how to apply",
            "to apply",
            "apply",
            "apply now",
            "apply online",
            "apply here",
            "apply today",
            "apply by",
            "apply for this job",
            "apply for this role",
            "to express interest",
            "how to express interest",
            "application process",
            "application procedure",
            "application procedures",
            "supplemental information",
            "special instructions",
            "special instructions to applicants",
            "veterans' preference",
            "veterans preference",
            "veteran's preference",
            "disability confident",
            "guaranteed interview scheme",
            "required documents",
            "required documents and how to apply",
            "next steps",
            "what happens next",
            "conditions of employment",
            "eligibility",
            "eligibility criteria",
            "eligibility requirements",
            "who can apply",
            "who may apply",
            "eeo statement",
            "diversity and inclusion",
            "reasonable accommodation",
            "accommodations",
            "ada accommodation",
            "ada accommodations",
            "equality, diversity and inclusion",
            "equality and diversity",
            "diversity, equity and inclusion");

    /**
     * Beginnings of headings about the employer ("About Tallgrass", "Life at Marrowby"), where a list of whole headings
     * cannot hold every company's name. "About" opens the employer's section only when what follows names no part of
     * the work ({@link #ABOUT_THE_WORK}: "About the role", "About you").
     */
    private static final List<String> EMPLOYER_PREFIXES = List.of("about ", "life at ", "working at ");

    /** Beginnings of headings about the offer ("Why Ridgewell", "Our commitment to inclusion"). */
    private static final List<String> OFFER_PREFIXES = List.of(
            "why ",
            "our commitment to ",
            "equal opportunit",
            "equal employment",
            "what's in it for ",
            "clery act",
            "annual security");

    /**
     * A heading about what the employer offers, however phrased ("What's on offer", "What Harbour can offer you",
     * "Perks"), unless the candidate is the one offering ("What you'll offer", "What can you offer?").
     */
    private static final Pattern OFFER_WORDS = Pattern.compile("\\b(?:offers?|perks)\\b");

    private static final Pattern CANDIDATE_OFFERS = Pattern.compile("\\byou(?:'ll| will| can| could)? offer\\b");

    private static final Pattern ABOUT_THE_WORK = Pattern.compile(
            "\\b(?:this|role|job|position|opportunity|opening|you|your|team|work|vacancy|post|department"
                    + "|candidate|assignment|project|internship|placement|programme|program|requirements"
                    + "|responsibilities|duties|skills|qualifications)\\b");

    /**
     * Labels of the conditions of employment: where and when the work is done, on what contract and pay, how the
     * posting is filed, and who may be hired ("Location: Leeds, hybrid", "Security Clearance: active Secret",
     * "Grade Band: F4"). Like the employer's sections they say nothing of the work, yet resumes share their words by
     * chance (a site, a shift pattern, "clearance", "citizenship"). Such a label is usually one line of a block of
     * labelled fields whose other lines may well be the work ("Department: Finance", "Reports to: Head of Tax"), so a
     * label with content on its line leaves out that line alone; standing on its own line it opens a section, like an
     * employer's heading. Measured with {@code evaluate} on the real resumes (seeds 7 / 11): on government
     * contractors' requisitions, whose every posting has a clearance, location and citizenship line, day one rose from
     * 0.937 / 0.946 to 0.950 / 0.960, on internal postings from 0.952 / 0.971 to 0.954 / 0.974; on six more sets with
     * such labels by up to 0.003, none lower; on postings as copied from applicant-tracking-system pages, written
     * afterwards with labels not picked here, from 0.960 / 0.976 to 0.961 / 0.977. What the work asks of the body and
     * the checks before hiring ("Physical Demands", "Background check") are such conditions too: pooled over all 466
     * resumes, enterprise career-site postings 0.968 to 0.973, university and hospital postings 0.920 to 0.926, US
     * pay-transparency postings 0.961 to 0.962; on two sets written blind afterwards, manufacturing and logistics
     * postings 0.952 to 0.953 and state and county government postings unchanged; no set lower. Where the work is done
     * ("Working Conditions: in the field at construction sites") is left in: it lowered those government postings.
     * The fields of US public employers' and universities' postings ("FLSA Status", "Exempt/Non-Exempt", "Salary
     * Grade", "Posting Number", "Job Number", "Employment Status", "Facility", "Probationary Period") and a scale-up's
     * "Pay and equity" are such conditions too: pooled day one, US public institutions 0.940 to 0.946, university and
     * hospital postings 0.928 to 0.929, four more sets up by at most 0.0009 (US colleges and school districts, written
     * before and not read for this, among them), none lower.
     */
    static final Set<String> CONDITION_LABELS = Set.of(
            "location",
            "locations",
            "job location",
            "work location",
            "place of work",
            "site",
            "work site",
            "workplace",
            "workplace type",
            "remote",
            "work arrangement",
            "hours",
            "working hours",
            "hours of work",
            "work hours",
            "shift",
            "schedule",
            "work schedule",
            "working pattern",
            "employment type",
            "job type",
            "position type",
            "contract type",
            "contract length",
            "duration",
            "start date",
            "pay",
            "pay band",
            "pay range",
            "pay rate",
            "salary range",
            "salary guide",
            "grade",
            "grade band",
            "posting id",
            "job id",
            "requisition id",
            "reference",
            "job reference",
            "vacancy reference",
            "closing date",
            "posting closes",
            "posting period",
            "application deadline",
            "openings",
            "number of openings",
            "security clearance",
            "clearance",
            "clearance required",
            "citizenship",
            "export control",
            "work authorization",
            "work authorisation",
            "right to work",
            "visa sponsorship",
            "travel",
            "travel required",
            "cost centre",
            "cost center",
            "physical demands",
            "physical requirements",
            "pre-employment requirements",
            "pre-employment screening",
            "background check",
            "safeguarding",
            "dbs",
            "dbs check",
            "employment status",
            "flsa status",
            "exempt",
            "non-exempt",
            "salary grade",
            "posting number",
            "job number",
            "probationary period",
            "facility");

    /**
     * Where a heading written in two languages is cut into them ("Mō mātou | About us", "À propos de nous / About
     * us"): a bar, slash or dash with spaces around it.
     */
    private static final Pattern LANGUAGES = Pattern.compile("\\s+[|/–—]\\s+");

    /** Where a label of several fields ("Export Control / Citizenship", "Location and hours") is cut into them. */
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*(?:[/,|]|\\band\\b)\\s*");

    /**
     * An employer's declaration that it is an equal-opportunity employer, which opens a paragraph without a heading at
     * the end of most American postings ("Tallgrass is proud to be an equal opportunity employer", "We are an EEO/AA
     * employer").
     */
    private static final Pattern EQUAL_OPPORTUNITY_DECLARATION = Pattern.compile(
            "(?i)\\b(?:is|are)\\s+(?:proud\\s+to\\s+be\\s+)?an?\\s+(?:equal\\s+(?:employment\\s+)?opportunit|eeo\\b)");

    private static final Pattern BULLET = Pattern.compile("^(?:[-–—•▪◦·*+](?:\\s|$)|\\d{1,2}[.)]\\s)");
    private static final Pattern MARKS = Pattern.compile("^[#*_\\s]+|[*_?\\s]+$");
    private static final Pattern SENTENCE_END = Pattern.compile("[.,;!]$");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private PostingSections() {}

    /**
     * {@code description} without its sections about the employer, the offer and the application and its labelled
     * conditions of employment.
     */
    public static String aboutTheWork(String description) {
        StringBuilder kept = new StringBuilder();
        parts(description).stream().filter(Part::matched).forEach(part -> kept.append(part.text()));
        return kept.toString();
    }

    /** A run of the description's lines, each ending in a newline, and whether resumes are matched against it. */
    public record Part(String text, boolean matched) {}

    /**
     * The description cut into the runs of lines resumes are matched against and the employer's sections left out,
     * in order; a description that would be left without words is one matched part.
     */
    public static List<Part> parts(String description) {
        List<Part> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        boolean runSkipped = false;
        boolean skipping = false;
        boolean skippedContent = false;
        boolean toNextHeading = false;
        boolean keptWords = false;
        boolean paragraphStart = true;
        for (String line : (Iterable<String>) description.lines()::iterator) {
            Optional<Heading> labelled = heading(line);
            boolean condition = labelled.map(Heading::conditionOnItsLine).orElse(false);
            Optional<Heading> heading = labelled.filter(label -> !condition);
            if (heading.isEmpty() && paragraphStart && !skipping && declaresEqualOpportunity(line)) {
                skipping = true;
                skippedContent = true;
                toNextHeading = false;
            } else if (heading.isPresent()) {
                boolean runningOn = skipping && toNextHeading;
                skipping = heading.get().leftOut();
                skippedContent = skipping && heading.get().inline();
                toNextHeading =
                        heading.get().topic() == Topic.OFFER && (!heading.get().inline() || runningOn);
            } else if (skipping && line.isBlank()) {
                skipping = !skippedContent || toNextHeading;
            } else if (skipping) {
                skippedContent = true;
            }
            boolean lineSkipped = skipping || condition;
            if (lineSkipped != runSkipped && !run.isEmpty()) {
                parts.add(new Part(run.toString(), !runSkipped));
                run.setLength(0);
            }
            runSkipped = lineSkipped;
            run.append(line).append('\n');
            keptWords |= !lineSkipped && WORD.matcher(line).find();
            paragraphStart = line.isBlank();
        }
        if (!run.isEmpty()) {
            parts.add(new Part(run.toString(), !runSkipped));
        }
        return keptWords ? parts : List.of(new Part(description, true));
    }

    private static boolean declaresEqualOpportunity(String line) {
        return !BULLET.matcher(line.strip()).find()
                && EQUAL_OPPORTUNITY_DECLARATION.matcher(line).find();
    }

    /**
     * What a heading's section is about: the work, the employer, its offer (the application, equal opportunity), or
     * the conditions. Listed from the least to the most binding for a label of several fields.
     */
    enum Topic {
        WORK,
        EMPLOYER,
        OFFER,
        CONDITIONS
    }

    /**
     * A heading's label, normalised, whether the section's content starts on its line, after a colon, and its topic.
     */
    record Heading(String label, boolean inline, Topic topic) {
        /** Whether the heading opens a section about the employer, the offer, the application or the conditions. */
        boolean leftOut() {
            return topic != Topic.WORK;
        }

        /** Whether the line states conditions of employment after its label, and is left out alone. */
        boolean conditionOnItsLine() {
            return inline && topic == Topic.CONDITIONS;
        }
    }

    /**
     * A normalised label's topic: a known label or beginning, or one of several known fields ("export control /
     * citizenship"), the most binding of them, or else an offer by its words ({@link #OFFER_WORDS}).
     */
    static Topic topic(String label) {
        Topic whole = knownTopic(label);
        if (whole != Topic.WORK) {
            return whole;
        }
        List<Topic> fields = FIELD_SEPARATOR
                .splitAsStream(label)
                .map(PostingSections::knownTopic)
                .toList();
        if (!fields.isEmpty() && !fields.contains(Topic.WORK)) {
            return fields.stream().max(Topic::compareTo).orElseThrow();
        }
        List<String> languages = languages(label);
        if (languages.size() == 2) {
            for (int side = 0; side < 2; side++) {
                Topic known = knownTopic(languages.get(side));
                if (known != Topic.WORK
                        && !ABOUT_THE_WORK.matcher(languages.get(1 - side)).find()) {
                    return known;
                }
            }
        }
        return OFFER_WORDS.matcher(label).find()
                        && !CANDIDATE_OFFERS.matcher(label).find()
                ? Topic.OFFER
                : Topic.WORK;
    }

    /** The label's two sides when it is written in two languages ({@link #LANGUAGES}), else the label alone. */
    private static List<String> languages(String label) {
        String[] sides = LANGUAGES.split(label);
        return sides.length == 2 ? List.of(sides) : List.of(label);
    }

    private static Topic knownTopic(String label) {
        if (CONDITION_LABELS.contains(label)) {
            return Topic.CONDITIONS;
        }
        if (OFFER_HEADINGS.contains(label) || OFFER_PREFIXES.stream().anyMatch(label::startsWith)) {
            return Topic.OFFER;
        }
        if (EMPLOYER_HEADINGS.contains(label)
                || (EMPLOYER_PREFIXES.stream().anyMatch(label::startsWith)
                        && !ABOUT_THE_WORK.matcher(label).find())) {
            return Topic.EMPLOYER;
        }
        return Topic.WORK;
    }

    /**
     * The line's heading, if it is one. A label with content after its colon is a heading only when it opens an
     * employer's section: "Specialized experience: one year as…" is the work, and so is a link.
     */
    static Optional<Heading> heading(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || BULLET.matcher(trimmed).find()) {
            return Optional.empty();
        }
        int colon = trimmed.indexOf(':');
        String written = colon >= 0 ? trimmed.substring(0, colon) : trimmed;
        if (written.length() > MAX_HEADING_CHARS) {
            return Optional.empty();
        }
        String label = MARKS.matcher(written).replaceAll("");
        if (label.isEmpty() || (colon < 0 && SENTENCE_END.matcher(label).find())) {
            return Optional.empty();
        }
        long words = languages(label).stream()
                .mapToLong(language -> WORD.matcher(language).results().count())
                .max()
                .orElseThrow();
        if (words == 0 || words > MAX_HEADING_WORDS) {
            return Optional.empty();
        }
        String normalised = label.toLowerCase(Locale.ROOT)
                .replace("&", "and")
                .replace('\u2019', '\'')
                .replaceAll("\\s+", " ");
        Heading heading = new Heading(
                normalised,
                colon >= 0 && WORD.matcher(trimmed.substring(colon + 1)).find(),
                topic(normalised));
        return heading.inline() && !heading.leftOut() ? Optional.empty() : Optional.of(heading);
    }
}
