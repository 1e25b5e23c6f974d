package com.epicevents.crm.application.port.out;

/** A delivery a worker has claimed: the attempt, the exact body to send, and its subscription. */
public record DueDelivery(long deliveryId, int attempt, String eventId, String eventType, String body,
    WebhookSubscription subscription) {}
