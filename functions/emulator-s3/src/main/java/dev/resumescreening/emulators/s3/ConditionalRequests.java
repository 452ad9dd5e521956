package dev.resumescreening.emulators.s3;

import static dev.resumescreening.emulators.s3.S3Encoding.unquote;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** Conditional requests (If-Match, If-None-Match, If-(Un)Modified-Since) and byte ranges. */
final class ConditionalRequests {
    private ConditionalRequests() {}

    /** Returns null to proceed, 304 or 412. */
    static Integer evaluateConditions(S3Request r, String etag, long lastModSec) {
        String ifMatch = r.header("If-Match");
        String ifNoneMatch = r.header("If-None-Match");
        Long ifModifiedSince = parseHttpDate(r.header("If-Modified-Since"));
        Long ifUnmodifiedSince = parseHttpDate(r.header("If-Unmodified-Since"));
        if (ifMatch != null) {
            if (!etagMatches(ifMatch, etag)) {
                return 412;
            }
        } else if (ifUnmodifiedSince != null && lastModSec > ifUnmodifiedSince) {
            return 412;
        }
        if (ifNoneMatch != null) {
            if (etagMatches(ifNoneMatch, etag)) {
                return 304;
            }
        } else if (ifModifiedSince != null && lastModSec <= ifModifiedSince) {
            return 304;
        }
        return null;
    }

    private static boolean etagMatches(String header, String etag) {
        for (String part : header.split(",")) {
            String t = part.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || unquote(t).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static Long parseHttpDate(String s) {
        if (s == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(s.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toEpochSecond();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns {start, end} inclusive, null to serve the whole object; throws InvalidRange if unsatisfiable. */
    static long[] parseRange(String header, long size) {
        if (header == null) {
            return null;
        }
        String hv = header.trim();
        if (!hv.regionMatches(true, 0, "bytes=", 0, 6) || hv.indexOf(',') >= 0) {
            return null;
        }
        String spec = hv.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        long start;
        long end;
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long n = Long.parseLong(b);
                if (n <= 0 || size == 0) {
                    throw invalidRange(size);
                }
                start = Math.max(0, size - n);
                end = size - 1;
            } else {
                start = Long.parseLong(a);
                end = b.isEmpty() ? size - 1 : Long.parseLong(b);
                if (start < 0 || end < start) {
                    return null;
                }
                if (start >= size) {
                    throw invalidRange(size);
                }
                end = Math.min(end, size - 1);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new long[] {start, end};
    }

    private static S3Exception invalidRange(long size) {
        return new S3Exception(416, "InvalidRange", "The requested range is not satisfiable");
    }
}
