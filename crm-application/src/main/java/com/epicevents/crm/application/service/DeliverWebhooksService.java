package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.DeliverWebhooksUseCase;
import com.epicevents.crm.application.port.out.DueDelivery;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSender;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One step of the delivery worker. Claiming commits before anything is sent (attempts are
 * marked {@code sending} for {@link #LEASE}), so no transaction or connection stays open
 * during an HTTP call and another process never claims the same attempt while it is in
 * flight. A process killed mid-attempt leaves it {@code sending}; once the lease expires
 * another worker sends it again (at least once: receivers de-duplicate on {@code webhook-id}).
 */
final class DeliverWebhooksService implements DeliverWebhooksUseCase {
  /** Delays before attempts 2 to 8; after the 8th attempt fails the delivery is failed for good. */
  static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
      Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
  static final double JITTER = 0.10;
  /** Longer than the sender's 10 s timeout plus logging, so a live worker always finishes first. */
  static final Duration LEASE = Duration.ofSeconds(30);
  /** A subscription whose deliveries have all failed for this long is disabled. */
  static final Duration GIVE_UP_AFTER = Duration.ofDays(5);

  private final CorePorts ports;
  private final Guard guard;
  private final WebhookUrls urls;
  private final Supplier<RandomGenerator> random;

  public DeliverWebhooksService(CorePorts ports, Supplier<RandomGenerator> random) {
    this.ports = ports;
    this.guard = new Guard(ports);
    this.urls = new WebhookUrls(ports.hostResolver(), ports.webhookSettings().allowPrivateNetworks());
    this.random = random;
  }

  @Override
  public int deliverDue(int max) {
    Instant now = guard.now();
    List<DueDelivery> claimed = ports.transactions().inTransaction(() -> ports.webhooks().claimDue(now, LEASE, max));
    for (DueDelivery delivery : claimed) {
      deliver(delivery);
    }
    return claimed.size();
  }

  private void deliver(DueDelivery delivery) {
    WebhookSubscription subscription = delivery.subscription();
    Instant startedAt = guard.now();
    WebhookSender.Outcome outcome;
    Optional<String> refused;
    URI url = null;
    try {
      url = WebhookUrls.parse(subscription.url());
      refused = urls.refusal(url); // again at delivery: DNS answers can change after subscription
    } catch (ValidationFailed invalid) {
      refused = Optional.of("the URL is no longer valid");
    }
    if (refused.isPresent()) {
      outcome = new WebhookSender.Outcome(null, null, "not sent: " + refused.get(), 0);
    } else {
      outcome = ports.webhookSender().send(url, delivery.eventId(), startedAt.getEpochSecond(), delivery.body(),
          subscription.signingSecrets(startedAt));
    }
    record(delivery, outcome, startedAt);
  }

  private void record(DueDelivery delivery, WebhookSender.Outcome outcome, Instant at) {
    long subscriptionId = delivery.subscription().id();
    boolean success = outcome.status() != null && outcome.status() >= 200 && outcome.status() < 300;
    boolean gone = outcome.status() != null && outcome.status() == 410;
    String error = success ? null : outcome.error() != null ? outcome.error()
        : "the receiver answered " + outcome.status() + responseStart(outcome.responseStart());
    Instant finishedAt = guard.now();
    ports.transactions().inTransaction(() -> {
      ports.webhooks().finish(delivery.deliveryId(), success ? WebhookDelivery.SUCCEEDED : WebhookDelivery.FAILED,
          outcome.status(), error, outcome.durationMs(), at);
      WebhookSubscription current = ports.webhooks().findForUpdate(subscriptionId).orElseThrow();
      if (success) {
        if (current.failingSince() != null) {
          ports.webhooks().update(withFailure(current, null, current.active(), current.disabledReason(), finishedAt));
        }
        return null;
      }
      if (gone) {
        disable(current, "the receiver answered 410 Gone", finishedAt);
        return null;
      }
      Instant failingSince = current.failingSince() == null ? at : current.failingSince();
      if (!Duration.between(failingSince, finishedAt).minus(GIVE_UP_AFTER).isNegative()) {
        disable(withFailure(current, failingSince, current.active(), current.disabledReason(), finishedAt),
            "every delivery failed for 5 days", finishedAt);
        return null;
      }
      if (current.failingSince() == null) {
        ports.webhooks().update(withFailure(current, failingSince, current.active(), current.disabledReason(),
            finishedAt));
      }
      if (delivery.attempt() <= RETRY_DELAYS.size() && current.active()) {
        ports.webhooks().requeue(subscriptionId, delivery.eventId(), delivery.attempt() + 1,
            finishedAt.plus(jittered(RETRY_DELAYS.get(delivery.attempt() - 1))));
      }
      return null;
    });
  }

  /** The start of a failed response (at most 4 KiB read), control characters shown as spaces. */
  private static String responseStart(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String shown = body.length() > 4096 ? body.substring(0, 4096) : body;
    return ": " + shown.replaceAll("\\p{Cntrl}", " ").strip();
  }

  /** The delay ±10 %, uniformly. */
  Duration jittered(Duration delay) {
    double factor = 1 + (random.get().nextDouble() * 2 - 1) * JITTER;
    return Duration.ofMillis(Math.round(delay.toMillis() * factor));
  }

  private void disable(WebhookSubscription current, String reason, Instant now) {
    if (!current.active()) {
      return;
    }
    ports.webhooks().update(withFailure(current, current.failingSince(), false, reason, now));
    guard.audit((Long) null, "DISABLED", EntityType.WEBHOOK, current.id(), new Changes()
        .field("active", true, false).field("reason", null, reason));
  }

  private static WebhookSubscription withFailure(
      WebhookSubscription s, Instant failingSince, boolean active, String disabledReason, Instant now) {
    return new WebhookSubscription(s.id(), s.url(), s.eventTypes(), s.description(), active, s.secret(),
        s.previousSecret(), s.previousSecretUntil(), failingSince, disabledReason, s.createdAt(), now, s.version());
  }
}
