package com.epicevents.crm.application.port.out;

/**
 * The state of webhook delivery for {@code crm admin status}: attempts due now, attempts
 * scheduled later (retries), subscriptions currently failing, and disabled ones.
 */
public record WebhookBacklog(long due, long scheduled, long failingSubscriptions, long disabledSubscriptions) {}
