package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.common.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each team's menu lists exactly what the permission table lets it do, plus the common lists. */
class MenusTest {
  private static final List<String> COMMON = List.of(
      "c  All clients", "o  All contracts", "e  All events", "d  Collaborator directory",
      "p  Change my password", "q  Log out");

  private final TestCrm crm = new TestCrm();

  @Test
  void theManagementMenuOffersCollaboratorsContractsSupportAssignmentAndReassignment() {
    crm.collaborator("mia", Team.MANAGEMENT);
    assertEquals(expected(
            "1  Create a collaborator",
            "2  Collaborators: update, deactivate, reactivate, reset password",
            "3  Create a contract (choose the client)",
            "4  Contracts: update amounts, sign",
            "5  Events without support: assign support",
            "6  Clients: reassign to another salesperson",
            "7  Contracts not signed yet",
            "8  Contracts not fully paid", "9  Audit trail: who changed what (old → new)"),
        menuOf("mia"));
  }

  @Test
  void theSalesMenuOffersClientsTheirContractsAndEventsInTheReferenceOrder() {
    crm.collaborator("sam", Team.SALES);
    assertEquals(expected(
            "1  Create a client",
            "2  My clients: update, reassign",
            "3  Contracts of my clients: update amounts, sign",
            "4  Contracts not signed yet",
            "5  Contracts not fully paid",
            "6  Create an event (signed contract of my client)",
            "7  Events of my clients (agenda)",
            "8  Events without support"),
        menuOf("sam"));
  }

  @Test
  void theSupportMenuOffersTheirEventsAndTheListsOnly() {
    crm.collaborator("sue", Team.SUPPORT);
    assertEquals(expected(
            "1  My events (agenda): update, hand over to another support member",
            "2  Events without support",
            "3  Contracts not signed yet",
            "4  Contracts not fully paid"),
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

  private static List<String> expected(String... teamEntries) {
    List<String> all = new java.util.ArrayList<>(List.of(teamEntries));
    all.addAll(COMMON);
    return all;
  }
}
