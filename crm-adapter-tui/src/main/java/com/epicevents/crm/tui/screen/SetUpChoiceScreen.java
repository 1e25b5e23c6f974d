package com.epicevents.crm.tui.screen;

import com.epicevents.crm.tui.setup.SetUp;
import com.epicevents.crm.tui.widget.Dialogs;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/**
 * The first question of the first launch: where the CRM keeps its data. The embedded database is
 * the default, so a single Enter sets everything up; an existing server opens its form.
 */
final class SetUpChoiceScreen extends Screen {
  private final ActionListBox list = new ActionListBox();

  SetUpChoiceScreen(App app) {
    super(app, "Epic Events CRM — first launch");
    list.addItem("1  Embedded database (recommended): nothing to install", this::embedded);
    list.addItem("2  An existing PostgreSQL server: host, port, user, password", this::existingServer);
    key('1', "embedded database", this::embedded);
    key('2', "an existing PostgreSQL server", this::existingServer);
    helpLine("Enter", "set up the highlighted choice (at first: the embedded database)");
    layOut();
    focus(list);
  }

  /** The texts wrap to the window: laid out again when it changes size. */
  @Override
  public void resized() {
    layOut();
    super.resized();
  }

  private void layOut() {
    SetUp setUp = app.setUp();
    int width = Math.max(20, app.columns() - 2);
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    body.addComponent(Dialogs.wrapped("Welcome! The CRM is not set up yet. Where should it keep its data?", width));
    body.addComponent(new EmptySpace());
    body.addComponent(list);
    body.addComponent(new EmptySpace());
    body.addComponent(Dialogs.wrapped("The embedded database is a PostgreSQL server the CRM runs itself, with its"
        + " data in " + setUp.embeddedDataPlace() + ".", width));
    body.addComponent(Dialogs.wrapped("The choice is saved in " + setUp.configFilePlace()
        + " (readable by you only).", width));
    setBody(body, "Enter: embedded (or the highlighted choice)  1/2: choose  Esc: leave");
  }

  @Override
  protected String statusLine() {
    return app.setUp().statusLine();
  }

  @Override
  protected String about() {
    return "The CRM needs a PostgreSQL database: one it runs itself (embedded), or one on a server you have.";
  }

  private void embedded() {
    SetUp.Ready ready;
    try {
      ready = app.busy("Setting up the embedded database in " + app.setUp().homePlace()
          + " (the first time takes a few seconds)…", app.setUp()::setUpEmbedded);
    } catch (RuntimeException e) {
      app.dialogs().message("The embedded database could not be set up", List.of(e.getMessage()), null);
      return;
    }
    app.databaseReady(ready);
  }

  private void existingServer() {
    app.show(new ServerScreen(app));
  }

  @Override
  protected void onEscape() {
    app.dialogs().confirmNo("Leave", List.of("The CRM asks again at the next start."),
        "Leave without setting the CRM up?", app::exit, null);
  }
}
