package com.epicevents.crm.bootstrap.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An independent verifier of Standard Webhooks signatures: a port of the reference Java library's
 * {@code com.standardwebhooks.WebhookBase#verify} (github.com/standard-webhooks/standard-webhooks,
 * libraries/java, MIT License), kept as written there except that "now" is a parameter (the tests
 * drive the CRM with a test clock) and exceptions are one local type. It shares no code with the
 * CRM's signer.
 */
final class StandardWebhooksVerifier {
  static final String SECRET_PREFIX = "whsec_";
  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final int TOLERANCE_IN_SECONDS = 5 * 60;

  private final byte[] key;

  StandardWebhooksVerifier(String secret) {
    String sec = secret;
    if (sec.startsWith(SECRET_PREFIX)) {
      sec = sec.substring(SECRET_PREFIX.length());
    }
    this.key = Base64.getDecoder().decode(sec);
    if (this.key.length == 0) {
      throw new VerificationFailed("Webhook secret should not be empty");
    }
  }

  static final class VerificationFailed extends RuntimeException {
    VerificationFailed(String message) {
      super(message);
    }
  }

  void verify(String payload, Map<String, List<String>> headers, long nowSeconds) {
    String msgId = firstHeader(headers, "webhook-id");
    String msgSignature = firstHeader(headers, "webhook-signature");
    String msgTimestamp = firstHeader(headers, "webhook-timestamp");
    if (msgId == null || msgSignature == null || msgTimestamp == null) {
      throw new VerificationFailed("Missing required headers");
    }
    long timestamp = verifyTimestamp(msgTimestamp, nowSeconds);
    String expectedSignature = sign(msgId, timestamp, payload).split(",")[1];
    for (String versionedSignature : msgSignature.split(" ")) {
      String[] sigParts = versionedSignature.split(",");
      if (sigParts.length < 2) {
        continue;
      }
      if (!sigParts[0].equals("v1")) {
        continue;
      }
      if (MessageDigest.isEqual(sigParts[1].getBytes(), expectedSignature.getBytes())) {
        return;
      }
    }
    throw new VerificationFailed("No matching signature found");
  }

  private static String firstHeader(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(name)) {
        List<String> values = entry.getValue();
        if (values != null && !values.isEmpty()) {
          return values.get(0);
        }
      }
    }
    return null;
  }

  String sign(String msgId, long timestamp, String payload) {
    try {
      String toSign = String.format("%s.%s.%s", msgId, timestamp, payload);
      Mac hmac = Mac.getInstance(HMAC_SHA256);
      hmac.init(new SecretKeySpec(this.key, HMAC_SHA256));
      byte[] macData = hmac.doFinal(toSign.getBytes(StandardCharsets.UTF_8));
      return String.format("v1,%s", Base64.getEncoder().encodeToString(macData));
    } catch (InvalidKeyException | NoSuchAlgorithmException e) {
      throw new VerificationFailed(e.getMessage());
    }
  }

  private static long verifyTimestamp(String timestampHeader, long now) {
    long timestamp;
    try {
      timestamp = Long.parseLong(timestampHeader);
    } catch (NumberFormatException e) {
      throw new VerificationFailed("Invalid Signature Headers");
    }
    if (timestamp < (now - TOLERANCE_IN_SECONDS)) {
      throw new VerificationFailed("Message timestamp too old");
    }
    if (timestamp > (now + TOLERANCE_IN_SECONDS)) {
      throw new VerificationFailed("Message timestamp too new");
    }
    return timestamp;
  }
}
