package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.error.AuthenticationFailed;

/** A session's bearer token as the caller holds it. Never printed. */
public record AuthToken(String value) {
  public AuthToken {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new AuthenticationFailed("missing or malformed session token");
    }
  }

  @Override
  public String toString() {
    return "AuthToken[redacted]";
  }
}
