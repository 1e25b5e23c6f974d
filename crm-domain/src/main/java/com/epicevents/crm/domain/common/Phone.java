package com.epicevents.crm.domain.common;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.regex.Pattern;

/** A phone number: digits with optional +, spaces, dots, dashes and brackets; 4 to 20 digits. */
public record Phone(String value) {
  public static final int MAX = 30;
  private static final Pattern SHAPE = Pattern.compile("^\\+?[0-9 ().-]+$");

  public Phone {
    value = Texts.singleLine("phone", value, 1, MAX);
    if (!SHAPE.matcher(value).matches()) {
      throw ValidationFailed.of("phone", "may contain only digits, spaces, + . - ( )");
    }
    long digits = value.chars().filter(Character::isDigit).count();
    if (digits < 4 || digits > 20) {
      throw ValidationFailed.of("phone", "must have between 4 and 20 digits");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
