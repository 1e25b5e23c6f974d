package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.ValidationFailed;

/** Shared rules for text fields: trimmed, bounded in characters, no control characters. */
public final class Texts {
  private Texts() {}

  /** A required single-line text of min..max characters (code points), trimmed. */
  public static String singleLine(String field, String raw, int min, int max) {
    if (raw == null) {
      throw ValidationFailed.of(field, "is required");
    }
    String value = raw.strip();
    if (value.isEmpty() && min > 0) {
      throw ValidationFailed.of(field, "is required");
    }
    int length = value.codePointCount(0, value.length());
    if (length < min) {
      throw ValidationFailed.of(field, "must be at least " + min + " characters");
    }
    if (length > max) {
      throw ValidationFailed.of(field, "must be at most " + max + " characters (got " + length + ")");
    }
    if (hasControl(value)) {
      throw ValidationFailed.of(field, "must not contain control characters");
    }
    return value;
  }

  /** Every control character is in the Basic Multilingual Plane: a loop over chars finds them (no stream per field). */
  private static boolean hasControl(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isControl(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Free text (notes, contact details): any character but NUL, so what staff paste is kept as
   * typed; interfaces display control characters escaped.
   */
  public static String multiLine(String field, String raw, int min, int max) {
    if (raw == null) {
      throw ValidationFailed.of(field, "is required");
    }
    String value = raw.strip();
    int length = value.codePointCount(0, value.length());
    if (length < min) {
      throw ValidationFailed.of(field, min == 1 ? "is required" : "must be at least " + min + " characters");
    }
    if (length > max) {
      throw ValidationFailed.of(field, "must be at most " + max + " characters (got " + length + ")");
    }
    if (value.indexOf('\u0000') >= 0) {
      throw ValidationFailed.of(field, "must not contain NUL characters");
    }
    return value;
  }

  /** Null or blank means "no value" for optional fields. */
  public static boolean isBlank(String raw) {
    return raw == null || raw.isBlank();
  }

  static boolean isControl(int c) {
    return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
  }
}
