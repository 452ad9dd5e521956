package dev.resumescreening.training;

/** Trains large data sets elsewhere (a SageMaker training job); the result arrives later as an event. */
public interface RemoteTraining {
    /**
     * Starts the job and returns its name.
     *
     * @param dataUri   s3:// folder of the run's training CSV (the "train" channel)
     * @param outputUri s3:// folder the job writes model.tar.gz and output.tar.gz under
     */
    String launch(String runId, String modelVersion, String dataUri, String outputUri);
}
