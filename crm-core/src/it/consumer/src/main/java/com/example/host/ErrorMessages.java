package com.example.host;

import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.DatabaseUnavailable;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import com.epicevents.crm.domain.error.SchemaNotReady;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.stream.Collectors;

/**
 * Every member of the core's error family, handled in one place (Java 17: an instanceof chain;
 * the family is sealed, so this list is complete). Anything else is unexpected.
 */
public final class ErrorMessages {
  private ErrorMessages() {}

  public static String forUser(CrmException error) {
    if (error instanceof ValidationFailed e) {          // bad input: every field with its reason
      return e.errors().stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
    if (error instanceof AuthenticationFailed e) {      // unknown/expired token, wrong credentials
      return "please log in again (" + e.getMessage() + ")";
    }
    if (error instanceof ReauthenticationRequired e) {  // interactive sessions only: confirm with the password
      return "type your password again to confirm";
    }
    if (error instanceof LoginThrottled e) {            // too many failed logins
      return "too many attempts: try again in " + e.retryAfterSeconds() + " s" + (e.locked() ? " (account locked)" : "");
    }
    if (error instanceof AccessDenied e) {              // the permission table said no (audited)
      return "not allowed: " + e.reason();
    }
    if (error instanceof NotFound e) {
      return e.getMessage();
    }
    if (error instanceof BusinessRuleViolated e) {      // e.g. unsigning a signed contract; field() may be null
      return e.field() == null ? e.getMessage() : e.field() + ": " + e.getMessage();
    }
    if (error instanceof ConcurrentModification e) {    // stale edit: e.current() holds the record as it is now
      return e.getMessage() + ": read it again and repeat the change";
    }
    if (error instanceof DatabaseUnavailable e) {       // nothing changed; retry later
      return "the CRM's database is unavailable, try again later";
    }
    if (error instanceof SchemaNotReady e) {            // an operator must migrate (or upgrade the library)
      return "the CRM's database needs attention: " + e.getMessage();
    }
    throw new IllegalStateException("unknown CRM error " + error.getClass().getName(), error);
  }
}
