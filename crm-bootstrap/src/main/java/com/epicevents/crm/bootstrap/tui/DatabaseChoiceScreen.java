package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.cli.RunningCrm;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.tui.widget.Dialogs;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/**
 * The first question: where the CRM keeps its data. The embedded database is the default, so
 * a single Enter sets everything up; an existing server opens its form.
 */
final class DatabaseChoiceScreen extends WizardScreen {
  private final ActionListBox list = new ActionListBox();

  DatabaseChoiceScreen(FirstLaunchWizard wizard) {
    super(wizard, "Epic Events CRM — first launch");
    CrmConfig config = wizard.configuration();
    int width = Math.max(20, wizard.columns() - 2);
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    body.addComponent(Dialogs.wrapped("Welcome! The CRM is not set up yet. Where should it keep its data?", width));
    body.addComponent(new EmptySpace());
    list.addItem("1  Embedded database (recommended): nothing to install", this::embedded);
    list.addItem("2  An existing PostgreSQL server: host, port, user, password", this::existingServer);
    key('1', "embedded database", this::embedded);
    key('2', "an existing PostgreSQL server", this::existingServer);
    body.addComponent(list);
    body.addComponent(new EmptySpace());
    body.addComponent(Dialogs.wrapped("The embedded database is a PostgreSQL server the CRM runs itself, with its"
        + " data in " + DatabaseLabel.path(EmbeddedDatabase.dataDirectory(config.home())) + ".", width));
    body.addComponent(Dialogs.wrapped("The choice is saved in " + DatabaseLabel.path(config.configFile())
        + " (readable by you only).", width));
    setBody(body, "Enter: embedded (or the highlighted choice)  1/2: choose  Esc: leave");
    helpLine("Enter", "set up the highlighted choice (at first: the embedded database)");
    focus(list);
  }

  private void embedded() {
    CrmConfig config = wizard.configuration();
    RunningCrm crm;
    try {
      crm = wizard.busy("Setting up the embedded database in " + DatabaseLabel.path(config.home())
          + " (the first time takes a few seconds)…",
          () -> RunningCrm.initialise(config, wizard.configurationSource(), wizard.poolSize()));
    } catch (RuntimeException e) {
      wizard.failed("The embedded database could not be set up", e);
      return;
    }
    wizard.databaseReady(crm);
  }

  private void existingServer() {
    wizard.show(new ServerScreen(wizard, this));
  }

  @Override
  protected void onEscape() {
    wizard.dialogs().confirm("Leave", List.of("The CRM asks again at the next start."),
        "Leave without setting the CRM up?", wizard::leave, null);
  }
}
