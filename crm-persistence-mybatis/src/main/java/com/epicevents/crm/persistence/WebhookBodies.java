package com.epicevents.crm.persistence;

import java.security.SecureRandom;
import java.time.Instant;

/**
 * Serialises a webhook event body once, at queue time: {@code {"id","type","occurredAt","data"}}
 * with {@code data} the record as the HTTP API returns it to management. Supplied by whoever
 * wires the adapters (the representation belongs to the HTTP adapter).
 */
@FunctionalInterface
public interface WebhookBodies {
  String write(String eventId, String type, Instant occurredAt, Object data);

  /** {@code evt_} and 26 random base62 characters (over 150 bits). */
  static String newEventId() {
    String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    SecureRandom random = Holder.RANDOM;
    StringBuilder id = new StringBuilder("evt_");
    for (int i = 0; i < 26; i++) {
      id.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return id.toString();
  }

  /** Lazily created, shared. */
  final class Holder {
    static final SecureRandom RANDOM = new SecureRandom();

    private Holder() {}
  }
}
