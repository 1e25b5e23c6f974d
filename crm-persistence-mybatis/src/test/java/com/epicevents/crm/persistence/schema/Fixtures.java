package com.epicevents.crm.persistence.schema;

import com.epicevents.crm.persistence.PersistenceAdapters;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.Username;
import com.epicevents.crm.domain.common.CompanyName;
import com.epicevents.crm.domain.common.Email;
import com.epicevents.crm.domain.common.Money;
import com.epicevents.crm.domain.common.PersonName;
import com.epicevents.crm.domain.common.Phone;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import com.epicevents.crm.domain.event.EventDetails;
import com.epicevents.crm.domain.event.Schedule;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Records created through the adapters, for tests that then poke at them with SQL. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2031-01-02T03:04:05.678901Z");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private final PersistenceAdapters adapters;

  Fixtures(PersistenceAdapters adapters) {
    this.adapters = adapters;
  }

  Collaborator collaborator(Team team) {
    String username = "user" + SEQUENCE.incrementAndGet();
    return adapters.collaborators().insert(Collaborator.create(new Username(username), new PersonName("Person " + username),
        new Email(username + "@epic.example"), new Phone("0102030405"), team, "hash", NOW));
  }

  Client client() {
    return adapters.clients().insert(Client.create(new PersonName("Client " + SEQUENCE.incrementAndGet()), null,
        new Phone("0102030405"), new CompanyName("Company"), NOW, collaborator(Team.SALES), NOW));
  }

  Contract contract(boolean signed) {
    return adapters.contracts().insert(Contract.create(client().id(), Money.of("100.00"), Money.of("60.00"), signed, NOW));
  }

  Event event() {
    return adapters.events().insert(Event.plan(contract(true), new EventDetails("Gala", "Ana", "Paris", 10, null),
        new Schedule(NOW.plusSeconds(3600), NOW.plusSeconds(7200)), null, NOW));
  }
}
