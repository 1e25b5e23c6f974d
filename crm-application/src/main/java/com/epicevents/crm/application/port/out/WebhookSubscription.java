package com.epicevents.crm.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook subscription. {@code secret} is the current signing secret ({@code whsec_…});
 * {@code previousSecret} keeps signing until {@code previousSecretUntil} after a rotation.
 * The store seals secrets at rest; this record holds them in clear and is never logged.
 */
public record WebhookSubscription(
    long id, String url, List<String> eventTypes, String description, boolean active,
    String secret, String previousSecret, Instant previousSecretUntil,
    Instant failingSince, String disabledReason, Instant createdAt, Instant updatedAt, long version) {

  public WebhookSubscription {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    eventTypes = List.copyOf(eventTypes);
  }

  /** Does this subscription want events of this type? */
  public boolean wants(String eventType) {
    return eventTypes.contains("*") || eventTypes.contains(eventType) || "ping".equals(eventType);
  }

  /** The secrets that sign a delivery at {@code now}: the current one, and the previous within its 24 h. */
  public List<String> signingSecrets(Instant now) {
    if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
      return List.of(secret, previousSecret);
    }
    return List.of(secret);
  }

  @Override
  public String toString() {
    return "WebhookSubscription[id=" + id + ", url=" + url + ", active=" + active + ", secrets hidden]";
  }
}
