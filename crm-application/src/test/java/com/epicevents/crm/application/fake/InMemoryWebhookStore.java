package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.DueDelivery;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.WebhookBacklog;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookStore;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.error.ConcurrentModification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook subscriptions and deliveries in memory. Event bodies are {@code {"id","type","data"}}
 * with the data's {@code toString()}: the JSON shape of the data is the HTTP adapter's business.
 */
public final class InMemoryWebhookStore implements WebhookStore {
  /** A queued event: its type and the exact body every attempt sends. */
  public record StoredEvent(String type, String body) {}

  private static final AtomicLong EVENT_IDS = new AtomicLong();
  private final InMemoryStore store;

  InMemoryWebhookStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public WebhookSubscription insert(WebhookSubscription s) {
    return store.locked(() -> {
      long id = store.nextId();
      WebhookSubscription stored = new WebhookSubscription(id, s.url(), s.eventTypes(), s.description(), s.active(),
          s.secret(), s.previousSecret(), s.previousSecretUntil(), s.failingSince(), s.disabledReason(),
          s.createdAt(), s.updatedAt(), 1);
      store.webhooks.put(id, stored);
      return stored;
    });
  }

  @Override
  public Optional<WebhookSubscription> find(long id) {
    return store.locked(() -> Optional.ofNullable(store.webhooks.get(id)));
  }

  @Override
  public Optional<WebhookSubscription> findForUpdate(long id) {
    return find(id);
  }

  @Override
  public Page<WebhookSubscription> list(PageRequest page) {
    return store.locked(() -> Paging.page(store.webhooks, s -> true, page, WebhookSubscription::id));
  }

  @Override
  public WebhookSubscription update(WebhookSubscription s) {
    return store.locked(() -> {
      WebhookSubscription current = store.webhooks.get(s.id());
      if (current == null || current.version() != s.version()) {
        throw new ConcurrentModification("WEBHOOK", s.id(), current);
      }
      WebhookSubscription stored = new WebhookSubscription(s.id(), s.url(), s.eventTypes(), s.description(),
          s.active(), s.secret(), s.previousSecret(), s.previousSecretUntil(), s.failingSince(), s.disabledReason(),
          s.createdAt(), s.updatedAt(), s.version() + 1);
      store.webhooks.put(s.id(), stored);
      return stored;
    });
  }

  @Override
  public String queue(long subscriptionId, String type, Instant at, Object data) {
    return store.locked(() -> {
      String id = "evt_fake" + EVENT_IDS.incrementAndGet();
      store.webhookEvents.put(id, new StoredEvent(type,
          "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"data\":\"" + data + "\"}"));
      requeue(subscriptionId, id, 1, at);
      return id;
    });
  }

  @Override
  public Page<WebhookDelivery> deliveries(long subscriptionId, String status, PageRequest page) {
    return store.locked(() -> Paging.page(store.deliveries,
        d -> d.subscriptionId() == subscriptionId && (status == null || status.equals(d.status())),
        page, WebhookDelivery::id));
  }

  @Override
  public Optional<WebhookDelivery> delivery(long subscriptionId, long deliveryId) {
    return store.locked(() -> Optional.ofNullable(store.deliveries.get(deliveryId))
        .filter(d -> d.subscriptionId() == subscriptionId));
  }

  @Override
  public WebhookDelivery requeue(long subscriptionId, String eventId, int attempt, Instant at) {
    return store.locked(() -> {
      long id = store.nextId();
      WebhookDelivery d = new WebhookDelivery(id, subscriptionId, eventId, store.webhookEvents.get(eventId).type(),
          attempt, WebhookDelivery.PENDING, null, null, null, null, at);
      store.deliveries.put(id, d);
      return d;
    });
  }

  @Override
  public List<DueDelivery> claimDue(Instant now, Duration lease, int max) {
    return store.locked(() -> {
      List<DueDelivery> claimed = new ArrayList<>();
      List<WebhookDelivery> due = store.deliveries.values().stream()
          .filter(d -> (d.status().equals(WebhookDelivery.PENDING) || d.status().equals(WebhookDelivery.SENDING))
              && !d.nextAttemptAt().isAfter(now) && store.webhooks.get(d.subscriptionId()).active())
          .sorted(Comparator.comparing(WebhookDelivery::nextAttemptAt))
          .limit(max)
          .toList();
      for (WebhookDelivery d : due) {
        store.deliveries.put(d.id(), new WebhookDelivery(d.id(), d.subscriptionId(), d.eventId(), d.eventType(),
            d.attempt(), WebhookDelivery.SENDING, null, null, null, null, now.plus(lease)));
        claimed.add(new DueDelivery(d.id(), d.attempt(), d.eventId(), d.eventType(),
            store.webhookEvents.get(d.eventId()).body(), store.webhooks.get(d.subscriptionId())));
      }
      return claimed;
    });
  }

  @Override
  public void finish(long deliveryId, String status, Integer responseStatus, String error, int durationMs, Instant at) {
    store.locked(() -> {
      WebhookDelivery d = store.deliveries.get(deliveryId);
      store.deliveries.put(deliveryId, new WebhookDelivery(d.id(), d.subscriptionId(), d.eventId(), d.eventType(),
          d.attempt(), status, responseStatus, error, durationMs, at, null));
      return null;
    });
  }

  @Override
  public WebhookBacklog backlog(Instant now) {
    return store.locked(() -> {
      long due = store.deliveries.values().stream().filter(d -> isQueued(d) && !d.nextAttemptAt().isAfter(now)).count();
      long later = store.deliveries.values().stream().filter(d -> isQueued(d) && d.nextAttemptAt().isAfter(now)).count();
      long failing = store.webhooks.values().stream().filter(s -> s.active() && s.failingSince() != null).count();
      long disabled = store.webhooks.values().stream().filter(s -> !s.active()).count();
      return new WebhookBacklog(due, later, failing, disabled);
    });
  }

  /** The exact body queued for an event. */
  public String body(String eventId) {
    return store.locked(() -> store.webhookEvents.get(eventId).body());
  }

  private static boolean isQueued(WebhookDelivery d) {
    return d.status().equals(WebhookDelivery.PENDING) || d.status().equals(WebhookDelivery.SENDING);
  }

  Map<Long, WebhookSubscription> subscriptions() {
    return store.webhooks;
  }
}
