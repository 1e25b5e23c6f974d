package com.epicevents.crm.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CreateClientUseCase;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.CreateContractUseCase;
import com.epicevents.crm.application.port.in.CreateEventUseCase;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.UpdateClientUseCase;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.UpdateContractUseCase;
import com.epicevents.crm.application.port.in.UpdateEventUseCase;
import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.ContractFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The permission table of product.md, cell by cell, proven through the use cases themselves:
 * every team × every action × a target of the actor's own or of someone else. A refusal must
 * change no business record and must append an ACCESS_DENIED audit entry.
 *
 * <p>{@link #TABLE} is a verbatim copy of the specification's table: changing a cell there (or
 * here, or in the policy) without the other makes this test fail.
 */
class PermissionMatrixTest {

  static final String TABLE = """
      | action | MANAGEMENT | SALES | SUPPORT |
      |---|---|---|---|
      | create collaborator | yes | – | – |
      | update collaborator (name, username, email, phone, team) | yes | – | – |
      | reset another collaborator's password | yes | – | – |
      | change own password (with current password) | yes | yes | yes |
      | deactivate / reactivate collaborator | yes | – | – |
      | create client (they become its sales contact) | – | yes | – |
      | update client details | – | own clients | – |
      | reassign a client to another salesperson | yes | own clients | – |
      | create contract (for any client) | yes | – | – |
      | update contract amounts / sign it | yes | contracts of own clients | – |
      | list unsigned / not fully paid contracts | yes | yes | yes |
      | create event (signed contract of an own client) | – | own clients | – |
      | assign or change an event's support contact | yes | – | events they support |
      | update event details (contact, dates, location, attendees, notes) | – | – | events they support |
      | list events without support | yes | yes | yes |
      | list "my events" | – | events of own clients | events they support |
      """;

  /** The world each cell runs in: two of everything, so "own" and "other" both exist. */
  static final class World {
    final TestCrm crm = new TestCrm();
    final Collaborator manager = crm.collaborator("manager", Team.MANAGEMENT);
    final Collaborator manager2 = crm.collaborator("manager2", Team.MANAGEMENT);
    final Collaborator sales = crm.collaborator("sales", Team.SALES);
    final Collaborator otherSales = crm.collaborator("othersales", Team.SALES);
    final Collaborator support = crm.collaborator("support", Team.SUPPORT);
    final Collaborator otherSupport = crm.collaborator("othersupport", Team.SUPPORT);
    final Collaborator target = crm.collaborator("target", Team.SALES);
    final Client ownClient = crm.client("Own Client", sales);
    final Client otherClient = crm.client("Other Client", otherSales);
    final Contract ownContract = crm.contract(ownClient, "1000.00", "500.00", true);
    final Contract otherContract = crm.contract(otherClient, "1000.00", "500.00", true);
    final Event ownEvent = crm.event(ownContract, support);
    final Event otherEvent = crm.event(otherContract, otherSupport);

    Client clientFor(boolean own) {
      return own ? ownClient : otherClient;
    }

    Contract contractFor(boolean own) {
      return own ? ownContract : otherContract;
    }

    Event eventFor(boolean own) {
      return own ? ownEvent : otherEvent;
    }

    Collaborator actor(Team team) {
      return switch (team) {
        case MANAGEMENT -> manager;
        case SALES -> sales;
        case SUPPORT -> support;
      };
    }
  }

  interface Attempt {
    void run(World w, AuthToken token, boolean own);
  }

  static final Instant LATER = TestCrm.START.plusSeconds(90L * 24 * 3600);

  /** How each row of the table is attempted through its use case. */
  static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();

