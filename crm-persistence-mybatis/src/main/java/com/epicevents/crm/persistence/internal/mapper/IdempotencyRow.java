package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.idempotency_records. */
public record IdempotencyRow(
    Long ownerId, String idempotencyKey, String fingerprint, Integer status, String contentType, String location,
    String etag, byte[] body, Instant createdAt) {}
