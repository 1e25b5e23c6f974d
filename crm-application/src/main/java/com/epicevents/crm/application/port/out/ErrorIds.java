package com.epicevents.crm.application.port.out;

import java.security.SecureRandom;
import java.util.Random;

/**
 * The reference an unexpected error is known by: {@code err-} and ten lower-case letters, e.g.
 * {@code err-kqzbtmwhrd}. Letters only, so that no log redaction can take it for a phone number,
 * a date or a token, and a user quoting it is always understood (no 0/O, 1/l to confuse:
 * there are no digits at all; vowels are left out so that it never spells a word). About 41 bits.
 */
public final class ErrorIds {
  static final String ALPHABET = "bcdfghjkmnpqrstvwxz";
  private static final int LENGTH = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ErrorIds() {}

  public static String next() {
    return next(RANDOM);
  }

  public static String next(Random random) {
    StringBuilder id = new StringBuilder("err-");
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
