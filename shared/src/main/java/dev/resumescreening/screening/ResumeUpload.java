package dev.resumescreening.screening;

/** A resume as it arrived: who it is, which job it is for, and the file. */
public record ResumeUpload(String jobId, String candidateName, String fileName, String contentType, byte[] content) {
}
