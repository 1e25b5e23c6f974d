package com.epicevents.crm.persistence.internal.credential;

import com.epicevents.crm.application.fake.MutableClock;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The life cycle the credential tests share: a fresh database per test class, and for each test
 * two sets of adapters on it ({@link TwoProcesses} A and B) on a clock that starts at {@link #NOW}.
 */
abstract class OnTwoProcesses {
  static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
  static TestDatabase db;

  final MutableClock clock = new MutableClock(NOW);
  TwoProcesses processes;
  PersistenceAdapters a;
  PersistenceAdapters b;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @BeforeEach
  void twoProcesses() {
    processes = new TwoProcesses(db, clock);
    a = processes.a;
    b = processes.b;
  }

  @AfterEach
  void stop() {
    processes.close();
  }
}
