package com.epicevents.crm.application.port.out;

/**
 * Failed-login counters per username key (lower-cased), shared by every process through the
 * database. {@link #find} locks the row until the transaction ends, so concurrent attempts count.
 */
public interface LoginAttemptStore {
  LoginAttempts find(String usernameKey);

  void save(String usernameKey, LoginAttempts attempts);
}
