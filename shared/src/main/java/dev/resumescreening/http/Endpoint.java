package dev.resumescreening.http;

/** One route's behaviour: parse, validate, call one service, map to a response. */
@FunctionalInterface
public interface Endpoint {
    ApiResponse handle(ApiRequest request);
}
