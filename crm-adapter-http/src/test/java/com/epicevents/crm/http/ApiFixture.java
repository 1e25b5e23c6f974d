package com.epicevents.crm.http;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.event.Event;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The in-memory core behind a real HTTP server on a random loopback port, with shortcuts to seed
 * records. Names are made unique so tests sharing one fixture never collide.
 */
final class ApiFixture implements AutoCloseable {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  final TestCrm crm = new TestCrm();
  final AtomicBoolean databaseUp = new AtomicBoolean(true);
  final HttpApi server;
  final Api api;

  ApiFixture() {
    this(HttpSettings.loopbackRandomPort());
  }

  ApiFixture(HttpSettings settings) {
    server = HttpApi.start(crm.useCases, crm.reporter, databaseUp::get, settings);
    api = new Api(server.port());
  }

  static String unique(String prefix) {
    return prefix + SEQUENCE.incrementAndGet();
  }

  Collaborator member(Team team) {
    return crm.collaborator(unique(team.name().toLowerCase(java.util.Locale.ROOT)), team);
  }

  /** A new member of the team and a fresh API token of theirs. */
  Actor actor(Team team) {
    Collaborator c = member(team);
    return new Actor(c, crm.login(c));
  }

  Client client(Collaborator sales) {
    return crm.client(unique("Client "), sales);
  }

  Contract signedContract(Collaborator sales) {
    return crm.contract(client(sales), "1000.00", "500.00", true);
  }

  Event event(Collaborator sales, Collaborator support) {
    return crm.event(signedContract(sales), support);
  }

  @Override
  public void close() {
    server.stop();
  }

  record Actor(Collaborator who, AuthToken token) {
    long id() {
      return who.id().value();
    }
  }
}
