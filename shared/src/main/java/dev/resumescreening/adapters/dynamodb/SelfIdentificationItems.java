package dev.resumescreening.adapters.dynamodb;

import static dev.resumescreening.adapters.dynamodb.Attributes.s;

import dev.resumescreening.compliance.SelfIdentification;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Items of the self_identification table: the result and job it belongs to and the EEO-1 codes answered. */
final class SelfIdentificationItems {
    private SelfIdentificationItems() {}

    static Map<String, AttributeValue> toItem(String resultId, String jobId, SelfIdentification answers) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("result_id", s(resultId));
        item.put("job_id", s(jobId));
        if (answers.sex() != null) {
            item.put("sex", s(answers.sexCode()));
        }
        if (answers.raceEthnicity() != null) {
            item.put("race_ethnicity", s(answers.raceEthnicityCode()));
        }
        return item;
    }

    static SelfIdentification fromItem(Map<String, AttributeValue> item) {
        String sex = Attributes.string(item, "sex");
        String race = Attributes.string(item, "race_ethnicity");
        return new SelfIdentification(
                sex == null ? null : SelfIdentification.Sex.valueOf(sex.toUpperCase(Locale.ROOT)),
                race == null ? null : SelfIdentification.RaceEthnicity.valueOf(race.toUpperCase(Locale.ROOT)));
    }
}
