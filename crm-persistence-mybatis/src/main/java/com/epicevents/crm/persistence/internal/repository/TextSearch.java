package com.epicevents.crm.persistence.internal.repository;

/** Turns a user's search text into an ILIKE "contains" pattern that matches it literally. */
final class TextSearch {
  private TextSearch() {}

  /** Null for no text; otherwise {@code %text%} with \, % and _ escaped (LIKE's escape is \). */
  static String containsPattern(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
    for (char c : text.strip().toCharArray()) {
      if (c == '\\' || c == '%' || c == '_') {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.append('%').toString();
  }
}
