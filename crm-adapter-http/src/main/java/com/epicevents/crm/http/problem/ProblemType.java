package com.epicevents.crm.http.problem;

/**
 * Every kind of problem the API answers with. The {@code type} URIs are identifiers, not links;
 * the OpenAPI document lists them.
 */
public enum ProblemType {
  VALIDATION_FAILED(400, "validation-failed", "The request is not valid"),
  AUTHENTICATION_REQUIRED(401, "authentication-required", "Authentication required"),
  ACCESS_DENIED(403, "access-denied", "Not allowed"),
  NOT_FOUND(404, "not-found", "Not found"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),
  BUSINESS_RULE_VIOLATED(409, "business-rule-violated", "The current state forbids this change"),
  VERSION_MISMATCH(412, "version-mismatch", "The record was changed by someone else"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "Request body too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),
  TOO_MANY_LOGIN_ATTEMPTS(429, "too-many-login-attempts", "Too many login attempts"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  INTERNAL_ERROR(500, "internal-error", "Internal error"),
  SERVICE_UNAVAILABLE(503, "service-unavailable", "The database is not available"),
  BUSY(503, "busy", "Busy: try again shortly"),
  IDEMPOTENCY_KEY_REUSED(422, "idempotency-key-reused", "Idempotency key already used for another request"),
  IDEMPOTENCY_KEY_IN_FLIGHT(409, "idempotency-key-in-flight", "A request with this idempotency key is in progress"),
  HTTP_ERROR(0, "http-error", "HTTP error");

  public static final String PREFIX = "urn:epicevents:crm:problem:";

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String uri() {
    return PREFIX + slug;
  }

  public String title() {
    return title;
  }
}
