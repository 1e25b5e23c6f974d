package com.epicevents.crm.http.json;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ChangeRecord;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.access.Scope;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the changes feed and of webhooks (integrations.md §3, §4). */
public final class IntegrationRepresentations {
  private IntegrationRepresentations() {}

  @JsonPropertyOrder({"seq", "at", "entityType", "entityId", "action", "version", "actorId", "changedFields"})
  public record ChangeJson(long seq, String at, String entityType, long entityId, String action, long version,
      Long actorId, List<String> changedFields) {}

  @JsonPropertyOrder({"items", "nextCursor"})
  public record ChangesJson(List<ChangeJson> items, String nextCursor) {}

  @JsonPropertyOrder({"id", "url", "eventTypes", "description", "active", "disabledReason", "failingSince",
      "createdAt", "updatedAt", "version"})
  public record SubscriptionJson(long id, String url, List<String> eventTypes, String description, boolean active,
      String disabledReason, String failingSince, String createdAt, String updatedAt, long version) {}

  @JsonPropertyOrder({"id", "url", "eventTypes", "description", "active", "disabledReason", "failingSince",
      "createdAt", "updatedAt", "version", "secret"})
  public record CreatedSubscriptionJson(long id, String url, List<String> eventTypes, String description,
      boolean active, String disabledReason, String failingSince, String createdAt, String updatedAt, long version,
      String secret) {}

  public record SecretJson(String secret) {}

  @JsonPropertyOrder({"id", "name", "prefix", "ownerId", "ownerName", "scopes", "expiresAt", "createdAt",
      "lastUsedAt", "revokedAt"})
  public record ApiKeyJson(long id, String name, String prefix, long ownerId, String ownerName, List<String> scopes,
      String expiresAt, String createdAt, String lastUsedAt, String revokedAt) {}

  @JsonPropertyOrder({"id", "name", "prefix", "ownerId", "ownerName", "scopes", "expiresAt", "createdAt",
      "lastUsedAt", "revokedAt", "secret"})
  public record CreatedApiKeyJson(long id, String name, String prefix, long ownerId, String ownerName,
      List<String> scopes, String expiresAt, String createdAt, String lastUsedAt, String revokedAt, String secret) {}

  public record QueuedJson(String eventId) {}

  @JsonPropertyOrder({"id", "eventId", "eventType", "attempt", "status", "responseStatus", "error", "durationMs",
      "at", "nextAttemptAt"})
  public record DeliveryJson(long id, String eventId, String eventType, int attempt, String status,
      Integer responseStatus, String error, Integer durationMs, String at, String nextAttemptAt) {}

  @JsonPropertyOrder({"id", "type", "occurredAt", "data"})
  public record EventBodyJson(String id, String type, String occurredAt, Object data) {}

  public static ChangeJson change(ChangeRecord c) {
    return new ChangeJson(c.seq(), instant(c.at()), c.entityType().name(), c.entityId(), c.action(), c.version(),
        c.actorId(), c.changedFields());
  }

  public static SubscriptionJson subscription(WebhookSubscription s) {
    return new SubscriptionJson(s.id(), s.url(), s.eventTypes(), s.description(), s.active(), s.disabledReason(),
        instant(s.failingSince()), instant(s.createdAt()), instant(s.updatedAt()), s.version());
  }

  public static CreatedSubscriptionJson created(WebhookSubscription s, String secret) {
    return new CreatedSubscriptionJson(s.id(), s.url(), s.eventTypes(), s.description(), s.active(),
        s.disabledReason(), instant(s.failingSince()), instant(s.createdAt()), instant(s.updatedAt()), s.version(),
        secret);
  }

  /** A key as lists show it: never the secret (it is not stored). */
  public static ApiKeyJson apiKey(ApiKey k) {
    return new ApiKeyJson(k.id(), k.name(), k.prefix(), k.ownerId().value(), k.ownerName(), scopes(k),
        instant(k.expiresAt()), instant(k.createdAt()), instant(k.lastUsedAt()), instant(k.revokedAt()));
  }

  /** The key just made, with its secret: the only response that ever carries it. */
  public static CreatedApiKeyJson createdKey(ApiKey k, String secret) {
    return new CreatedApiKeyJson(k.id(), k.name(), k.prefix(), k.ownerId().value(), k.ownerName(), scopes(k),
        instant(k.expiresAt()), instant(k.createdAt()), instant(k.lastUsedAt()), instant(k.revokedAt()), secret);
  }

  private static List<String> scopes(ApiKey k) {
    return k.scopes().stream().map(Scope::wireName).sorted().toList();
  }

  public static DeliveryJson delivery(WebhookDelivery d) {
    return new DeliveryJson(d.id(), d.eventId(), d.eventType(), d.attempt(), d.status(), d.responseStatus(),
        d.error(), d.durationMs(), instant(d.at()), instant(d.nextAttemptAt()));
  }

  /**
   * A webhook event's body, serialised once when queued: {@code data} is the record as
   * {@code GET} returns it to management (see {@link Representations#ofAny}), or for other
   * events (ping) the object given.
   */
  public static String webhookBody(String eventId, String type, Instant occurredAt, Object data) {
    Representations.Versioned record = Representations.ofAny(data);
    Object shown = record == null ? data : record.body();
    return new String(Json.write(new EventBodyJson(eventId, type, instant(occurredAt), shown)), StandardCharsets.UTF_8);
  }

  private static String instant(Instant instant) {
    return Representations.instant(instant);
  }
}
