package com.epicevents.crm.domain.error;

/** Bad credentials, or a missing, expired or revoked session (HTTP 401). */
public final class AuthenticationFailed extends CrmException {
  public static final String BAD_CREDENTIALS = "invalid username or password";

  public AuthenticationFailed(String message) {
    super(message);
  }

  public static AuthenticationFailed badCredentials() {
    return new AuthenticationFailed(BAD_CREDENTIALS);
  }
}
