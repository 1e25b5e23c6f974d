package com.epicevents.crm.application.port.out;

/** One-way password hashing (Argon2id in production). Never logs or keeps the password. */
public interface PasswordHasher {
  /** A self-describing encoded hash (PHC string) with a fresh random salt. */
  String hash(char[] password);

  /** Constant-time check of a password against an encoded hash; false for a malformed hash. */
  boolean verify(char[] password, String encodedHash);

  /** True when the hash was made with weaker parameters than those configured now. */
  boolean needsRehash(String encodedHash);

  /**
   * Throws {@code ServiceBusy} when a check asked for now would be refused because the checks
   * already running and queued fill the capacity; lets a login be refused before it does any
   * other work. A hasher without a capacity limit never throws.
   */
  default void requireCapacity() {}
}
