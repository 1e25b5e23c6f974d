package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.WebhookDelivery;
import com.epicevents.crm.application.port.out.WebhookSubscription;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Webhook subscriptions, for management only. Every change is audited (entity type WEBHOOK),
 * never with a secret. A URL must be http(s) and, unless private networks are allowed, resolve
 * only to public addresses.
 */
public interface ManageWebhooksUseCase {
  /** Every event type a subscription may ask for ({@code "*"} means all of them). */
  List<String> EVENT_TYPES = List.of(
      "collaborator.created", "collaborator.updated", "collaborator.deactivated", "collaborator.reactivated",
      "client.created", "client.updated", "client.reassigned",
      "contract.created", "contract.updated", "contract.signed",
      "event.created", "event.updated", "event.support_assigned", "ping");

  /** The subscription and its secret in clear: the only time the secret is handed out. */
  record Created(WebhookSubscription subscription, String secret) {}

  record CreateCommand(String url, List<String> eventTypes, String description) {
    public CreateCommand {
      List<FieldError> errors = new ArrayList<>();
      checkUrl(url, errors);
      eventTypes = checkTypes(eventTypes, errors);
      checkDescription(description, errors);
      if (!errors.isEmpty()) {
        throw new ValidationFailed(errors);
      }
    }
  }

  /** Null fields are left as they are. */
  record UpdateCommand(long id, String url, List<String> eventTypes, String description, Boolean active) {
    public UpdateCommand {
      List<FieldError> errors = new ArrayList<>();
      if (url != null) {
        checkUrl(url, errors);
      }
      if (eventTypes != null) {
        eventTypes = checkTypes(eventTypes, errors);
      }
      checkDescription(description, errors);
      if (!errors.isEmpty()) {
        throw new ValidationFailed(errors);
      }
    }
  }

  Created create(AuthToken token, CreateCommand command);

  Page<WebhookSubscription> list(AuthToken token, PageRequest page);

  WebhookSubscription get(AuthToken token, long id);

  WebhookSubscription update(AuthToken token, UpdateCommand command);

  /** A new secret; the previous one keeps signing for 24 hours. Returns the new secret. */
  String rotateSecret(AuthToken token, long id);

  /** Queues a ping event to this subscription; returns its event id. */
  String test(AuthToken token, long id);

  Page<WebhookDelivery> deliveries(AuthToken token, long id, String status, PageRequest page);

  /**
   * Queues the delivery's event again, due now, as a new series of attempts (attempt 1, with the
   * whole retry schedule ahead of it); same event id and body.
   */
  WebhookDelivery redeliver(AuthToken token, long id, long deliveryId);

  private static void checkUrl(String url, List<FieldError> errors) {
    if (url == null || url.isBlank()) {
      errors.add(new FieldError("url", "is required"));
    } else if (url.length() > 2000) {
      errors.add(new FieldError("url", "must be at most 2000 characters"));
    }
  }

  private static List<String> checkTypes(List<String> types, List<FieldError> errors) {
    if (types == null || types.isEmpty()) {
      errors.add(new FieldError("eventTypes", "must list at least one event type, or [\"*\"] for all"));
      return List.of();
    }
    for (String type : types) {
      if (type == null || (!type.equals("*") && !EVENT_TYPES.contains(type))) {
        errors.add(new FieldError("eventTypes", "unknown event type '" + type + "': use \"*\" or one of "
            + String.join(", ", EVENT_TYPES)));
        return List.of();
      }
    }
    return List.copyOf(Set.copyOf(types)).stream().sorted().toList();
  }

  private static void checkDescription(String description, List<FieldError> errors) {
    if (description != null && description.length() > 500) {
      errors.add(new FieldError("description", "must be at most 500 characters"));
    }
  }
}
