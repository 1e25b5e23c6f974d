package com.epicevents.crm.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The outcome of one request sent with an idempotency key, scoped to the credential's owner.
 *
 * @param fingerprint what identifies the request (the HTTP adapter: SHA-256 of method, path and body)
 */
public record IdempotencyRecord(long ownerId, String key, String fingerprint, RecordedResponse response,
    Instant createdAt) {
  public IdempotencyRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
