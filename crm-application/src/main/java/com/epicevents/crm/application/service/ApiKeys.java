package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import java.security.SecureRandom;

/**
 * New API keys: {@code crm_<8-char public prefix>_<43 random base62 characters>} (their shape is
 * {@link AuthToken#wellFormedApiKey}). The secret part carries about 256 bits; the prefix is stored
 * in clear so a key can be recognised in lists and logs, the whole key only as its SHA-256.
 */
final class ApiKeys {
  static final int PREFIX_LENGTH = 8;
  static final int SECRET_LENGTH = 43;
  private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  static String newPrefix() {
    return random(PREFIX_LENGTH);
  }

  static String newKey(String prefix) {
    return AuthToken.API_KEY_MARK + prefix + "_" + random(SECRET_LENGTH);
  }

  private static String random(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62[RANDOM.nextInt(BASE62.length)]);
    }
    return out.toString();
  }
}
