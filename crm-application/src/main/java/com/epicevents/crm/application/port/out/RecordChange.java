package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.audit.EntityType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A committed-to-be change of a record, as the use case announces it: what changed (field
 * names only, never values), the record's new version, and the record as management reads it
 * (a {@code ClientView}, {@code ContractView}, {@code EventView} or {@code CollaboratorView}),
 * which becomes the {@code data} of the webhook event.
 *
 * @param eventType the webhook event type ({@code client.updated} …), or null when this change
 *     is announced on the feed only
 */
public record RecordChange(
    Instant at, Long actorId, EntityType entityType, long entityId, String action, long version,
    List<String> changedFields, String eventType, Object record) {

  public RecordChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(entityType, "entityType");
    Objects.requireNonNull(action, "action");
    changedFields = List.copyOf(changedFields);
  }
}
