package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** PostgreSQL keeps microseconds: what a save returns is what a later load returns. */
class TimePrecisionTest {
  private static final Instant WITH_NANOS = Instant.parse("2031-01-02T03:04:05.123456789Z");
  private static final Instant MICROS = Instant.parse("2031-01-02T03:04:05.123456Z");
  private static TestDatabase db;
  private static PersistenceAdapters ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = db.adapters();
  }

  @AfterAll
  static void dropDatabase() {
    db.close();
  }

  @Test
  void insertAndUpdateReturnInstantsTruncatedToMicrosecondsAsLaterLoadsDo() {
    Collaborator sales = ports.collaborators().insert(Collaborator.create(new Username("precise"),
        new PersonName("Precise"), null, new Phone("0102030405"), Team.SALES, "hash", WITH_NANOS));
    Client inserted = ports.clients().insert(Client.create(new PersonName("Client"), null, new Phone("0102030405"),
        new CompanyName("Company"), WITH_NANOS, sales, WITH_NANOS.plusNanos(1)));

    assertEquals(MICROS, sales.createdAt());
    assertEquals(MICROS, inserted.lastContactAt());
    assertEquals(MICROS, inserted.updatedAt());
    assertEquals(inserted, ports.clients().findById(inserted.id()).orElseThrow());

    Client updated = ports.clients().update(inserted.updateDetails(inserted.fullName(), null, inserted.phone(),
        new CompanyName("Changed"), inserted.lastContactAt(), WITH_NANOS.plusSeconds(60)));
    assertEquals(MICROS.plusSeconds(60), updated.updatedAt());
    assertEquals(updated, ports.clients().findById(inserted.id()).orElseThrow());
  }
}
