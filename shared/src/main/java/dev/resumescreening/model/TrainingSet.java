package dev.resumescreening.model;

import java.util.List;

/** What a training run learns from: the reviewed pairs, and unreviewed resumes of the jobs they belong to. */
public record TrainingSet(List<TrainingSample> reviewed, List<UnreviewedResume> unreviewed) {

    public TrainingSet {
        reviewed = List.copyOf(reviewed);
        unreviewed = List.copyOf(unreviewed);
    }

    public static TrainingSet reviewedOnly(List<TrainingSample> reviewed) {
        return new TrainingSet(reviewed, List.of());
    }
}
