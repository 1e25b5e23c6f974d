package com.epicevents.crm.persistence;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals webhook signing secrets at rest with AES-256-GCM under a key kept outside the database
 * (the {@code webhooks.secret-key} setting), so that a database dump alone does not reveal them.
 * Hashing, as for session tokens, is not possible: the CRM needs the secret itself to sign.
 * Stored form: {@code v1:} base64(12-byte nonce ‖ ciphertext ‖ tag).
 */
public final class SecretBox {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] AAD = "crm-webhook-secret".getBytes(StandardCharsets.US_ASCII);
  private final SecretKeySpec key;

  /** @param key 32 bytes */
  public SecretBox(byte[] key) {
    if (key == null || key.length != 32) {
      throw new IllegalArgumentException("the webhook secret key must be 32 bytes (base64 of 32 random bytes)");
    }
    this.key = new SecretKeySpec(key.clone(), "AES");
  }

  public String seal(String secret) {
    try {
      byte[] nonce = new byte[12];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD(AAD);
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return "v1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  public String open(String stored) {
    if (stored == null) {
      return null;
    }
    if (!stored.startsWith("v1:")) {
      throw new IllegalStateException("a webhook secret is not in a known sealed form");
    }
    try {
      byte[] all = Base64.getDecoder().decode(stored.substring(3));
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
      cipher.updateAAD(AAD);
      return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("a webhook secret cannot be opened: is webhooks.secret-key the key it was"
          + " sealed with?");
    }
  }

}
