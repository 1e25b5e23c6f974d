package com.epicevents.crm.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Webhook subscriptions and their delivery queue/log. Calls join the caller's transaction.
 * Several processes share one store: {@link #claimDue} hands each due attempt to one caller only.
 */
public interface WebhookStore {
  WebhookSubscription insert(WebhookSubscription subscription);

  Optional<WebhookSubscription> find(long id);

  /** As {@link #find}, locking the row until the transaction ends (the delivery worker's read). */
  Optional<WebhookSubscription> findForUpdate(long id);

  Page<WebhookSubscription> list(PageRequest page);

  /**
   * Saves every field of the subscription if its version is still the one read; returns it as
   * stored (new version), or throws ConcurrentModification.
   */
  WebhookSubscription update(WebhookSubscription subscription);

  /** Queues an event (body as serialised JSON) for one subscription, due at {@code at}; returns the event id. */
  String queue(long subscriptionId, String type, Instant at, Object data);

  Page<WebhookDelivery> deliveries(long subscriptionId, String status, PageRequest page);

  Optional<WebhookDelivery> delivery(long subscriptionId, long deliveryId);

  /** Queues attempt number {@code attempt} of an event to a subscription, due at {@code at}. */
  WebhookDelivery requeue(long subscriptionId, String eventId, int attempt, Instant at);

  /**
   * Claims up to {@code max} attempts due at {@code now} (pending, or sending whose claim has
   * expired after a crash), marking them sending until {@code now + lease}.
   */
  List<DueDelivery> claimDue(Instant now, Duration lease, int max);

  /** Writes an attempt's outcome into the delivery log. */
  void finish(long deliveryId, String status, Integer responseStatus, String error, int durationMs, Instant at);

  WebhookBacklog backlog(Instant now);
}
