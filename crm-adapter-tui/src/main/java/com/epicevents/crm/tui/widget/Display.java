package com.epicevents.crm.tui.widget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import com.googlecode.lanterna.TerminalTextUtils;

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

  private static final Pattern LINE_BREAKS = Pattern.compile("\\s*(\\r\\n|\\r|\\n)\\s*");
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
    return cut(inline(text), width);
  }

  /**
   * A table cell: {@link #inline} text cut to {@code width} terminal columns (an ellipsis when
   * cut; CJK characters count two) and padded to exactly that width, so a column keeps its width
   * from page to page.
   */
  public static String fit(String text, int width) {
    String s = cut(inline(text), width);
    int pad = width - columns(s);
    return pad > 0 ? s + " ".repeat(pad) : s;
  }

  /** Stored text on one line: line breaks become ", ", everything else as {@link #safe}. */
  public static String inline(String text) {
    if (text == null) {
      return "";
    }
    return safe(LINE_BREAKS.matcher(text.strip()).replaceAll(", "));
  }

  /** Stored text as the lines it was typed in, each one {@link #safe}. */
  public static List<String> lines(String text) {
    if (text == null) {
      return List.of("");
    }
    return Arrays.stream(LINE_BREAKS.split(text.strip(), -1)).map(Display::safe).toList();
  }

  /** How many terminal columns the (already safe) text takes: CJK characters take two. */
  public static int columns(String shown) {
    return TerminalTextUtils.getColumnWidth(shown);
  }

  private static String cut(String s, int width) {
    if (columns(s) <= width) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int used = 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      int w = TerminalTextUtils.isCharDoubleWidth((char) c) ? 2 : 1;
      if (used + w > width - 1) {
        break;
      }
      out.appendCodePoint(c);
      used += w;
      i += Character.charCount(c);
    }
    return out.append(width > 0 ? "…" : "").toString();
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
        if (c > 0xFFFF) {
          // The terminal library writes one UTF-16 unit at a time and measures one column per
          // character: an emoji would print as "??" and shift the rest of the line.
          out.append(String.format(Locale.ROOT, "\\u{%X}", c));
        } else if (!needsEscape(c)) {
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
