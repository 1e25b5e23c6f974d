package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.webhook_deliveries with its event's type (and body, when claimed). */
public record WebhookDeliveryRow(
    Long id, Long subscriptionId, String eventId, String eventType, Integer attempt, String status,
    Integer responseStatus, String error, Integer durationMs, Instant at, Instant nextAttemptAt, String body) {}
