package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.LoginAttempts;

public final class InMemoryLoginAttemptStore implements LoginAttemptStore {
  private final InMemoryStore store;

  InMemoryLoginAttemptStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public LoginAttempts find(String usernameKey) {
    return store.locked(() -> store.loginAttempts.getOrDefault(usernameKey, LoginAttempts.NONE));
  }

  @Override
  public void save(String usernameKey, LoginAttempts attempts) {
    store.locked(() -> store.loginAttempts.put(usernameKey, attempts));
  }
}
