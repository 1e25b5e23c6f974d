package com.epicevents.crm.http.json;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code cursor} of list pages: base64url of the last id of the previous page.
 * Clients must not build it; it may change shape in a later version.
 */
public final class Cursor {
  private static final int MAX_LENGTH = 40;

  private Cursor() {}

  public static String encode(Long after) {
    if (after == null) {
      return null;
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(after).getBytes(StandardCharsets.US_ASCII));
  }

  /** The id after which the page starts; 0 for no cursor (the first page). */
  public static long decode(String cursor) {
    if (cursor == null) {
      return 0;
    }
    if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
      throw invalid();
    }
    try {
      String digits = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      if (!digits.matches("[1-9][0-9]{0,18}")) {
        throw invalid();
      }
      return Long.parseLong(digits);
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
  }

  private static ValidationFailed invalid() {
    return ValidationFailed.of("cursor", "is not a valid cursor: use the nextCursor of a previous page");
  }
}
