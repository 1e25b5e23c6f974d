package com.epicevents.crm.domain.error;

/**
 * The small, closed family of errors the core raises. Every adapter maps this family once
 * (HTTP status + problem JSON, TUI dialog text); anything else is an unexpected error.
 */
public abstract sealed class CrmException extends RuntimeException
    permits ValidationFailed, AccessDenied, NotFound, BusinessRuleViolated,
        ConcurrentModification, AuthenticationFailed, LoginThrottled, ReauthenticationRequired, ServiceBusy {

  protected CrmException(String message) {
    super(message, null, false, false);
  }
}
