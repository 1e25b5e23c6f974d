package com.epicevents.crm.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.fake.TestCrm;
import com.epicevents.crm.domain.client.Client;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.contract.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The main screens on a standard 80×24 terminal: each must fit and show its essentials. The
 * captures are written to target/tui-screens.txt for the README.
 */
class MainScreensCaptureTest {
  private final List<String> captures = new ArrayList<>();

  @Test
  void theMainScreensFitAnEightyByTwentyFourTerminal() throws IOException {
    TestCrm crm = new TestCrm();
    Collaborator sam = crm.collaborator("sam", Team.SALES);
    crm.collaborator("mia", Team.MANAGEMENT);
    Collaborator sue = crm.collaborator("sue", Team.SUPPORT);
    Client dough = crm.client("John Dough", sam);
    Contract signed = crm.contract(dough, "32000", "12000", true);
    crm.contract(crm.client("Ouane Corp", sam), "8000", "8000", false);
    crm.event(signed, sue);

    Tui tui = new Tui(crm, crm.useCases, 80, 24);
    capture(tui, "Login", "Username", "Password", "Esc: leave");
    tui.logIn("sam");
    capture(tui, "Sales menu", "1  Create a client", "k  My API keys", "q  Log out", "F1: help");
    tui.type("4");
    capture(tui, "Contracts not signed yet", "Ouane Corp", "8,000.00", "u: unsigned");
    tui.esc().type("c");
    capture(tui, "Clients", "John Dough", "Search (/)", "Esc: back");
    tui.enter();
    capture(tui, "Client detail", "Sales contact", "e  Update the client's details");
    tui.type("e").tab().clearField().type("not-an-email").save();
    capture(tui, "Update form with a field error", "is not a valid e-mail address", "F10: review and save");
    tui.esc().type("y").esc().esc().type("6").enter().type("\nJane, 0611\n2027-02-01 1");
    capture(tui, "Event form, date being typed", "format: YYYY-MM-DD HH:MM", "Europe/Paris");
    tui.type("9:00\n\nParis\n120\n\n").enter(); // no support contact field: management assigns it
    capture(tui, "Confirmation", "Please confirm", "Create this event?");
    tui.esc().esc().type("y").press(com.googlecode.lanterna.input.KeyType.F1);
    capture(tui, "F1 help", "Keys on this screen", "1         Create a client", "scroll");
    tui.esc().type("k").type("n");
    capture(tui, "New API key", "Name *", "Scopes *", "[ ] clients:read", "Expires *", "2027-04-15 11:00");
    tui.type("Website leads\n").type(" ").press(com.googlecode.lanterna.input.KeyType.ArrowDown).type(" ").save().type("y");
    capture(tui, "API key secret, shown once", "copy it now", "crm_", "NOT be shown again");
    tui.enter();
    capture(tui, "My API keys", "Website leads", "clients:read, cl", "2027-04-15", "never", "active");
    tui.esc().type("q").type("y").logIn("mia");
    capture(tui, "Management menu", "1  Create a collaborator", "6  Clients: reassign", "9  Audit trail", "k  My API keys",
        "a  All API keys", "q  Log out");
    tui.type("9");
    capture(tui, "Audit trail", "Changes (old", "LOGGED_OUT", "t: kind");
    tui.esc();
    tui.type("a");
    capture(tui, "All API keys", "Sam ", "Website le", "o: owner");
    tui.esc();
    tui.type("q").type("y").logIn("sue");
    capture(tui, "Support menu", "1  My events", "2  Events without support");
    tui.type("1");
    capture(tui, "My agenda", "Today: 0", "Launch party");
    tui.enter();
    capture(tui, "Event detail", "Launch party", "e  Update the details and dates", "s  Hand over");

    Path out = Path.of("target", "tui-screens.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n\n", captures) + "\n");
  }

  private void capture(Tui tui, String name, String... mustShow) {
    tui.assertShows(mustShow);
    List<String> lines = tui.lines();
    assertTrue(lines.stream().allMatch(l -> l.length() <= 80), name + " is wider than 80 columns");
    captures.add("### " + name + "\n" + String.join("\n", lines));
  }
}
