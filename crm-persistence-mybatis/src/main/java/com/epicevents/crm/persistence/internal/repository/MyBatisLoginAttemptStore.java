package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.LoginAttempts;
import com.epicevents.crm.persistence.internal.mapper.LoginAttemptMapper;
import com.epicevents.crm.persistence.internal.mapper.LoginAttemptRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Failed-login counters in crm.login_attempts. {@link #find} locks the row until the unit of
 * work ends (creating it first if needed), so concurrent attempts on one name count one by one.
 */
public final class MyBatisLoginAttemptStore implements LoginAttemptStore {
  /** The column's width; longer keys (anything typed as a user name) are stored as their hash. */
  static final int KEY_MAX = 100;
  private final MyBatisTransactions tx;

  public MyBatisLoginAttemptStore(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public LoginAttempts find(String usernameKey) {
    String key = storedKey(usernameKey);
    LoginAttemptRow row = tx.withMapper(LoginAttemptMapper.class, m -> {
      m.ensure(key);
      return m.lock(key);
    });
    int failures = row.consecutiveFailures() == null ? 0 : row.consecutiveFailures();
    if (failures == 0 && row.lastFailureAt() == null && row.lockedUntil() == null) {
      return LoginAttempts.NONE;
    }
    return new LoginAttempts(failures, row.lastFailureAt(), row.lockedUntil());
  }

  @Override
  public void save(String usernameKey, LoginAttempts attempts) {
    Objects.requireNonNull(attempts, "attempts");
    LoginAttemptRow row = new LoginAttemptRow(storedKey(usernameKey), attempts.consecutiveFailures(),
        micros(attempts.lastFailureAt()), micros(attempts.lockedUntil()));
    tx.withMapper(LoginAttemptMapper.class, m -> m.upsert(row));
  }

  /**
   * Keys longer than the column, or holding a NUL (which PostgreSQL text cannot), become
   * "sha256:" + hex: still one counter per distinct name, whatever was typed.
   */
  static String storedKey(String usernameKey) {
    Objects.requireNonNull(usernameKey, "usernameKey");
    if (usernameKey.length() <= KEY_MAX && usernameKey.indexOf('\u0000') < 0) {
      return usernameKey;
    }
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(usernameKey.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
