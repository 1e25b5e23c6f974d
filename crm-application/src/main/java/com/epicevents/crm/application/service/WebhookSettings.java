package com.epicevents.crm.application.service;

/**
 * Webhook settings.
 *
 * @param allowPrivateNetworks when true, URLs resolving to loopback, private, link-local or
 *     multicast addresses are accepted (on-premises receivers, tests); false by default, as
 *     such URLs would let a subscriber reach the CRM's own network (server-side request forgery)
 */
public record WebhookSettings(boolean allowPrivateNetworks) {
  public static final WebhookSettings DEFAULTS = new WebhookSettings(false);
}