  static {
    ATTEMPTS.put("create collaborator", (w, t, own) -> w.crm.useCases.createCollaborator().create(t,
        CreateCollaboratorUseCase.Command.of("newcomer", "New Comer", null, "0102030405", "SUPPORT",
            "a-long-enough-passphrase".toCharArray())));
    ATTEMPTS.put("update collaborator (name, username, email, phone, team)", (w, t, own) ->
        w.crm.useCases.updateCollaborator().update(t, UpdateCollaboratorUseCase.Command.of(w.target.id().value(),
            ExpectedVersion.ANY, null, FieldUpdate.set("Renamed Person"), null, null, null)));
    ATTEMPTS.put("reset another collaborator's password", (w, t, own) ->
        w.crm.useCases.resetPassword().resetPassword(t, w.target.id(), "another-long-passphrase".toCharArray()));
    ATTEMPTS.put("change own password (with current password)", (w, t, own) ->
        w.crm.useCases.changeOwnPassword().changeOwnPassword(t, TestCrm.PASSWORD.toCharArray(),
            "my-brand-new-passphrase".toCharArray()));
    ATTEMPTS.put("deactivate / reactivate collaborator", (w, t, own) ->
        w.crm.useCases.deactivateCollaborator().deactivate(t, w.target.id(), ExpectedVersion.ANY));
    ATTEMPTS.put("create client (they become its sales contact)", (w, t, own) ->
        w.crm.useCases.createClient().create(t, CreateClientUseCase.Command.of("Kevin Casey", "kevin@startup.test",
            "+678 123 456 78", "Cool Startup LLC", null)));
    ATTEMPTS.put("update client details", (w, t, own) ->
        w.crm.useCases.updateClient().update(t, UpdateClientUseCase.Command.of(w.clientFor(own).id().value(), ExpectedVersion.ANY,
            null, null, FieldUpdate.set("0999999999"), null, null)));
    ATTEMPTS.put("reassign a client to another salesperson", (w, t, own) ->
        w.crm.useCases.reassignClient().reassign(t, w.clientFor(own).id(), w.target.id(), ExpectedVersion.ANY));
    ATTEMPTS.put("create contract (for any client)", (w, t, own) ->
        w.crm.useCases.createContract().create(t, CreateContractUseCase.Command.of(w.clientFor(own).id().value(),
            "32000", "12000", false)));
    ATTEMPTS.put("update contract amounts / sign it", (w, t, own) ->
        w.crm.useCases.updateContract().update(t, UpdateContractUseCase.Command.of(w.contractFor(own).id().value(),
            ExpectedVersion.ANY, null, "100.00", null)));
    ATTEMPTS.put("list unsigned / not fully paid contracts", (w, t, own) ->
        w.crm.useCases.contracts().list(t, new ContractFilter(null, false, null, null), PageRequest.firstDefault()));
    ATTEMPTS.put("create event (signed contract of an own client)", (w, t, own) ->
        w.crm.useCases.createEvent().create(t, CreateEventUseCase.Command.of(w.contractFor(own).id().value(),
            "Gala", "Call Jane on 0611223344", LATER, LATER.plusSeconds(3600), null, "Lyon", 50, null)));
    ATTEMPTS.put("assign or change an event's support contact", (w, t, own) ->
        w.crm.useCases.assignEventSupport().assign(t, w.eventFor(own).id(), w.otherSupport.id(), ExpectedVersion.ANY));
    ATTEMPTS.put("update event details (contact, dates, location, attendees, notes)", (w, t, own) ->
        w.crm.useCases.updateEvent().update(t, UpdateEventUseCase.Command.of(w.eventFor(own).id().value(), ExpectedVersion.ANY,
            null, null, null, null, null, FieldUpdate.set("Marseille"), null, null)));
    ATTEMPTS.put("list events without support", (w, t, own) ->
        w.crm.useCases.events().list(t, ViewEventsUseCase.Query.unassignedOnly(), PageRequest.firstDefault()));
    ATTEMPTS.put("list \"my events\"", (w, t, own) ->
        w.crm.useCases.events().list(t, ViewEventsUseCase.Query.mineOnly(), PageRequest.firstDefault()));
  }

  record Cell(String action, Team team, boolean own, boolean allowed) {
    @Override
    public String toString() {
      return team + " " + (own ? "on own" : "on other's") + ": " + action + " → " + (allowed ? "allowed" : "denied");
    }
  }

  static Stream<Cell> cells() {
    List<Cell> cells = new ArrayList<>();
    for (String line : TABLE.strip().split("\n")) {
      String[] parts = line.strip().split("\\|");
      if (parts.length < 5 || parts[1].isBlank() || parts[1].strip().equals("action") || parts[1].startsWith("-")) {
        continue;
      }
      String action = parts[1].strip();
      Team[] teams = {Team.MANAGEMENT, Team.SALES, Team.SUPPORT};
      for (int i = 0; i < 3; i++) {
        String grant = parts[i + 2].strip().toLowerCase(Locale.ROOT);
        for (boolean own : new boolean[] {true, false}) {
          cells.add(new Cell(action, teams[i], own, expected(action, grant, own)));
        }
      }
    }
    return cells.stream();
  }

  private static boolean expected(String action, String grant, boolean own) {
    if (grant.equals("–") || grant.equals("-")) {
      return false;
    }
    if (grant.equals("yes") || action.startsWith("list")) {
      return true;
    }
    // "own clients", "contracts of own clients", "events they support": only on one's own record
    return own;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void everyCellOfThePermissionTableIsEnforcedByItsUseCase(Cell cell) {
    World w = new World();
    AuthToken token = w.crm.login(w.actor(cell.team()));
    Attempt attempt = ATTEMPTS.get(cell.action());
    if (attempt == null) {
      fail("no use case attempt for the table row '" + cell.action() + "'");
    }
    var before = w.crm.store.snapshot();

    if (cell.allowed()) {
      attempt.run(w, token, cell.own());
      return;
    }
    RuntimeException refused = assertThrows(RuntimeException.class, () -> attempt.run(w, token, cell.own()));
    assertInstanceOf(AccessDenied.class, refused, "expected a refusal, got: " + refused);
    var after = w.crm.store.snapshot();
    assertEquals(before.businessRecords(), after.businessRecords(), "a refusal must change nothing");
    AuditEntry last = after.audit().get(after.audit().size() - 1);
    assertEquals("ACCESS_DENIED", last.action());
    assertEquals(w.actor(cell.team()).id().value(), last.actorId());
  }

  @Test
  void everyRowOfTheTableHasAnAttemptAndEveryAttemptARow() {
    List<String> rows = cells().map(Cell::action).distinct().toList();
    assertEquals(List.copyOf(ATTEMPTS.keySet()), rows);
  }
}
