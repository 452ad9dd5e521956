package dev.resumescreening.functions.trainer;

import dev.resumescreening.config.Settings;
import dev.resumescreening.di.AwsModule;
import dev.resumescreening.model.Hyperparameters;
import dev.resumescreening.training.RemoteTraining;
import dev.resumescreening.training.TrainingJobNames;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.S3DataDistribution;
import software.amazon.awssdk.services.sagemaker.model.S3DataType;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.TrainingInstanceType;

/**
 * Launches a SageMaker training job running the trainer image under the SageMaker contract: channel "train" = the
 * run's training-data folder, output under it in output/ (SageMaker adds {job}/output/model.tar.gz and
 * output.tar.gz, the latter with the held-out test ids). The job runs network-isolated (the image needs no network:
 * DJL is offline, data comes from and goes to S3 through SageMaker), with its ML volume and output encrypted by the
 * KMS keys in SAGEMAKER_VOLUME_KMS_KEY / SAGEMAKER_OUTPUT_KMS_KEY when set (Terraform sets both; the launch
 * permission requires them). The client is built on first launch only: most runs never need it.
 */
public final class SageMakerTraining implements RemoteTraining {
    static final String CHANNEL = "train";
    static final int VOLUME_GB = 10;

    private final Supplier<SageMakerClient> client;
    private final Settings settings;
    private final Hyperparameters hyperparameters;
    private volatile SageMakerClient built;

    public SageMakerTraining(Supplier<SageMakerClient> client, Settings settings, Hyperparameters hyperparameters) {
        this.client = client;
        this.settings = settings;
        this.hyperparameters = hyperparameters;
    }

    public static SageMakerTraining create(Settings settings, SdkHttpClient http, Hyperparameters hyperparameters) {
        return new SageMakerTraining(
                () -> AwsModule.configure(SageMakerClient.builder(), settings, "sagemaker")
                        .httpClient(http)
                        .build(),
                settings,
                hyperparameters);
    }

    @Override
    public String launch(String runId, String modelVersion, String dataUri, String outputUri) {
        String image = settings.get("TRAINER_IMAGE_URI");
        String role = settings.get("SAGEMAKER_ROLE_ARN");
        if (image.isBlank() || role.isBlank()) {
            throw new IllegalStateException("TRAINER_IMAGE_URI and SAGEMAKER_ROLE_ARN must be set to train "
                    + "more than IN_FUNCTION_TRAINING_LIMIT samples in SageMaker");
        }
        String jobName = TrainingJobNames.jobName(settings.get("TRAINING_JOB_PREFIX"), runId);
        Map<String, String> parameters = new LinkedHashMap<>(hyperparameters.toMap());
        parameters.put("model_version", modelVersion);
        long maxRuntimeSeconds = settings.longValue("SAGEMAKER_MAX_RUNTIME_MINUTES") * 60;
        String volumeKey = blankToNull(settings.get("SAGEMAKER_VOLUME_KMS_KEY"));
        String outputKey = blankToNull(settings.get("SAGEMAKER_OUTPUT_KMS_KEY"));
        sagemaker()
                .createTrainingJob(b -> b.trainingJobName(jobName)
                        .algorithmSpecification(a -> a.trainingImage(image).trainingInputMode(TrainingInputMode.FILE))
                        .roleArn(role)
                        .inputDataConfig(Channel.builder()
                                .channelName(CHANNEL)
                                .contentType("text/csv")
                                .dataSource(d -> d.s3DataSource(s -> s.s3DataType(S3DataType.S3_PREFIX)
                                        .s3Uri(dataUri)
                                        .s3DataDistributionType(S3DataDistribution.FULLY_REPLICATED)))
                                .build())
                        .outputDataConfig(o -> o.s3OutputPath(outputUri).kmsKeyId(outputKey))
                        .resourceConfig(r -> r.instanceType(
                                        TrainingInstanceType.fromValue(settings.get("SAGEMAKER_INSTANCE_TYPE")))
                                .instanceCount(1)
                                .volumeSizeInGB(VOLUME_GB)
                                .volumeKmsKeyId(volumeKey))
                        .enableNetworkIsolation(true)
                        .stoppingCondition(s -> s.maxRuntimeInSeconds((int) maxRuntimeSeconds))
                        .hyperParameters(parameters)
                        .tags(t -> t.key("run_id").value(runId)));
        return jobName;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private SageMakerClient sagemaker() {
        if (built == null) {
            synchronized (this) {
                if (built == null) {
                    built = client.get();
                }
            }
        }
        return built;
    }
}
