package dev.resumescreening.domain;

/** The kinds of failure the domain reports; the API edge maps each to an HTTP status. */
public enum ProblemKind {
    INVALID_INPUT,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    GONE,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    UNPROCESSABLE,
    UNAVAILABLE
}
