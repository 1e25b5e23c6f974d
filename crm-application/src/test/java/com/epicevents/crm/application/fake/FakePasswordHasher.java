package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A fast salted SHA-256 hasher for tests of the core (Argon2 costs ~50 ms a hash). Its "cost" can
 * be raised to exercise re-hashing on login.
 */
public final class FakePasswordHasher implements PasswordHasher {
  private final SecureRandom random = new SecureRandom();
  private volatile int cost = 1;
  private volatile int hashes;

  @Override
  public String hash(char[] password) {
    hashes++;
    byte[] salt = new byte[8];
    random.nextBytes(salt);
    String saltHex = HexFormat.of().formatHex(salt);
    return "fake$" + cost + "$" + saltHex + "$" + digest(saltHex, password);
  }

  @Override
  public boolean verify(char[] password, String encodedHash) {
    String[] parts = encodedHash.split("\\$");
    if (parts.length != 4 || !parts[0].equals("fake")) {
      return false;
    }
    return MessageDigest.isEqual(parts[3].getBytes(StandardCharsets.US_ASCII),
        digest(parts[2], password).getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public boolean needsRehash(String encodedHash) {
    String[] parts = encodedHash.split("\\$");
    return parts.length != 4 || Integer.parseInt(parts[1]) < cost;
  }

  public void raiseCost(int newCost) {
    cost = newCost;
  }

  public int hashesMade() {
    return hashes;
  }

  private static String digest(String salt, char[] password) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(salt.getBytes(StandardCharsets.US_ASCII));
      md.update(new String(password).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
