package com.epicevents.crm.domain.access;

/** The answer of the access policy: allowed, or denied with a reason a user can read. */
public record Decision(boolean allowed, String reason) {
  public static final Decision ALLOW = new Decision(true, null);

  public static Decision deny(String reason) {
    return new Decision(false, reason);
  }
}
