package com.epicevents.crm.http;

/**
 * Told of every request the API answered, once it is done: for metrics. Must be quick and never
 * throw. The route is the template the request matched ({@code /api/v1/clients/{id}}), never the
 * raw path, so that its values stay few.
 */
@FunctionalInterface
public interface RequestObserver {
  void completed(String method, String route, int status, long durationNanos);

  RequestObserver NONE = (method, route, status, durationNanos) -> { };
}
