package com.epicevents.crm.bootstrap.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.epicevents.crm.bootstrap.security.Redactor;

/**
 * The {@code %msg} of logback.xml: the formatted message with personal data and secrets redacted
 * ({@link Redactor}) and control characters escaped, so that user input (a name containing a
 * newline, an ANSI escape sequence) can neither forge a log line nor drive the terminal showing it.
 */
public class SafeMessageConverter extends MessageConverter {

  @Override
  public String convert(ILoggingEvent event) {
    return escape(Redactor.redact(event.getFormattedMessage()));
  }

  /**
   * Writes CR, LF and TAB as {@code \r}, {@code \n}, {@code \t}, and any other control, line or
   * paragraph separator, or bidirectional override character as {@code \}{@code uXXXX}. Backslashes
   * themselves are left alone to keep Windows paths readable.
   */
  public static String escape(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String replacement = replacement(c);
      if (replacement != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (replacement != null) {
          out.append(replacement);
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? text : out.toString();
  }

  private static String replacement(char c) {
    switch (c) {
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        break;
    }
    boolean unsafe = Character.isISOControl(c) // C0, DEL, C1 (including NEL)
        || c == '\u2028' || c == '\u2029' // line and paragraph separators
        || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069'); // bidi isolates
    return unsafe ? String.format("\\u%04x", (int) c) : null;
  }
}
