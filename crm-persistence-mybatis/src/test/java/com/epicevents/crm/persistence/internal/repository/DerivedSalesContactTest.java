package com.epicevents.crm.persistence.internal.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.EventFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database's copy of the client's sales contact on contracts and events (V4) follows the
 * client: the sales filters see a reassignment at once, the copy cannot be set by hand, and
 * moving it bumps no contract's or event's version.
 */
class DerivedSalesContactTest {
  private static final Instant NOW = Instant.parse("2031-01-02T03:04:05Z");
  private static TestDatabase db;
  private static PersistenceAdapters ports;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
    ports = db.adapters();
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static Collaborator sales(String name) {
    return ports.collaborators().insert(Collaborator.create(new Username(name), new PersonName(name),
        null, new Phone("0102030405"), Team.SALES, "hash", NOW));
  }

  @Test
  void reassigningAClientMovesItsContractsAndEventsInTheSalesFiltersWithoutNewVersions() throws Exception {
    Collaborator alice = sales("alice");
    Collaborator bob = sales("bob");
    Client client = ports.clients().insert(Client.create(new PersonName("Kevin"), null, new Phone("0102030405"),
        new CompanyName("Cool"), null, alice, NOW));
    Contract contract = ports.contracts().insert(Contract.create(client.id(), Money.of("100"), Money.of("0"), true, NOW));
    Event event = ports.events().insert(Event.plan(contract, new EventDetails(null, "Jane", "Paris", 5, null),
        Schedule.UNKNOWN, null, NOW));

    assertEquals(List.of(contract.id()), contractsOf(alice));
    assertEquals(List.of(event.id()), eventsOf(alice));

    ports.clients().update(client.reassignTo(bob, NOW.plusSeconds(60)));

    assertEquals(List.of(), contractsOf(alice));
    assertEquals(List.of(contract.id()), contractsOf(bob));
    assertEquals(List.of(event.id()), eventsOf(bob));
    assertEquals(1, ports.contracts().findById(contract.id()).orElseThrow().version(), "no version bump");
    assertEquals(1, ports.events().findById(event.id()).orElseThrow().version(), "no version bump");

    try (Connection c = db.appDataSource().getConnection();
         PreparedStatement forge = c.prepareStatement("UPDATE crm.events SET sales_contact_id = ? WHERE id = ?")) {
      forge.setLong(1, alice.id().value());
      forge.setLong(2, event.id().value());
      forge.executeUpdate();
      try (PreparedStatement read = c.prepareStatement("SELECT sales_contact_id FROM crm.events WHERE id = ?")) {
        read.setLong(1, event.id().value());
        try (ResultSet rs = read.executeQuery()) {
          rs.next();
          assertEquals(bob.id().value(), rs.getLong(1), "the copy is always the client's, even against direct SQL");
        }
      }
    }
  }

  private static List<Object> contractsOf(Collaborator sales) {
    return ports.contracts().list(new ContractFilter(null, null, null, sales.id()), PageRequest.firstDefault())
        .items().stream().map(v -> (Object) v.contract().id()).toList();
  }

  private static List<Object> eventsOf(Collaborator sales) {
    return ports.events().list(new EventFilter(null, null, null, sales.id(), null, null), PageRequest.firstDefault())
        .items().stream().map(v -> (Object) v.event().id()).toList();
  }
}
