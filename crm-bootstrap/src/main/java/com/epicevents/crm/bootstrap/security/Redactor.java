package com.epicevents.crm.bootstrap.security;

import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces what looks like personal data or a secret in free text with {@value #MARK}: e-mail
 * addresses, phone numbers (7 or more digits, separators allowed), {@code password=…}/JSON
 * secret pairs, bearer tokens, Argon2 hashes and long hex/base64url tokens. Used on everything that
 * leaves the process for monitoring (Sentry) and on log lines.
 *
 * <p>It errs on the side of removing too much: a long identifier or a 7-digit number in an error
 * message is scrubbed too. ISO dates are kept (they are not personal data and help debugging).
 */
public final class Redactor {
  public static final String MARK = "[scrubbed]";

  /**
   * A key naming a secret: {@code password}, {@code newPassword}, {@code access_token},
   * {@code Authorization}… The bounded affixes keep matching linear on hostile input.
   */
  private static final String SECRET_KEY =
      "[\\w.-]{0,32}(?:password|passwd|pwd|passphrase|secret|token|authorization|api[_-]?key|credential|cookie|dsn|hash)[\\w.-]{0,32}+";

  private static final Pattern SECRET_KEY_ONLY =
      Pattern.compile(SECRET_KEY, Pattern.CASE_INSENSITIVE);

  // key=value, key: value, "key": "value", 'key'='value'; the value may be quoted or "Bearer xyz".
  private static final Pattern KEY_VALUE = Pattern.compile(
      "(?<![\\w.-])([\"']?)(" + SECRET_KEY + ")\\1(\\s*[:=]\\s*)"
          // Quoted values as unrolled possessive loops: an alternation inside * recurses per character.
          + "((?:(?:bearer|basic|digest|token)\\s+)?"
          // A quote left open (a truncated message) runs to the end of the text.
          + "(?:\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+(?:\"|$)|'[^'\\\\]*+(?:\\\\.[^'\\\\]*+)*+(?:'|$)|[^\\s,;&}\\]\"']++))",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern ARGON2_HASH = Pattern.compile("\\$argon2(?:id|i|d)\\$[A-Za-z0-9+/=,$]*");

  private static final Pattern BEARER = Pattern.compile("\\bbearer\\s+[A-Za-z0-9._~+/=-]+", Pattern.CASE_INSENSITIVE);

  // Starts only at the beginning of a word: otherwise a long word without '@' costs quadratic time.
  private static final Pattern EMAIL = Pattern.compile(
      "(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

  // Candidates only: a run of 32+ token characters; see looksLikeToken for which are scrubbed.
  private static final Pattern LONG_TOKEN = Pattern.compile("(?<![\\w+-])[\\w+-]{32,}={0,2}(?![\\w+-])");

  // An ISO date(-time) is matched first so that its digits are not taken for a phone number.
  private static final Pattern DATE_OR_PHONE = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)(?![\\d-])"
          // Bounded: 7 to 32 digits (longer runs are long tokens), and no deep regex recursion.
          + "|((?<![\\w+])\\+?\\(?\\d(?:[ .()/-]{0,2}\\d){6,31}(?!\\w))");

  private Redactor() {}

  /** The text with anything sensitive replaced by {@value #MARK}; null stays null. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    try {
      return redactAll(text);
    } catch (StackOverflowError tooDeep) {
      // Should not happen with the patterns above; if some input still defeats them, send nothing.
      return MARK;
    }
  }

  private static String redactAll(String text) {
    String out = KEY_VALUE.matcher(text).replaceAll(Redactor::maskValue);
    out = ARGON2_HASH.matcher(out).replaceAll(MARK);
    out = BEARER.matcher(out).replaceAll(Matcher.quoteReplacement("Bearer " + MARK));
    out = EMAIL.matcher(out).replaceAll(MARK);
    out = LONG_TOKEN.matcher(out).replaceAll(r -> looksLikeToken(r.group()) ? MARK : Matcher.quoteReplacement(r.group()));
    out = DATE_OR_PHONE.matcher(out).replaceAll(r -> r.group(1) != null ? Matcher.quoteReplacement(r.group(1)) : MARK);
    return out;
  }

  /** True for a map key whose value must never be sent or logged, e.g. "password" or "api_key". */
  public static boolean isSecretKey(String key) {
    return key != null && SECRET_KEY_ONLY.matcher(key).matches();
  }

  private static String maskValue(MatchResult r) {
    String value = r.group(4);
    String quote = value.startsWith("\"") ? "\"" : value.startsWith("'") ? "'" : "";
    return Matcher.quoteReplacement(r.group(1) + r.group(2) + r.group(1) + r.group(3) + quote + MARK + quote);
  }

  /**
   * Random tokens (hex, base64url) almost always mix digits in, or both letter cases; long
   * lower-case names such as database constraint names do not, and are kept for debugging.
   */
  private static boolean looksLikeToken(String candidate) {
    boolean digit = false;
    boolean upper = false;
    boolean lower = false;
    for (int i = 0; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      digit |= c >= '0' && c <= '9';
      upper |= c >= 'A' && c <= 'Z';
      lower |= c >= 'a' && c <= 'z';
    }
    return digit || (upper && lower);
  }
}
