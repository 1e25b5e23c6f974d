package com.epicevents.crm.domain.error;

/**
 * The small, closed family of errors the core raises. Every adapter maps this family once
 * (HTTP status + problem JSON, TUI dialog text); anything else is an unexpected error.
 */
public abstract sealed class CrmException extends RuntimeException
    permits ValidationFailed, AccessDenied, NotFound, BusinessRuleViolated,
        ConcurrentModification, AuthenticationFailed, LoginThrottled, ReauthenticationRequired,
        DatabaseUnavailable, SchemaNotReady, ServiceBusy {

  protected CrmException(String message) {
    super(message, null, false, false);
  }

  /** With a stack trace: for the operational members (database down, schema not ready), which an operator debugs. */
  protected CrmException(String message, boolean withStackTrace) {
    super(message, null, false, withStackTrace);
  }
}
