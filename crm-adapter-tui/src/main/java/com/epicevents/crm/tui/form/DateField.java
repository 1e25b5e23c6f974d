package com.epicevents.crm.tui.form;

import com.epicevents.crm.tui.widget.Display;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A date and time typed as {@code YYYY-MM-DD HH:MM} in the user's zone, checked as it is typed:
 * the format, a real date, on the right side of now (when the field asks for it and the value changed),
 * not before the start it is linked to. A valid entry is spelled out next to it.
 */
public final class DateField extends TextField {
  /** Which side of "now" a newly typed value must be on. */
  public enum Bound { ANY, NOT_PAST, NOT_FUTURE }

  private final ZoneId zone;
  private final Clock clock;
  private final Bound bound;
  private String blankMeaning = Display.NONE;
  private DateField start;
  private DateField end;

  public DateField(String key, String label, boolean required, Instant initial, ZoneId zone, Clock clock,
      Bound bound) {
    super(key, label, required, initial == null ? null : Display.dateTime(initial, zone), 18);
    this.zone = zone;
    this.clock = clock;
    this.bound = bound;
    box().setTextChangeListener((text, byUser) -> {
      check();
      if (end != null) {
        end.check();
      }
    });
  }

  /** What a blank field means, for the confirmation summary (e.g. "now"). */
  public DateField whenBlank(String meaning) {
    this.blankMeaning = meaning;
    return this;
  }

  /** This field is the end of a period starting at {@code startField}. */
  public DateField endOf(DateField startField) {
    this.start = startField;
    startField.end = this;
    return this;
  }

  /** {@link TextField#rebase} for a date. */
  public void rebase(Instant current) {
    rebase(current == null ? null : Display.dateTime(current, zone));
    check();
  }

  /** The instant typed, or null when blank or not valid. */
  public Instant instant() {
    return DateInput.read(box().getText(), zone).instant();
  }

  /** Whether the text is blank or a valid date (errors are shown by {@link #check}). */
  public boolean check() {
    DateInput.Reading reading = DateInput.read(box().getText(), zone);
    if (!reading.ok()) {
      error(reading.problem());
      return false;
    }
    Instant at = reading.instant();
    if (at == null) {
      if (required()) {
        hint(DateInput.FORMAT);
      } else {
        clearError();
      }
      return true;
    }
    if (bound == Bound.NOT_PAST && changed() && at.isBefore(clock.instant())) {
      error("cannot be in the past");
      return false;
    }
    if (bound == Bound.NOT_FUTURE && changed() && at.isAfter(clock.instant())) {
      error("cannot be in the future");
      return false;
    }
    Instant from = start == null ? null : start.instant();
    if (from != null && at.isBefore(from)) {
      error("cannot be before the start");
      return false;
    }
    hint("= " + DateInput.spelled(at, zone));
    return true;
  }

  @Override
  public String summaryValue() {
    Instant at = instant();
    return at == null ? blankMeaning : Display.dateTime(at, zone) + " (" + zone.getId() + ")";
  }
}
