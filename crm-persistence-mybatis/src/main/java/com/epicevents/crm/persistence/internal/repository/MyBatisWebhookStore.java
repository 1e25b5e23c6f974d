package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.persistence.WebhookBodies;
import com.epicevents.crm.persistence.SecretBox;
import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.DueDelivery;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.WebhookBacklog;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookStore;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.persistence.PostgresChangeSignals;
import com.epicevents.crm.persistence.internal.mapper.ChangeMapper;
import com.epicevents.crm.persistence.internal.mapper.WebhookDeliveryRow;
import com.epicevents.crm.persistence.internal.mapper.WebhookMapper;
import com.epicevents.crm.persistence.internal.mapper.WebhookSubscriptionRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Webhook subscriptions (secrets sealed by {@link SecretBox}), events and the delivery queue/log.
 * Queueing notifies the delivery workers (delivered on commit).
 */
public final class MyBatisWebhookStore implements WebhookStore {
  private final MyBatisTransactions tx;
  private final WebhookBodies bodies;
  private final Supplier<SecretBox> box;

  /** @param box the secret box; asked for only when a secret is sealed or opened */
  public MyBatisWebhookStore(MyBatisTransactions tx, WebhookBodies bodies, Supplier<SecretBox> box) {
    this.tx = tx;
    this.bodies = bodies;
    this.box = box;
  }

  @Override
  public WebhookSubscription insert(WebhookSubscription s) {
    SecretBox secrets = box.get();
    long id = tx.withMapper(WebhookMapper.class, m -> m.insert(new WebhookSubscriptionRow(null, s.url(),
        String.join(",", s.eventTypes()), s.description(), s.active(), secrets.seal(s.secret()), null, null, null,
        null, micros(s.createdAt()), micros(s.updatedAt()), null)));
    return find(id).orElseThrow();
  }

  @Override
  public Optional<WebhookSubscription> find(long id) {
    return Optional.ofNullable(tx.withMapper(WebhookMapper.class, m -> m.find(id))).map(this::toSubscription);
  }

  @Override
  public Optional<WebhookSubscription> findForUpdate(long id) {
    return Optional.ofNullable(tx.withMapper(WebhookMapper.class, m -> m.findForUpdate(id))).map(this::toSubscription);
  }

  @Override
  public Page<WebhookSubscription> list(PageRequest page) {
    var rows = tx.withMapper(WebhookMapper.class, m -> m.list(page.after(), page.limit() + 1));
    return Page.fromRows(rows, page.limit(), WebhookSubscriptionRow::id).map(this::toSubscription);
  }

  @Override
  public WebhookSubscription update(WebhookSubscription s) {
    SecretBox secrets = box.get();
    int updated = tx.withMapper(WebhookMapper.class, m -> m.update(new WebhookSubscriptionRow(s.id(), s.url(),
        String.join(",", s.eventTypes()), s.description(), s.active(), secrets.seal(s.secret()),
        s.previousSecret() == null ? null : secrets.seal(s.previousSecret()), micros(s.previousSecretUntil()),
        micros(s.failingSince()), s.disabledReason(), micros(s.createdAt()), micros(s.updatedAt()), s.version())));
    if (updated == 0) {
      throw new ConcurrentModification("WEBHOOK", s.id(), find(s.id()).orElse(null));
    }
    return find(s.id()).orElseThrow();
  }

  @Override
  public String queue(long subscriptionId, String type, Instant at, Object data) {
    String eventId = WebhookBodies.newEventId();
    Instant when = micros(at);
    tx.withMapper(WebhookMapper.class, m -> {
      m.insertEvent(eventId, type, when, bodies.write(eventId, type, when, data));
      return m.queue(subscriptionId, eventId, 1, when);
    });
    wakeWorkers();
    return eventId;
  }

  @Override
  public Page<WebhookDelivery> deliveries(long subscriptionId, String status, PageRequest page) {
    var rows = tx.withMapper(WebhookMapper.class,
        m -> m.deliveries(subscriptionId, status, page.after(), page.limit() + 1));
    return Page.fromRows(rows, page.limit(), WebhookDeliveryRow::id).map(MyBatisWebhookStore::toDelivery);
  }

  @Override
  public Optional<WebhookDelivery> delivery(long subscriptionId, long deliveryId) {
    return Optional.ofNullable(tx.withMapper(WebhookMapper.class, m -> m.delivery(subscriptionId, deliveryId)))
        .map(MyBatisWebhookStore::toDelivery);
  }

  @Override
  public WebhookDelivery requeue(long subscriptionId, String eventId, int attempt, Instant at) {
    long id = tx.withMapper(WebhookMapper.class, m -> m.queue(subscriptionId, eventId, attempt, micros(at)));
    wakeWorkers();
    return delivery(subscriptionId, id).orElseThrow();
  }

  /** The NOTIFY that wakes the delivery workers (and the feed), sent when the queued attempt commits. */
  private void wakeWorkers() {
    tx.withMapper(ChangeMapper.class, m -> m.notifyListeners(PostgresChangeSignals.QUEUED_DELIVERY));
  }

  @Override
  public List<DueDelivery> claimDue(Instant now, Duration lease, int max) {
    Instant from = micros(now);
    var rows = tx.withMapper(WebhookMapper.class, m -> m.claim(from, from.plus(lease), max));
    return rows.stream().map(r -> new DueDelivery(r.id(), r.attempt(), r.eventId(), r.eventType(), r.body(),
        find(r.subscriptionId()).orElseThrow())).toList();
  }

  @Override
  public void finish(long deliveryId, String status, Integer responseStatus, String error, int durationMs, Instant at) {
    tx.withMapper(WebhookMapper.class, m -> m.finish(deliveryId, status, responseStatus, error, durationMs, micros(at)));
  }

  @Override
  public WebhookBacklog backlog(Instant now) {
    return tx.withMapper(WebhookMapper.class, m -> {
      Map<String, Long> queued = m.queued(micros(now));
      Map<String, Long> states = m.subscriptionStates();
      return new WebhookBacklog(count(queued, "due"), count(queued, "scheduled"), count(states, "failing"),
          count(states, "disabled"));
    });
  }

  private static long count(Map<String, Long> row, String column) {
    Object value = row == null ? null : row.get(column);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private WebhookSubscription toSubscription(WebhookSubscriptionRow r) {
    SecretBox secrets = box.get();
    List<String> types = r.eventTypes() == null || r.eventTypes().isEmpty() ? List.of()
        : Arrays.asList(r.eventTypes().split(","));
    return new WebhookSubscription(r.id(), r.url(), types, r.description(), r.active(),
        secrets.open(r.secretSealed()), secrets.open(r.previousSecretSealed()), r.previousSecretUntil(),
        r.failingSince(), r.disabledReason(), r.createdAt(), r.updatedAt(), r.version());
  }

  private static WebhookDelivery toDelivery(WebhookDeliveryRow r) {
    return new WebhookDelivery(r.id(), r.subscriptionId(), r.eventId(), r.eventType(), r.attempt(), r.status(),
        r.responseStatus(), r.error(), r.durationMs(), r.at(), r.nextAttemptAt());
  }
}
