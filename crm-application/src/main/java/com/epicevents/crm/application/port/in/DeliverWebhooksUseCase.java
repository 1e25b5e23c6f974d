package com.epicevents.crm.application.port.in;

/**
 * The delivery worker's one step: claim the attempts due now, send them, log each outcome and
 * schedule retries (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, each ±10 %), disabling a
 * subscription on 410 Gone or after 5 days of failures.
 */
public interface DeliverWebhooksUseCase {
  /** Sends up to {@code max} due attempts; returns how many it sent. */
  int deliverDue(int max);
}
