package com.epicevents.crm.domain.event;

import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;

/** When an event takes place; both ends optional until known. Rule 4: end ≥ start. */
public record Schedule(Instant startAt, Instant endAt) {
  public static final Schedule UNKNOWN = new Schedule(null, null);

  public Schedule {
    if (startAt != null && endAt != null && endAt.isBefore(startAt)) {
      throw ValidationFailed.of("endAt", "cannot be before the start");
    }
  }
}
