package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.ManageWebhooksUseCase;
import com.epicevents.crm.application.port.out.ClientView;
import com.epicevents.crm.application.port.out.ContractView;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.domain.audit.EntityType;
import java.util.Locale;

/** How an announced change maps to the feed's version and the webhook event type. */
final class Announcements {
  private Announcements() {}

  /** {@code CLIENT} + {@code REASSIGNED} → {@code client.reassigned}; null when no webhook event type exists. */
  static String eventType(EntityType type, String action) {
    String candidate = type.name().toLowerCase(Locale.ROOT) + "." + action.toLowerCase(Locale.ROOT);
    return ManageWebhooksUseCase.EVENT_TYPES.contains(candidate) ? candidate : null;
  }

  static long versionOf(Object record) {
    if (record instanceof ClientView v) {
      return v.client().version();
    }
    if (record instanceof ContractView v) {
      return v.contract().version();
    }
    if (record instanceof EventView v) {
      return v.event().version();
    }
    if (record instanceof CollaboratorView v) {
      return v.version();
    }
    throw new IllegalArgumentException("not an announced record: " + (record == null ? null : record.getClass()));
  }
}
