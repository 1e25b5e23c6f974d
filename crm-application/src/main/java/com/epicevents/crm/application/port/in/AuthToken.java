package com.epicevents.crm.application.port.in;

import com.epicevents.crm.domain.error.AuthenticationFailed;
import java.util.regex.Pattern;

/**
 * A bearer credential as the caller holds it: a session's token, or an API key
 * ({@code crm_<8-character public prefix>_<random part>}). Never printed.
 */
public record AuthToken(String value) {
  /** What every API key starts with; a bearer value that does is resolved as a key, never as a session. */
  public static final String API_KEY_MARK = "crm_";
  /** The shape of a well-formed API key (the CRM makes 43-character random parts). */
  private static final Pattern API_KEY = Pattern.compile("crm_[0-9A-Za-z]{8}_[0-9A-Za-z]{32,187}");

  public AuthToken {
    if (value == null || value.isBlank() || value.length() > 200) {
      throw new AuthenticationFailed("missing or malformed session token");
    }
  }

  /** Is this bearer value in the API-key family? */
  public boolean apiKey() {
    return value.startsWith(API_KEY_MARK);
  }

  /** Does this text have the shape of an API key (whether or not such a key exists)? */
  public static boolean wellFormedApiKey(String text) {
    return text != null && API_KEY.matcher(text).matches();
  }

  @Override
  public String toString() {
    return "AuthToken[redacted]";
  }
}
