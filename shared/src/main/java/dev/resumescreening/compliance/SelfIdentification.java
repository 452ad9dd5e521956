package dev.resumescreening.compliance;

import dev.resumescreening.domain.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A candidate's voluntary self-identification in the EEO-1 categories. Kept in its own table, written with the
 * result, read only for the adverse-impact report: never returned with results, never logged, never given to the
 * model. A missing answer is {@code null}, which the report counts as unknown; "declined" is an answer.
 */
public record SelfIdentification(Sex sex, RaceEthnicity raceEthnicity) {
    public static final String DECLINED = "declined";

    /** EEO-1 sex categories. */
    public enum Sex {
        FEMALE,
        MALE,
        DECLINED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** EEO-1 race/ethnicity categories. */
    public enum RaceEthnicity {
        HISPANIC_OR_LATINO,
        WHITE,
        BLACK_OR_AFRICAN_AMERICAN,
        NATIVE_HAWAIIAN_OR_PACIFIC_ISLANDER,
        ASIAN,
        AMERICAN_INDIAN_OR_ALASKA_NATIVE,
        TWO_OR_MORE_RACES,
        DECLINED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The answers as the form sent them (null or blank: not answered). Anything outside the categories is 400, with
     * the allowed codes in the message and the value itself not echoed (it may be personal).
     *
     * @return null when neither question was answered
     */
    public static SelfIdentification parse(String sex, String raceEthnicity) {
        Sex parsedSex = parse(sex, Sex.values(), "self_identified_sex");
        RaceEthnicity parsedRace = parse(raceEthnicity, RaceEthnicity.values(), "self_identified_race_ethnicity");
        return parsedSex == null && parsedRace == null ? null : new SelfIdentification(parsedSex, parsedRace);
    }

    private static <E extends Enum<E>> E parse(String raw, E[] values, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String code = raw.strip();
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(code)) {
                return value;
            }
        }
        List<String> allowed = Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT))
                .toList();
        throw ProblemException.invalid("invalid_" + field, field + " must be one of: " + String.join(", ", allowed));
    }

    /** The stored code of the sex answer, or null when not answered. */
    public String sexCode() {
        return sex == null ? null : sex.code();
    }

    public String raceEthnicityCode() {
        return raceEthnicity == null ? null : raceEthnicity.code();
    }
}
