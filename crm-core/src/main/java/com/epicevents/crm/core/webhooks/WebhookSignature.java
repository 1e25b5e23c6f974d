package com.epicevents.crm.core.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (standardwebhooks.com): for each secret {@code whsec_<base64 key>},
 * {@code v1,<base64 HMAC-SHA256(key, id + "." + timestamp + "." + body)>}, space-separated.
 * Computed over the exact body bytes sent.
 */
public final class WebhookSignature {
  private static final String PREFIX = "whsec_";

  private WebhookSignature() {}

  public static String header(List<String> secrets, String eventId, long timestamp, byte[] body) {
    return secrets.stream().map(s -> "v1," + sign(s, eventId, timestamp, body)).collect(Collectors.joining(" "));
  }

  static String sign(String secret, String eventId, long timestamp, byte[] body) {
    if (!secret.startsWith(PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with whsec_");
    }
    byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      mac.update((eventId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
      mac.update(body);
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
    }
  }
}
