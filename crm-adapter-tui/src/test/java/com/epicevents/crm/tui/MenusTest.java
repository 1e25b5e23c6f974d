package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.common.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each team's menu lists exactly what the permission table lets it do, plus the common lists and my API keys. */
class MenusTest {
  private static final List<String> LISTS = List.of(
      "c  All clients", "o  All contracts", "e  All events", "d  Collaborator directory", "k  My API keys: create, list, revoke");
  private static final List<String> LAST = List.of("p  Change my password", "q  Log out");

  private final TestCrm crm = new TestCrm();

  @Test
  void theManagementMenuOffersCollaboratorsContractsSupportAssignmentReassignmentAndEveryonesApiKeys() {
    crm.collaborator("mia", Team.MANAGEMENT);
    assertEquals(expected(List.of(
            "1  Create a collaborator",
            "2  Collaborators: update, deactivate, reactivate, reset password",
            "3  Create a contract (choose the client)",
            "4  Contracts: update amounts, sign",
            "5  Events without support: assign support",
            "6  Clients: reassign to another salesperson",
            "7  Contracts not signed yet",
            "8  Contracts not fully paid", "9  Audit trail: who changed what (old → new)"),
        List.of("a  All API keys: by owner, revoke")),
        menuOf("mia"));
  }

  @Test
  void theSalesMenuOffersClientsTheirContractsAndEventsInTheReferenceOrder() {
    crm.collaborator("sam", Team.SALES);
    assertEquals(expected(List.of(
            "1  Create a client",
            "2  My clients: update, reassign",
            "3  Contracts of my clients: update amounts, sign",
            "4  Contracts not signed yet",
            "5  Contracts not fully paid",
            "6  Create an event (signed contract of my client)",
            "7  Events of my clients (agenda)",
            "8  Events without support"),
        List.of()),
        menuOf("sam"));
  }

  @Test
  void theSupportMenuOffersTheirEventsAndTheListsOnly() {
    crm.collaborator("sue", Team.SUPPORT);
    assertEquals(expected(List.of(
            "1  My events (agenda): update, hand over to another support member",
            "2  Events without support",
            "3  Contracts not signed yet",
            "4  Contracts not fully paid"),
        List.of()),
        menuOf("sue"));
  }

  @Test
  void f1ShowsTheKeysOfTheScreen() {
    crm.collaborator("sue", Team.SUPPORT);
    Tui tui = new Tui(crm).logIn("sue").type("e").press(com.googlecode.lanterna.input.KeyType.F1);
    tui.assertShows("Help: Events", "w         events without a support contact", "PgDn PgUp", "? or F1   this help");
    tui.esc().assertHides("Help: Events").assertShows("Showing: all events");
  }

  private List<String> menuOf(String username) {
    return new Tui(crm).logIn(username).lines().stream()
        .map(l -> l.replace("│", "").strip())
        .filter(l -> l.matches("^[0-9a-z]  .*"))
        .toList();
  }

  /** The team's numbered actions, the lists and my keys, the team's lettered extras, then password and log out. */
  private static List<String> expected(List<String> teamEntries, List<String> teamLetters) {
    List<String> all = new java.util.ArrayList<>(teamEntries);
    all.addAll(LISTS);
    all.addAll(teamLetters);
    all.addAll(LAST);
    return all;
  }
}
