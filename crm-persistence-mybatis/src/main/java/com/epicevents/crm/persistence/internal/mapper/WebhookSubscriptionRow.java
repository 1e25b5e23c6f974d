package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.webhook_subscriptions; secrets sealed, event types comma-separated. */
public record WebhookSubscriptionRow(
    Long id, String url, String eventTypes, String description, Boolean active, String secretSealed,
    String previousSecretSealed, Instant previousSecretUntil, Instant failingSince, String disabledReason,
    Instant createdAt, Instant updatedAt, Long version) {}
