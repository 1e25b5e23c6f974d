package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.EntityType;
import java.time.Instant;
import java.util.List;

/** One item of the changes feed, in commit order by {@code seq}. */
public record ChangeRecord(
    long seq, Instant at, EntityType entityType, long entityId, String action, long version, Long actorId,
    List<String> changedFields) {

  public ChangeRecord {
    changedFields = List.copyOf(changedFields);
  }
}
