package com.epicevents.crm.domain.collaborator;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: 3 to 50 of {@code A-Z a-z 0-9 . _ -}; unique regardless of case. */
public record Username(String value) {
  private static final Pattern SHAPE = Pattern.compile("^[A-Za-z0-9._-]{3,50}$");

  public Username {
    if (value == null || value.isBlank()) {
      throw ValidationFailed.of("username", "is required");
    }
    value = value.strip();
    if (!SHAPE.matcher(value).matches()) {
      throw ValidationFailed.of(
          "username", "must be 3 to 50 characters of letters, digits, '.', '_' or '-'");
    }
  }

  /** The case-insensitive key used for uniqueness and for counting failed logins. */
  public String key() {
    return value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
