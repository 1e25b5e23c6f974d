package com.epicevents.crm.tui.form;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date and time typed as one field, {@code YYYY-MM-DD HH:MM}, in the user's time zone. Strict:
 * 2027-02-30 is refused rather than moved to March.
 */
public final class DateInput {
  public static final String FORMAT = "YYYY-MM-DD HH:MM";
  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
  private static final DateTimeFormatter PARSER =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter SPELLED =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

  /** What a typed text means: an instant, or the reason it is not one. */
  public record Reading(Instant instant, String problem) {
    public boolean ok() {
      return problem == null;
    }
  }

  private DateInput() {}

  /** Blank text reads as no instant and no problem (the field is empty). */
  public static Reading read(String text, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return new Reading(null, null);
    }
    String t = text.strip();
    if (!SHAPE.matcher(t).matches()) {
      return new Reading(null, "format: " + FORMAT);
    }
    try {
      LocalDateTime local = LocalDateTime.parse(t, PARSER);
      return new Reading(local.atZone(zone).toInstant(), null);
    } catch (DateTimeParseException e) {
      return new Reading(null, "is not a real date and time");
    }
  }

  /** How the form confirms a date it understood, e.g. "Tue 2 Mar 2027 14:30". */
  public static String spelled(Instant instant, ZoneId zone) {
    return SPELLED.format(instant.atZone(zone));
  }
}
