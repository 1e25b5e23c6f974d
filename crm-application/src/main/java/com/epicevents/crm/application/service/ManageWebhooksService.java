package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ManageWebhooksUseCase;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * Webhook subscriptions, management only. Each use case: authenticate, policy
 * ({@code MANAGE_WEBHOOKS}), validate (the URL's addresses too), load, change, audit as WEBHOOK
 * — the audit names a rotated secret but never holds one.
 */
final class ManageWebhooksService implements ManageWebhooksUseCase {
  /** How long the previous secret keeps signing after a rotation. */
  static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
  private static final Set<String> STATUSES = Set.of(
      WebhookDelivery.PENDING, WebhookDelivery.SENDING, WebhookDelivery.SUCCEEDED, WebhookDelivery.FAILED);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final CorePorts ports;
  private final Guard guard;
  private final WebhookUrls urls;

  public ManageWebhooksService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
    this.urls = new WebhookUrls(ports.hostResolver(), ports.webhookSettings().allowPrivateNetworks());
  }

  /** A Standard Webhooks secret: {@code whsec_} and the base64 of 32 random bytes (256 bits). */
  static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  @Override
  public Created create(AuthToken token, CreateCommand command) {
    return guard.run(() -> {
      Authenticated who = manager(token, null);
      urls.check(command.url());
      String secret = newSecret();
      Instant now = guard.now();
      WebhookSubscription stored = ports.webhooks().insert(new WebhookSubscription(0, command.url(),
          command.eventTypes(), command.description(), true, secret, null, null, null, null, now, now, 1));
      guard.audit(who, "CREATED", EntityType.WEBHOOK, stored.id(), new Changes()
          .field("url", null, stored.url())
          .field("eventTypes", null, String.join(",", stored.eventTypes()))
          .field("description", null, stored.description())
          .field("active", null, true)
          .secret("secret"));
      return new Created(stored, secret);
    });
  }

  @Override
  public Page<WebhookSubscription> list(AuthToken token, PageRequest page) {
    return guard.run(() -> {
      manager(token, null);
      return ports.webhooks().list(page);
    });
  }

  @Override
  public WebhookSubscription get(AuthToken token, long id) {
    return guard.run(() -> {
      manager(token, id);
      return load(id);
    });
  }

  @Override
  public WebhookSubscription update(AuthToken token, UpdateCommand command) {
    return guard.run(() -> {
      Authenticated who = manager(token, command.id());
      WebhookSubscription current = load(command.id());
      if (command.url() != null) {
        urls.check(command.url());
      }
      String url = command.url() == null ? current.url() : command.url();
      var types = command.eventTypes() == null ? current.eventTypes() : command.eventTypes();
      String description = command.description() == null ? current.description() : command.description();
      boolean active = command.active() == null ? current.active() : command.active();
      boolean reactivated = active && !current.active();
      WebhookSubscription changed = new WebhookSubscription(current.id(), url, types, description, active,
          current.secret(), current.previousSecret(), current.previousSecretUntil(),
          reactivated ? null : current.failingSince(), active ? null : current.disabledReason(),
          current.createdAt(), guard.now(), current.version());
      Changes changes = new Changes()
          .field("url", current.url(), url)
          .field("eventTypes", String.join(",", current.eventTypes()), String.join(",", types))
          .field("description", current.description(), description)
          .field("active", current.active(), active);
      if (changes.isEmpty()) {
        return current;
      }
      WebhookSubscription stored = ports.webhooks().update(changed);
      guard.audit(who, "UPDATED", EntityType.WEBHOOK, stored.id(), changes);
      return stored;
    });
  }

  @Override
  public String rotateSecret(AuthToken token, long id) {
    return guard.run(() -> {
      Authenticated who = manager(token, id);
      WebhookSubscription current = load(id);
      String secret = newSecret();
      Instant now = guard.now();
      ports.webhooks().update(new WebhookSubscription(current.id(), current.url(), current.eventTypes(),
          current.description(), current.active(), secret, current.secret(), now.plus(ROTATION_OVERLAP),
          current.failingSince(), current.disabledReason(), current.createdAt(), now, current.version()));
      guard.audit(who, "SECRET_ROTATED", EntityType.WEBHOOK, id, new Changes()
          .secret("secret").field("previousSecretValidUntil", null, now.plus(ROTATION_OVERLAP)));
      return secret;
    });
  }

  @Override
  public String test(AuthToken token, long id) {
    return guard.run(() -> {
      Authenticated who = manager(token, id);
      WebhookSubscription current = load(id);
      if (!current.active()) {
        throw ValidationFailed.of("active", "the subscription is disabled: activate it before testing it");
      }
      String eventId = ports.webhooks().queue(id, "ping", guard.now(), Map.of("subscriptionId", id));
      guard.audit(who, "PING_QUEUED", EntityType.WEBHOOK, id, new Changes().field("eventId", null, eventId));
      return eventId;
    });
  }

  @Override
  public Page<WebhookDelivery> deliveries(AuthToken token, long id, String status, PageRequest page) {
    if (status != null && !STATUSES.contains(status)) {
      throw ValidationFailed.of("status", "must be one of pending, sending, succeeded, failed");
    }
    return guard.run(() -> {
      manager(token, id);
      load(id);
      return ports.webhooks().deliveries(id, status, page);
    });
  }

  @Override
  public WebhookDelivery redeliver(AuthToken token, long id, long deliveryId) {
    return guard.run(() -> {
      Authenticated who = manager(token, id);
      WebhookSubscription current = load(id);
      if (!current.active()) {
        throw ValidationFailed.of("active", "the subscription is disabled: activate it before redelivering");
      }
      WebhookDelivery delivery = ports.webhooks().delivery(id, deliveryId)
          .orElseThrow(() -> new NotFound("WEBHOOK_DELIVERY", deliveryId));
      WebhookDelivery queued = ports.webhooks().requeue(id, delivery.eventId(), 1, guard.now());
      guard.audit(who, "REDELIVERY_QUEUED", EntityType.WEBHOOK, id, new Changes()
          .field("eventId", null, delivery.eventId()).field("deliveryId", null, queued.id()));
      return queued;
    });
  }

  private Authenticated manager(AuthToken token, Long id) {
    Authenticated who = guard.authenticate(token);
    guard.permit(who, Action.MANAGE_WEBHOOKS, Ownership.NONE, EntityType.WEBHOOK, id);
    return who;
  }

  private WebhookSubscription load(long id) {
    return ports.webhooks().find(id).orElseThrow(() -> new NotFound("WEBHOOK", id));
  }
}
