package com.epicevents.crm.application.port.out;

import java.net.URI;
import java.util.List;

/**
 * Sends one webhook attempt: a POST of {@code body} (UTF-8, exactly these bytes) to {@code url},
 * signed as Standard Webhooks with every secret in {@code secrets} ({@code webhook-id},
 * {@code webhook-timestamp}, {@code webhook-signature}). Never follows redirects; never throws
 * for a network failure (the outcome says so).
 */
public interface WebhookSender {
  Outcome send(URI url, String eventId, long timestampSeconds, String body, List<String> secrets);

  /**
   * @param status the HTTP status, or null when no response came (then {@code error} says why)
   * @param responseStart up to 4 KiB of the response body, for the delivery log
   */
  record Outcome(Integer status, String responseStart, String error, int durationMs) {}
}
