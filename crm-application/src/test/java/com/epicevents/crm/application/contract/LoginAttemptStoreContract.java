package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.port.out.LoginAttemptStore;
import com.epicevents.crm.application.port.out.LoginAttempts;
import org.junit.jupiter.api.Test;

/** What every LoginAttemptStore does, whatever stores it. */
public abstract class LoginAttemptStoreContract extends PortContractSupport {

  private LoginAttemptStore store() {
    return ports().loginAttempts();
  }

  /** find locks the row until the unit of work ends: tests call it inside one, as the services do. */
  private LoginAttempts find(String key) {
    return ports().transactions().inTransaction(() -> store().find(key));
  }

  @Test
  void aNameNeverTriedHasNoFailures() {
    assertEquals(LoginAttempts.NONE, find(unique("fresh")));
  }

  @Test
  void savedCountersAreFoundAgainAndOverwrittenBySaves() {
    String key = unique("tried");
    LoginAttempts three = new LoginAttempts(3, at(1), null);
    LoginAttempts locked = new LoginAttempts(10, at(2), at(17));

    ports().transactions().run(() -> {
      store().find(key);
      store().save(key, three);
    });
    assertEquals(three, find(key));

    ports().transactions().run(() -> store().save(key, locked));
    assertEquals(locked, find(key));

    ports().transactions().run(() -> store().save(key, LoginAttempts.NONE));
    assertEquals(LoginAttempts.NONE, find(key));
  }

  @Test
  void countersAreKeptPerName() {
    String first = unique("first");
    String second = unique("second");

    ports().transactions().run(() -> store().save(first, new LoginAttempts(2, at(1), null)));

    assertEquals(new LoginAttempts(2, at(1), null), find(first));
    assertEquals(LoginAttempts.NONE, find(second));
  }
}
