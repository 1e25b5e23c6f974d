package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Locale;

/** The three teams of the company. */
public enum Team {
  MANAGEMENT,
  SALES,
  SUPPORT;

  public static Team parse(String raw) {
    if (raw == null || raw.isBlank()) {
      throw ValidationFailed.of("team", "is required");
    }
    try {
      return Team.valueOf(raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationFailed.of("team", "must be one of MANAGEMENT, SALES, SUPPORT");
    }
  }
}
