package dev.resumescreening.emulators.s3;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Query-string (presigned) SigV4 requests: like every request here their signature is not checked (the emulator
 * holds no secrets and listens on loopback only), but an expired URL is refused as S3 refuses it, so a client that
 * keeps a URL too long fails locally as it would in AWS.
 */
final class PresignedUrls {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private PresignedUrls() {}

    static void requireUnexpired(Map<String, String> query, Instant now) {
        String date = query.get("X-Amz-Date");
        String expires = query.get("X-Amz-Expires");
        if (date == null || expires == null) {
            return;
        }
        Instant signedAt;
        long seconds;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(date));
            seconds = Long.parseLong(expires);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new S3Exception(
                    400,
                    "AuthorizationQueryParametersError",
                    "X-Amz-Date must be yyyyMMdd'T'HHmmss'Z' and X-Amz-Expires a number of seconds");
        }
        if (now.isAfter(signedAt.plusSeconds(seconds))) {
            throw new S3Exception(403, "AccessDenied", "Request has expired");
        }
    }
}
