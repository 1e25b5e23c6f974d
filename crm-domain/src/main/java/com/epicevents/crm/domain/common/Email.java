package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.regex.Pattern;

/** An e-mail address: one {@code @}, a dotted domain, no spaces, at most 254 characters. */
public record Email(String value) {
  public static final int MAX = 254;
  private static final Pattern SHAPE =
      Pattern.compile("^[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+$");

  public Email {
    value = Texts.singleLine("email", value, 1, MAX);
    if (!SHAPE.matcher(value).matches()) {
      throw ValidationFailed.of("email", "is not a valid e-mail address");
    }
  }

  /** Null for a blank input: the field is optional. */
  public static Email optional(String raw) {
    return Texts.isBlank(raw) ? null : new Email(raw);
  }

  @Override
  public String toString() {
    return value;
  }
}
