package com.epicevents.crm.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} accompanies 400 (and 409 when the rule concerns
 * one field); {@code errorId} accompanies 500; {@code current} is the record as it is now on a
 * 412. Members without a value are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "errors", "errorId", "current"})
public record Problem(
    String type, String title, int status, String detail, List<FieldErrorJson> errors, String errorId,
    Object current, @com.fasterxml.jackson.annotation.JsonIgnore Map<String, String> headers) {

  public Problem {
    errors = errors == null ? null : List.copyOf(errors);
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public static Problem of(ProblemType type, String detail) {
    return new Problem(type.uri(), type.title(), type.status(), detail, null, null, null, null);
  }

  public Problem withErrors(List<FieldErrorJson> fieldErrors) {
    return new Problem(type, title, status, detail, fieldErrors, errorId, current, headers);
  }

  public Problem withErrorId(String id) {
    return new Problem(type, title, status, detail, errors, id, current, headers);
  }

  public Problem withCurrent(Object record) {
    return new Problem(type, title, status, detail, errors, errorId, record, headers);
  }

  public Problem withHeaders(Map<String, String> extra) {
    return new Problem(type, title, status, detail, errors, errorId, current, extra);
  }

  /** One refused field, as the contract names it. */
  public record FieldErrorJson(String field, String message) {}
}
