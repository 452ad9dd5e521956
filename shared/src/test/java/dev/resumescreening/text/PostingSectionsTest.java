package dev.resumescreening.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PostingSectionsTest {
    private static final String WORK = "Duties\n"
            + "- Reconcile the general ledger and prepare monthly financial statements.\n"
            + "- Support the annual audit.\n";

    @Test
    void dropsTheSectionsAboutTheEmployerTheOfferAndTheApplication() {
        String posting = "Staff Accountant - Harbour Logistics\n\n"
                + "About us\n"
                + "We move freight across twelve ports and care about our people and our mission.\n\n"
                + WORK
                + "\nWhat we offer\n"
                + "Health insurance, pension and 28 days of holiday.\n\n"
                + "How to apply:\n"
                + "Send a resume and a cover letter by 5 May.\n";

        assertReads(
                posting,
                List.of("freight", "mission", "insurance", "holiday", "cover letter"),
                List.of(
                        "Staff Accountant - Harbour Logistics",
                        "Reconcile the general ledger",
                        "Support the annual audit"));
    }

    /** What resumes are matched against in {@code posting} has none of {@code leftOut} and all of {@code kept}. */
    private static void assertReads(String posting, List<String> leftOut, List<String> kept) {
        String work = PostingSections.aboutTheWork(posting);
        for (String text : leftOut) {
            assertFalse(work.contains(text), text + " should be gone: " + work);
        }
        for (String text : kept) {
            assertTrue(work.contains(text), text + " should be kept: " + work);
        }
    }

    @Test
    void knowsHeadingsWrittenWithMarkdownColonsCapitalsOrAnAmpersand() {
        for (String heading :
                new String[] {"## Benefits", "**Perks & Benefits**", "BENEFITS:", "What you’ll get", "  Why join us?  "
                }) {
            String work = PostingSections.aboutTheWork(WORK + "\n" + heading + "\nDental cover and a gym.\n");
            assertFalse(work.contains("Dental"), heading + ": " + work);
            assertTrue(work.contains("general ledger"), heading + ": " + work);
        }
    }

    @Test
    void readsASearchFirmsBriefWithoutItsClientRemunerationAndContactSections() {
        String brief = "Financial Controller (Confidential)\n\n"
                + "The client\nA family-owned distributor with annual revenue of $700 million.\n\n"
                + "The opportunity\nOwn the month-end close and the audit.\n\n"
                + WORK
                + "\nRemuneration\nBase salary, bonus and profit-sharing.\n\n"
                + "To express interest\nContact the search firm quoting the reference.\n";

        assertReads(
                brief,
                List.of("revenue", "profit-sharing", "search firm"),
                List.of("Own the month-end close", "general ledger"));
    }

    @Test
    void readsAnInternalPostingWithoutItsEligibilityRules() {
        String posting = "Process Engineer II\n\n"
                + "Who Can Apply\n- Employees with 18 months in their current position.\n"
                + "- A performance rating of 3 or higher; notify your supervisor.\n\n"
                + "Position Purpose\nRun two extrusion lines and their capital projects.\n\n"
                + "Eligibility criteria: permanent employees past probation.\n\n"
                + WORK;

        assertReads(
                posting,
                List.of("18 months", "performance rating", "probation"),
                List.of("extrusion lines", "general ledger"));
    }

    @Test
    void readsAnInlineEmployerLabelAsASectionOfItsLineAndParagraph() {
        String work = PostingSections.aboutTheWork(
                WORK + "Benefits: dental cover,\n  a pension and a gym.\n\nTravel to two sites each week.\n");

        assertFalse(work.contains("dental"), work);
        assertFalse(work.contains("pension"), work);
        assertTrue(work.contains("Travel to two sites"), work);
        assertTrue(work.contains("general ledger"), work);
    }

    @Test
    void leavesOutALabelledConditionOfEmploymentButNotTheFieldsAroundIt() {
        String posting = "Systems Engineer III\n"
                + "Labor Category: Systems Engineer III\n"
                + "Security Clearance: Active TS/SCI required at time of hire\n"
                + "Location: On-site, Colorado Springs; no telework\n"
                + "Reports to: Chief Engineer, Ground Segment\n"
                + "Grade Band: E3\n"
                + "Travel: up to 25% to customer sites\n\n"
                + WORK;

        assertReads(
                posting,
                List.of("TS/SCI", "Colorado Springs", "E3", "customer sites"),
                List.of("Labor Category: Systems Engineer III", "Chief Engineer, Ground Segment", "general ledger"));
        assertEquals(
                List.of(
                        new PostingSections.Part("Systems Engineer III\nLabor Category: Systems Engineer III\n", true),
                        new PostingSections.Part(
                                "Security Clearance: Active TS/SCI required at time of hire\n"
                                        + "Location: On-site, Colorado Springs; no telework\n",
                                false),
                        new PostingSections.Part("Reports to: Chief Engineer, Ground Segment\n", true),
                        new PostingSections.Part("Grade Band: E3\nTravel: up to 25% to customer sites\n", false),
                        new PostingSections.Part("\n" + WORK, true)),
                PostingSections.parts(posting));
    }

    @Test
    void readsAConditionWrittenAsAHeadingAsASectionAndALabelOfSeveralKnownFieldsAsTheirs() {
        String posting = "Location\nLeeds, two days a week in the office\n\n"
                + "Export Control / Citizenship: U.S. citizens only, under ITAR\n"
                + WORK
                + "\nPay and Perks\n- Base pay of $78,000 and a stock plan\n\n"
                + "Location and hours: Bristol, 37.5 a week\n"
                + "Tools and systems: SAP and BlackLine\n\n"
                + "PHYSICAL DEMANDS\nMust be able to lift 50 pounds and stand for long periods.\n\n"
                + "Background check: required before the start date\n";

        assertReads(
                posting,
                List.of("Leeds", "ITAR", "stock plan", "Bristol", "50 pounds", "start date"),
                List.of("general ledger", "SAP and BlackLine"));
    }

    @Test
    void readsAnEducationOrCareEmployersPostingWithoutItsNoticesAndSupplementalInformation() {
        String posting = WORK
                + "\nSUPPLEMENTAL INFORMATION\nPERS retirement, eleven paid holidays and a 457 plan.\n\n"
                + "Agency Contact: recruiting@example.org\n\n"
                + "Supplemental Questions\n1. How many years of month-end close experience do you have?\n"
                + "Clery Act Notice: the college publishes its crime statistics each October.\n\n"
                + "Preferred Qualifications\nA CPA licence.\n\n"
                + "Annual Security Report\nCampus fire drills are logged.\n\n"
                + "Application Procedure\nSubmit a cover letter and three references.\n\n"
                + "ADA ACCOMMODATION\nContact Human Resources five days ahead.\n\n"
                + "EQUALITY, DIVERSITY AND INCLUSION\nWe welcome applicants from every community.\n\n"
                + "Safeguarding and DBS\nThe post needs an enhanced disclosure.\n\n"
                + "Safeguarding\nWe promote the welfare of children.\n";

        assertReads(
                posting,
                List.of(
                        "PERS",
                        "recruiting@",
                        "cover letter",
                        "crime statistics",
                        "fire drills",
                        "five days",
                        "every community",
                        "enhanced disclosure",
                        "welfare of children"),
                List.of("general ledger", "month-end close", "CPA licence"));
    }

    @Test
    void leavesOutTheFieldsOfAPublicEmployersPostingButNotItsDepartment() {
        String posting = "Grants Accountant II\n"
                + "Posting Number: S02417P\n"
                + "Job Number: 2025-0132\n"
                + "Department: Office of Sponsored Programs\n"
                + "Salary Grade: F24\n"
                + "FLSA Status: Exempt\n"
                + "Exempt/Non-Exempt: Non-exempt\n"
                + "Employment Status: Full-Time, Benefits Eligible\n"
                + "Facility: Riverbend Main Campus\n\n"
                + WORK
                + "\nProbationary Period\nTwelve months, with a review at six.\n\n"
                + "Pay and equity\nStock options vest over four years.\n";

        assertReads(
                posting,
                List.of(
                        "S02417P",
                        "2025-0132",
                        "F24",
                        "FLSA",
                        "Non-exempt",
                        "Benefits Eligible",
                        "Riverbend",
                        "Twelve",
                        "Stock options"),
                List.of("Office of Sponsored Programs", "general ledger"));
    }

    @Test
    void keepsTheWorkThatFollowsAnEmployerParagraphWithoutAHeadingOfItsOwn() {
        String work = PostingSections.aboutTheWork("About us\n"
                + "We are a family-run manufacturer of garden furniture.\n\n"
                + "We need a cost accountant to own standard costing and inventory valuation.\n");

        assertFalse(work.contains("garden furniture"), work);
        assertTrue(work.contains("standard costing"), work);
    }

    @Test
    void runsAnOfferSectionToTheNextHeadingAcrossItsParagraphs() {
        String posting = WORK
                + "\nCompensation and Benefits\n"
                + "The salary range for this role is $96,500 to $128,000.\n\n"
                + "- Medical and dental insurance\n- 401(k) with a company match\n\n"
                + "Perks: a gym on site\n\n"
                + "Free parking and a cycle scheme.\n\n"
                + "Our Commitment to Equal Employment\n"
                + "We do not discriminate on the basis of race, religion or disability.\n\n"
                + "Applicants may request a reasonable accommodation at any stage.\n\n"
                + "Requirements\n- CPA licence\n";

        assertReads(
                posting,
                List.of("salary range", "dental", "401(k)", "gym", "parking", "discriminate", "accommodation"),
                List.of("general ledger", "CPA licence"));
    }

    @Test
    void knowsTheEmployersSectionsByHowTheirHeadingsBeginWhateverTheCompanysName() {
        for (String heading : new String[] {
            "About Tallgrass Energy",
            "Life at Marrowby",
            "Why Ridgewell?",
            "Equal Opportunity and Accommodation",
            "Our commitment to inclusion",
            "Apply now",
            "What's on offer",
            "What Harbour can offer you",
            "What’s in it for you?",
            "Veterans' Preference",
            "SPECIAL INSTRUCTIONS TO APPLICANTS",
            "Disability Confident",
            "Guaranteed interview scheme:",
            "Employer details"
        }) {
            String work = PostingSections.aboutTheWork(WORK + "\n" + heading + "\nWe build wind farms and gyms.\n");
            assertFalse(work.contains("wind farms"), heading + ": " + work);
            assertTrue(work.contains("general ledger"), heading + ": " + work);
        }
        for (String heading : new String[] {
            "About the role",
            "About you",
            "About your day",
            "About this opening",
            "About the assignment",
            "About the internship",
            "About the team",
            "Apply at the front desk",
            "What you'll offer",
            "What can you offer?"
        }) {
            String work = PostingSections.aboutTheWork(
                    WORK + "\n" + heading + "\nYou will close the books of two wind farms.\n");
            assertTrue(work.contains("wind farms"), heading + ": " + work);
        }
    }

    @Test
    void knowsAHeadingWrittenInTwoLanguagesByTheSideItKnows() {
        for (String heading : new String[] {
            "Mō mātou | About us", "À propos de nous / About us", "Ein Cynnig i chi – What we offer in return"
        }) {
            String work = PostingSections.aboutTheWork(WORK + "\n" + heading + "\nWe build wind farms and gyms.\n");
            assertFalse(work.contains("wind farms"), heading + ": " + work);
            assertTrue(work.contains("general ledger"), heading + ": " + work);
        }
        for (String heading : new String[] {
            "Te tūranga | About the role", "Ko wai koe | About you", "Your role / Benefits", "Harbour Logistics | Leeds"
        }) {
            String work = PostingSections.aboutTheWork(
                    WORK + "\n" + heading + "\nYou will close the books of two wind farms.\n");
            assertTrue(work.contains("wind farms"), heading + ": " + work);
        }
    }

    @Test
    void leavesOutAnEqualOpportunityDeclarationWithoutAHeadingToTheEndOfItsParagraph() {
        String posting = WORK
                + "\nTallgrass Energy is proud to be an equal opportunity employer. We do not discriminate on the basis of"
                + " race, religion or disability.\nVeterans are encouraged to apply.\n\n"
                + "- Keep our policy current: we are an equal opportunity employer.\n\n"
                + "You will also close the books of two wind farms.\n\n"
                + "Compliance\nYou will make sure Tallgrass is an equal opportunity employer in every hire.\n";

        assertReads(
                posting,
                List.of("discriminate", "Veterans"),
                List.of("general ledger", "Keep our policy current", "wind farms", "in every hire"));
    }

    @Test
    void neverReadsTheWorkAsAnEmployersSection() {
        String hr = "HR Generalist\n\n"
                + "Benefits administration\n"
                + "- Run open enrolment for health and pension benefits.\n"
                + "- Keep our equal opportunity policy and reasonable accommodation process current.\n\n"
                + "- Benefits: answer employees' questions about their cover.\n"
                + "Requirements\n"
                + "Specialized experience: one year advising managers on staffing.\n";

        assertEquals(hr, PostingSections.aboutTheWork(hr));
    }

    @Test
    void endsAnEmployersSectionAtTheNextHeadingEvenWithoutABlankLine() {
        String work = PostingSections.aboutTheWork("Benefits\n- Dental\n- Pension\nRequirements\n- CPA licence\n");

        assertEquals("Requirements\n- CPA licence\n", work);
    }

    @Test
    void cutsThePostingIntoTheRunsMatchedAndLeftOutInOrder() {
        String posting = "Staff Accountant\n\nAbout us\nWe move freight.\n\n" + WORK + "\nBenefits: pension\n";

        List<PostingSections.Part> parts = PostingSections.parts(posting);

        assertEquals(
                List.of(
                        new PostingSections.Part("Staff Accountant\n\n", true),
                        new PostingSections.Part("About us\nWe move freight.\n", false),
                        new PostingSections.Part("\n" + WORK + "\n", true),
                        new PostingSections.Part("Benefits: pension\n", false)),
                parts);
        assertEquals(posting, parts.stream().map(PostingSections.Part::text).collect(Collectors.joining()));
        assertEquals("Staff Accountant\n\n\n" + WORK + "\n", PostingSections.aboutTheWork(posting));
    }

    @Test
    void readsAPostingThatIsAllAboutTheEmployerWhole() {
        String posting = "About us\nWe build bridges.\n";

        assertEquals(posting, PostingSections.aboutTheWork(posting));
        assertEquals(List.of(new PostingSections.Part(posting, true)), PostingSections.parts(posting));
        assertEquals("", PostingSections.aboutTheWork(""));
    }

    @Test
    void recognisesHeadingsAndNotSentencesBulletsOrLongLines() {
        assertEquals(
                "benefits", PostingSections.heading("Benefits").orElseThrow().label());
        assertEquals(
                "what we offer",
                PostingSections.heading("### What We Offer:").orElseThrow().label());
        assertTrue(PostingSections.heading("Requirements").isPresent());
        assertFalse(PostingSections.heading("- Benefits").isPresent());
        assertFalse(PostingSections.heading("1. Benefits").isPresent());
        assertFalse(PostingSections.heading("We offer benefits.").isPresent());
        assertFalse(PostingSections.heading("What we offer to every one of our staff")
                .isPresent());
        assertFalse(PostingSections.heading("Apply at https://example.com/jobs").isPresent());
        assertFalse(PostingSections.heading("Experience: five years in audit").isPresent());
        assertFalse(PostingSections.heading("And: five years in audit").isPresent());
        assertTrue(PostingSections.heading("Location: Leeds").orElseThrow().conditionOnItsLine());
        assertFalse(PostingSections.heading("Location").orElseThrow().conditionOnItsLine());
        assertFalse(PostingSections.heading("Benefits: a pension").orElseThrow().conditionOnItsLine());
        assertFalse(PostingSections.heading("").isPresent());
        assertFalse(
                PostingSections.heading("Benefits" + " ".repeat(200_000) + "x").isPresent());
        assertTrue(PostingSections.heading("Benefits: " + "dental cover, ".repeat(20_000))
                .orElseThrow()
                .inline());
        assertFalse(PostingSections.heading("Benefits: **").orElseThrow().inline());
    }
}
