package com.epicevents.crm.http;

import io.javalin.http.Context;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One INFO line per request on logger {@value #LOGGER}: method, route template, status, duration
 * and, for a 500, the errorId the client was given, e.g.
 * {@code PATCH /api/v1/clients/{id} -> 200 in 12 ms} or
 * {@code GET /api/v1/clients -> 500 in 3 ms errorId=err-kqzbtmwhrd}. The same values are in the
 * MDC while the line is written ({@code http.method}, {@code http.route}, {@code http.status},
 * {@code http.durationMs}, {@code errorId}) for the JSON log format. Never the query string, which
 * may carry search terms (a request refused before routing shows its path instead of a route).
 */
public final class RequestLog {
  public static final String LOGGER = "com.epicevents.crm.http.requests";
  /** Request attribute holding the errorId of a 500. */
  public static final String ERROR_ID_ATTRIBUTE = "crm.errorId";
  static final String NO_ROUTE = "(no route)";
  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private RequestLog() {}

  /** After Javalin answered a request. */
  static void completed(Context ctx, float millis, RequestObserver observer) {
    String route = routeOf(ctx);
    long nanos = (long) (millis * 1_000_000L);
    line(ctx.method().name(), route, ctx.statusCode(), nanos, ctx.attribute(ERROR_ID_ATTRIBUTE), null);
    notify(observer, ctx.method().name(), route, ctx.statusCode(), nanos);
  }

  /** A request answered before it reached the API (body too slow, cut short...). */
  public static void refused(String method, String path, int status, long nanos, String reason,
      RequestObserver observer) {
    line(method, NO_ROUTE, status, nanos, null, reason + ", path " + path);
    notify(observer, method, NO_ROUTE, status, nanos);
  }

  private static void line(String method, String route, int status, long nanos, String errorId, String note) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(nanos);
    MDC.put("http.method", method);
    MDC.put("http.route", route);
    MDC.put("http.status", Integer.toString(status));
    MDC.put("http.durationMs", Long.toString(ms));
    if (errorId != null) {
      MDC.put("errorId", errorId);
    }
    try {
      LOG.info("{} {} -> {} in {} ms{}{}", method, route, status, ms,
          errorId == null ? "" : " errorId=" + errorId, note == null ? "" : " (" + note + ")");
    } finally {
      MDC.remove("http.method");
      MDC.remove("http.route");
      MDC.remove("http.status");
      MDC.remove("http.durationMs");
      MDC.remove("errorId");
    }
  }

  private static void notify(RequestObserver observer, String method, String route, int status, long nanos) {
    try {
      observer.completed(method, route, status, nanos);
    } catch (RuntimeException e) {
      LOG.warn("request observer failed: {}", e.getClass().getSimpleName());
    }
  }

  private static String routeOf(Context ctx) {
    try {
      String path = ctx.endpoint().path;
      return path == null || path.isEmpty() || path.equals("*") ? NO_ROUTE : path; // "*": matched no endpoint
    } catch (RuntimeException unmatched) {
      return NO_ROUTE;
    }
  }
}
