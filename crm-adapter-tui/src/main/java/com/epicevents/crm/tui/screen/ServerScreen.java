package com.epicevents.crm.tui.screen;

import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.form.Field;
import com.epicevents.crm.tui.form.PasswordField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.setup.SetUp;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.List;

/**
 * An existing PostgreSQL server: host, port, the CRM database's name, user, password typed twice.
 * Nothing is saved until the fields pass their rules and the server accepted the user; then,
 * after a confirmation, the set-up writes the configuration and creates (when new) and migrates
 * the database, putting the configuration back if that fails.
 */
final class ServerScreen extends FormLayout {
  static final String DEFAULT_HOST = "localhost";
  static final String DEFAULT_PORT = "5432";
  static final String DEFAULT_DATABASE = "epic_crm";

  private final TextField host;
  private final TextField port;
  private final TextField database;
  private final TextField user;
  private final PasswordField password;
  private final PasswordField repeat;

  ServerScreen(App app) {
    super(app, "Existing PostgreSQL server");
    host = form.text("host", "Host", true, DEFAULT_HOST);
    port = form.text("port", "Port", true, DEFAULT_PORT);
    database = form.text("database", "Database name", true, DEFAULT_DATABASE);
    user = form.text("user", "User", true, null);
    password = form.password("password", "Password");
    repeat = form.password("passwordRepeat", "Repeat password");

    build(INTRO, "Test and save (F10)", "Back (Esc)",
        "Enter/Tab: next field  F10: test the connection and save  Ctrl+U: empty field  Esc: back");
    helpLine("F10", "check the fields, test the connection, confirm, then save and set up");
  }

  private static final String INTRO = "The CRM database is created when it does not exist yet (its name: 1 to 20"
      + " letters, digits or @ _ $ #, not 'postgres'). The user needs the right to create it and the CRM's own"
      + " role, as the server's administrator (such as postgres) has. Nothing is saved before the connection"
      + " works.";

  @Override
  protected String statusLine() {
    return app.setUp().statusLine();
  }

  @Override
  protected void onEscape() {
    password.clear();
    repeat.clear();
    app.back(this);
  }

  @Override
  void submit() {
    form.clearErrors();
    problem.setText("");
    String typed = new String(password.chars());
    List<FieldError> errors = app.setUp().checkServer(host.value(), port.value(), database.value(), user.value(),
        typed, new String(repeat.chars()));
    if (!errors.isEmpty()) {
      if (errors.stream().anyMatch(e -> e.field().equals(repeat.key()))) {
        // The first one typed is kept: only the repeat is asked again.
        repeat.clear();
      }
      form.showErrors(errors);
      focus(form.firstInvalid());
      return;
    }
    SetUp.Server server = new SetUp.Server(host.value().strip(), app.setUp().port(port.value()), database.value(),
        user.value(), typed);
    SetUp.Probe probe;
    try {
      probe = app.busy("Connecting to " + server.host() + ":" + server.port() + " as " + server.user() + "…",
          () -> app.setUp().testServer(server));
    } catch (SetUp.Refused refused) {
      showRefusal(refused);
      return;
    } catch (RuntimeException e) {
      app.dialogs().message("Could not connect", List.of(String.valueOf(e.getMessage())), null);
      return;
    }
    List<String> summary = List.of(
        "Host: " + server.host(),
        "Port: " + server.port(),
        "Database: " + server.database() + (probe.databaseExists()
            ? " (exists: the CRM's tables are added or brought up to date)"
            : " (new: it will be created)"),
        "User: " + server.user(),
        "Password: ********",
        "Saved in: " + app.setUp().configFilePlace() + " (readable by you only)");
    app.dialogs().confirm("Please confirm", summary, "Save this and set up the database?", () -> save(server), null);
  }

  private void showRefusal(SetUp.Refused refused) {
    problem.setText(Display.safe("Nothing was saved: " + refused.getMessage() + "."));
    Field field = refused.field() == null ? null : form.field(refused.field());
    if (field == password) {
      password.clear();
      repeat.clear();
      password.error("the server refused this password: type it twice again");
    } else if (field == host) {
      field.error("check the host and port");
    } else if (field != null) {
      field.error("check this");
    }
    focus(field == null ? form.firstInput() : field.input());
  }

  private void save(SetUp.Server server) {
    SetUp.Ready ready;
    try {
      ready = app.busy("Setting up the database " + server.database() + " on " + server.host() + ":"
          + server.port() + " (creating it when new, then its tables)…", () -> app.setUp().saveServer(server));
    } catch (RuntimeException e) {
      problem.setText(Display.safe(String.valueOf(e.getMessage())));
      app.dialogs().message("The database could not be set up", List.of(String.valueOf(e.getMessage())), null);
      return;
    }
    password.clear();
    repeat.clear();
    app.databaseReady(ready);
  }
}
