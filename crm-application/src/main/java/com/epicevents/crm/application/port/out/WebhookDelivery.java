package com.epicevents.crm.application.port.out;

import java.time.Instant;

/**
 * One delivery attempt of one event to one subscription, as the delivery log shows it.
 * {@code status}: pending, sending, succeeded or failed.
 */
public record WebhookDelivery(
    long id, long subscriptionId, String eventId, String eventType, int attempt, String status,
    Integer responseStatus, String error, Integer durationMs, Instant at, Instant nextAttemptAt) {

  public static final String PENDING = "pending";
  public static final String SENDING = "sending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";
}
