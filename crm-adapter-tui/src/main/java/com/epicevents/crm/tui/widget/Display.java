package com.epicevents.crm.tui.widget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How stored text reaches the terminal. Staff may paste anything into a note (the domain keeps
 * every character but NUL), so control characters, escape sequences and invisible formatting
 * characters are shown escaped — {@code \e}, {@code \n}, {@code \x07}, <code>&#92;u{202E}</code> — and never
 * written raw to the terminal. Every widget that shows stored text goes through {@link #safe}.
 *
 * <p>The escaping is reversible ({@link #unescape}): a backslash is shown as {@code \\}, so a form
 * pre-filled with a stored value saves exactly that value when left as it is.
 */
public final class Display {
  /** What an empty optional value looks like. */
  public static final String NONE = "—";

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

  private Display() {}

  /** The text with every character a terminal could interpret shown as an escape; null gives "". */
  public static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(c -> appendSafe(out, c));
    return out.toString();
  }

  /** {@link #safe}, with {@link #NONE} for a null or blank value. */
  public static String safeOrNone(String text) {
    return text == null || text.isBlank() ? NONE : safe(text);
  }

  /**
   * The inverse of {@link #safe}, for what a user types or leaves in a form field. Unknown escapes
   * are kept as typed, so a lone backslash stays a backslash.
   */
  public static String unescape(String typed) {
    if (typed == null || typed.indexOf('\\') < 0) {
      return typed;
    }
    StringBuilder out = new StringBuilder(typed.length());
    int i = 0;
    while (i < typed.length()) {
      char c = typed.charAt(i);
      if (c != '\\' || i + 1 >= typed.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = typed.charAt(i + 1);
      switch (next) {
        case '\\' -> { out.append('\\'); i += 2; }
        case 'e' -> { out.append('\u001b'); i += 2; }
        case 'n' -> { out.append('\n'); i += 2; }
        case 'r' -> { out.append('\r'); i += 2; }
        case 't' -> { out.append('\t'); i += 2; }
        case 'x' -> {
          int code = hex(typed, i + 2, i + 4);
          if (code >= 0) {
            out.append((char) code);
            i += 4;
          } else {
            out.append(c);
            i++;
          }
        }
        case 'u' -> {
          int close = typed.indexOf('}', i + 3);
          int code = i + 2 < typed.length() && typed.charAt(i + 2) == '{' && close > i + 3 && close <= i + 9
              ? hex(typed, i + 3, close) : -1;
          if (code >= 0 && Character.isValidCodePoint(code)) {
            out.appendCodePoint(code);
            i = close + 1;
          } else {
            out.append(c);
            i++;
          }
        }
        default -> { out.append(c); i++; }
      }
    }
    return out.toString();
  }

  /** {@link #safe} cut to at most {@code width} columns, with an ellipsis when cut. */
  public static String cell(String text, int width) {
    String s = safe(text);
    if (s.codePointCount(0, s.length()) <= width) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, Math.max(0, width - 1))) + "…";
  }

  /** A core message ("not allowed: …") as a sentence: capitalised, ending with a full stop. */
  public static String sentence(String message) {
    if (message == null || message.isBlank()) {
      return "";
    }
    String m = message.strip();
    m = Character.toUpperCase(m.charAt(0)) + m.substring(1);
    char last = m.charAt(m.length() - 1);
    return last == '.' || last == '!' || last == '?' ? m : m + ".";
  }

  /** An instant as "YYYY-MM-DD HH:MM" in the user's zone; {@link #NONE} when absent. */
  public static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? NONE : DATE_TIME.format(instant.atZone(zone));
  }

  /** An amount with two decimals and a thousands separator, e.g. 12,000.50. */
  public static String money(BigDecimal amount) {
    return amount == null ? NONE : String.format(Locale.ROOT, "%,.2f", amount);
  }

  private static void appendSafe(StringBuilder out, int c) {
    switch (c) {
      case '\\' -> out.append("\\\\");
      case 0x1b -> out.append("\\e");
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> {
        if (!needsEscape(c)) {
          out.appendCodePoint(c);
        } else if (c <= 0xff) {
          out.append(String.format(Locale.ROOT, "\\x%02X", c));
        } else {
          out.append(String.format(Locale.ROOT, "\\u{%04X}", c));
        }
      }
    }
  }

  /**
   * C0 and C1 controls (C1 0x9B is a one-byte CSI on some terminals), DEL, format characters
   * such as the bidirectional overrides that make text display in another order than stored,
   * line/paragraph separators, and anything unassigned or a lone surrogate.
   */
  private static boolean needsEscape(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE;
  }

  private static int hex(String s, int from, int to) {
    if (to > s.length() || from >= to) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(s.charAt(i), 16);
      if (d < 0) {
        return -1;
      }
      value = value * 16 + d;
    }
    return value;
  }
}
