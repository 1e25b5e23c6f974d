package com.epicevents.crm.http.problem;

import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.domain.error.ServiceBusy;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.Representations;
import java.util.List;
import java.util.Map;

/**
 * The one place where the core's error family becomes HTTP: status, problem type and the
 * user-facing message the core wrote. Nothing else in the adapter chooses an error status for a
 * core error. Only messages written for users reach a response: never a class name, stack trace
 * or SQL.
 */
public final class ProblemMapper {
  private ProblemMapper() {}

  public static Problem map(CrmException error) {
    if (error instanceof ValidationFailed e) {
      return Problem.of(ProblemType.VALIDATION_FAILED, e.getMessage())
          .withErrors(e.errors().stream().map(f -> new Problem.FieldErrorJson(f.field(), f.message())).toList());
    }
    if (error instanceof AuthenticationFailed e) {
      return unauthenticated(e.getMessage());
    }
    if (error instanceof ReauthenticationRequired e) {
      // API sessions never need it; should a core change ask for it, the caller must log in again.
      return unauthenticated(e.getMessage());
    }
    if (error instanceof AccessDenied e) {
      return Problem.of(ProblemType.ACCESS_DENIED, e.reason());
    }
    if (error instanceof NotFound e) {
      return Problem.of(ProblemType.NOT_FOUND, e.getMessage());
    }
    if (error instanceof BusinessRuleViolated e) {
      Problem problem = Problem.of(ProblemType.BUSINESS_RULE_VIOLATED, e.getMessage());
      return e.field() == null ? problem : problem.withErrors(List.of(new Problem.FieldErrorJson(e.field(), e.getMessage())));
    }
    if (error instanceof ConcurrentModification e) {
      Problem problem = Problem.of(ProblemType.VERSION_MISMATCH,
          e.getMessage() + ": read it again, then repeat the change with its new version in If-Match");
      Representations.Versioned current = Representations.ofAny(e.current());
      return current == null ? problem
          : problem.withCurrent(current.body()).withHeaders(Map.of("ETag", etag(current.version())));
    }
    if (error instanceof LoginThrottled e) {
      return Problem.of(ProblemType.TOO_MANY_LOGIN_ATTEMPTS, e.getMessage())
          .withHeaders(Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
    }
    if (error instanceof DatabaseUnavailable || error instanceof SchemaNotReady) {
      // the reason (server down, schema to migrate) is for the operator's log, not the client
      return Problem.of(ProblemType.SERVICE_UNAVAILABLE, "the service cannot reach its database; try again later")
          .withHeaders(Map.of("Retry-After", "30"));
    }
    if (error instanceof ServiceBusy e) {
      return Problem.of(ProblemType.BUSY, e.getMessage())
          .withHeaders(Map.of("Retry-After", Long.toString(e.retryAfterSeconds())));
    }
    // The family is sealed; a new member must be mapped here before it can reach a client.
    throw new IllegalStateException("unmapped core error " + error.getClass().getSimpleName());
  }

  /** 500: only the reference the monitoring event is tagged with. */
  public static Problem unexpected(String errorId) {
    return Problem.of(ProblemType.INTERNAL_ERROR,
            "an unexpected error occurred; quote the errorId when reporting it")
        .withErrorId(errorId);
  }

  /**
   * 429: this credential (or, without one, this client address) used up its rate limit; it may
   * try again after {@code retryAfterSeconds}.
   */
  public static Problem rateLimited(int perSecond, int burst, long retryAfterSeconds) {
    return Problem.of(ProblemType.RATE_LIMITED, "too many requests with this credential (or from this address "
            + "when the request has none): at most " + perSecond + " per second, in bursts of up to " + burst
            + "; wait " + retryAfterSeconds + " s (Retry-After) before trying again")
        .withHeaders(Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  /** Problems the HTTP layer raises itself (no route, wrong method, body too large...). */
  public static Problem forHttpStatus(int status, String detail) {
    for (ProblemType type : ProblemType.values()) {
      if (type.status() == status) {
        return Problem.of(type, detail);
      }
    }
    return new Problem(ProblemType.HTTP_ERROR.uri(), ProblemType.HTTP_ERROR.title(), status, detail,
        null, null, null, null);
  }

  public static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static Problem unauthenticated(String detail) {
    return Problem.of(ProblemType.AUTHENTICATION_REQUIRED, detail)
        .withHeaders(Map.of("WWW-Authenticate", "Bearer realm=\"crm\""));
  }
}
