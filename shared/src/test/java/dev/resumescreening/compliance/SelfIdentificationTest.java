package dev.resumescreening.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.resumescreening.domain.ProblemException;
import dev.resumescreening.domain.ProblemKind;
import org.junit.jupiter.api.Test;

class SelfIdentificationTest {
    @Test
    void theEeo1CodesAreAccepted() {
        SelfIdentification answers = SelfIdentification.parse("female", "native_hawaiian_or_pacific_islander");
        assertEquals(SelfIdentification.Sex.FEMALE, answers.sex());
        assertEquals("native_hawaiian_or_pacific_islander", answers.raceEthnicityCode());
        assertEquals(
                "declined", SelfIdentification.parse("declined", "declined").sexCode());
        assertNull(SelfIdentification.parse(" ", null));
        assertNull(SelfIdentification.parse(null, "two_or_more_races").sex());
    }

    @Test
    void anythingElseIs400WithoutEchoingTheValue() {
        ProblemException sex = assertThrows(ProblemException.class, () -> SelfIdentification.parse("Female", null));
        assertEquals(ProblemKind.INVALID_INPUT, sex.kind());
        assertEquals("invalid_self_identified_sex", sex.code());
        ProblemException race =
                assertThrows(ProblemException.class, () -> SelfIdentification.parse(null, "martian-secret"));
        assertEquals("invalid_self_identified_race_ethnicity", race.code());
        assertFalse(race.getMessage().contains("martian"), race.getMessage());
        assertThrows(ProblemException.class, () -> SelfIdentification.parse("other", "white"));
    }
}
