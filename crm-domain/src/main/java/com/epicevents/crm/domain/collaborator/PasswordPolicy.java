package com.epicevents.crm.domain.collaborator;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Rules for a new password (NIST SP 800-63B style): 12 to 128 characters, any Unicode, no
 * composition rules, not a common password, not containing the username.
 */
public final class PasswordPolicy {
  public static final int MIN = 12;
  public static final int MAX = 128;
  private static final String LIST = "common-passwords.txt";
  private static final Set<String> COMMON = load();

  private PasswordPolicy() {}

  /** Throws {@link ValidationFailed} on {@code field} naming the reason. */
  public static void check(String field, char[] password, Username username) {
    if (password == null || password.length == 0) {
      throw ValidationFailed.of(field, "is required");
    }
    String value = new String(password);
    int length = value.codePointCount(0, value.length());
    if (length < MIN) {
      throw ValidationFailed.of(field, "must be at least " + MIN + " characters");
    }
    if (length > MAX) {
      throw ValidationFailed.of(field, "must be at most " + MAX + " characters");
    }
    if (value.indexOf('\0') >= 0) {
      // NUL cannot be typed; it is what a wiped char[] holds, so refusing it stops a reused
      // (already cleared) password buffer from becoming a password of twelve NULs.
      throw ValidationFailed.of(field, "must not contain NUL characters");
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      throw ValidationFailed.of(field, "is too common: it appears in lists of leaked passwords");
    }
    if (username != null && lower.contains(username.key())) {
      throw ValidationFailed.of(field, "must not contain the username");
    }
  }

  public static boolean isCommon(String candidate) {
    return COMMON.contains(candidate.toLowerCase(Locale.ROOT));
  }

  public static int commonListSize() {
    return COMMON.size();
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + LIST);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
