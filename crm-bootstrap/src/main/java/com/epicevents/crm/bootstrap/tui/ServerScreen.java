package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.cli.Failures;
import com.epicevents.crm.bootstrap.cli.RunningCrm;
import com.epicevents.crm.bootstrap.config.ConfigFile;
import com.epicevents.crm.bootstrap.config.CrmConfigException;
import com.epicevents.crm.bootstrap.config.Setting;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.form.Field;
import com.epicevents.crm.tui.form.Form;
import com.epicevents.crm.tui.form.PasswordField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An existing PostgreSQL server: host, port, the CRM database's name, user, password typed twice.
 * Nothing is saved until the fields pass their rules and the server accepted the user; then,
 * after a confirmation, db.url, db.user and db.password go to crm.conf and the database is
 * created (when new) and migrated. If that fails, crm.conf is put back as it was.
 */
final class ServerScreen extends WizardScreen {
  private final WizardScreen previous;
  private final Form form;
  private final TextField host;
  private final TextField port;
  private final TextField database;
  private final TextField user;
  private final PasswordField password;
  private final PasswordField repeat;
  /** Why the server could not be used; wraps, as these reasons are long. */
  private final Label problem = Dialogs.errorLabel("");

  ServerScreen(FirstLaunchWizard wizard, WizardScreen previous) {
    super(wizard, "Existing PostgreSQL server");
    this.previous = previous;
    this.form = new Form(ZoneId.systemDefault(), Clock.systemDefaultZone(), wizard.columns());
    host = form.text("host", "Host", true, ExistingServer.DEFAULT_HOST);
    port = form.text("port", "Port", true, ExistingServer.DEFAULT_PORT);
    database = form.text("database", "Database name", true, ExistingServer.DEFAULT_DATABASE);
    user = form.text("user", "User", true, null);
    password = form.password("password", "Password");
    repeat = form.password("passwordRepeat", "Password again");

    int width = Math.max(20, wizard.columns() - 2);
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    body.addComponent(Dialogs.wrapped("The CRM database is created when it does not exist yet (its name: 1 to 20"
        + " letters, digits or @ _ $ #, not 'postgres'). The user needs the right to create it and the CRM's own"
        + " role, as the server's administrator (such as postgres) has. Nothing is saved before the connection"
        + " works.", width));
    problem.setLabelWidth(width);
    body.addComponent(problem);
    body.addComponent(form.component());
    body.addComponent(new EmptySpace());
    Panel buttons = new Panel(new LinearLayout(Direction.HORIZONTAL));
    buttons.addComponent(new Button("Test and save (F10)", this::submit));
    buttons.addComponent(new Button("Back (Esc)", this::onEscape));
    body.addComponent(buttons);
    setBody(body, "Enter/Tab: next field  F10: test the connection and save  Esc: back");
    helpLine("F10", "check the fields, test the connection, confirm, then save and set up");
    helpLine("Ctrl+U", "empty the field");
    focus(form.firstInput());
  }

  @Override
  protected void onEscape() {
    password.clear();
    repeat.clear();
    wizard.show(previous);
  }

  @Override
  protected boolean onSpecialKey(KeyStroke key) {
    if (key.getKeyType() == KeyType.F10) {
      submit();
      return true;
    }
    return false;
  }

  private void submit() {
    form.clearErrors();
    problem.setText("");
    String typed = new String(password.chars());
    List<FieldError> errors = ExistingServer.check(host.value(), port.value(), database.value(), user.value(),
        typed, new String(repeat.chars()));
    if (!errors.isEmpty()) {
      if (errors.stream().anyMatch(e -> e.field().equals(repeat.key()))) {
        // Asked again: both, since either could hold the typo.
        password.clear();
        repeat.clear();
      }
      form.showErrors(errors);
      focus(form.firstInvalid() == repeat.input() ? password.input() : form.firstInvalid());
      return;
    }
    ExistingServer server = new ExistingServer(host.value().strip(), ExistingServer.parsePort(port.value()),
        database.value(), user.value(), typed);
    ExistingServer.Probe probe;
    try {
      probe = wizard.busy("Connecting to " + server.host() + ":" + server.port() + " as " + server.user() + "…",
          server::probe);
    } catch (ExistingServer.Refused refused) {
      showRefusal(refused);
      return;
    } catch (RuntimeException e) {
      wizard.failed("Could not connect", e);
      return;
    }
    Path file = wizard.configuration().configFile();
    List<String> summary = List.of(
        "Host: " + server.host(),
        "Port: " + server.port(),
        "Database: " + server.database() + (probe.databaseExists()
            ? " (exists: the CRM's tables are added or brought up to date)"
            : " (new: it will be created)"),
        "User: " + server.user(),
        "Password: ********",
        "Saved in: " + DatabaseLabel.path(file) + " (readable by you only)");
    wizard.dialogs().confirm("Please confirm", summary, "Save this and set up the database?",
        () -> save(server, file), null);
  }

  private void showRefusal(ExistingServer.Refused refused) {
    problem.setText(Display.safe("Nothing was saved: " + refused.getMessage() + "."));
    Field field = refused.field() == null ? null : form.field(refused.field());
    if (field == password) {
      password.clear();
      repeat.clear();
      password.error("refused: type it twice again");
    } else if (field == host) {
      field.error("check the host and port");
    } else if (field != null) {
      field.error("check this");
    }
    focus(field == null ? form.firstInput() : field.input());
  }

  private void save(ExistingServer server, Path file) {
    RunningCrm crm;
    Snapshot before = null;
    try {
      before = Snapshot.of(file);
      Map<Setting, String> values = new EnumMap<>(Setting.class);
      values.put(Setting.DB_URL, server.jdbcUrl());
      values.put(Setting.DB_USER, server.user());
      values.put(Setting.DB_PASSWORD, server.password());
      ConfigFile.update(file, values);
      crm = wizard.busy("Setting up the database " + server.database() + " on " + server.host() + ":"
          + server.port() + " (creating it when new, then its tables)…",
          () -> RunningCrm.initialise(wizard.configuration(), wizard.configurationSource(), wizard.poolSize()));
    } catch (RuntimeException e) {
      RuntimeException failure = e;
      if (before != null) {
        try {
          before.restore();
        } catch (RuntimeException restoreFailed) {
          restoreFailed.addSuppressed(e);
          failure = restoreFailed;
        }
      }
      problem.setText(Display.safe((failure == e ? "Nothing was saved: " : "") + Failures.oneLine(failure)));
      wizard.failed("The database could not be set up", failure);
      return;
    }
    password.clear();
    repeat.clear();
    wizard.databaseReady(crm);
  }

  /** crm.conf as it was before the wizard wrote to it (absent: null), to put back if set-up fails. */
  private record Snapshot(Path file, byte[] content) {
    static Snapshot of(Path file) {
      try {
        return new Snapshot(file, Files.exists(file) ? Files.readAllBytes(file) : null);
      } catch (IOException e) {
        throw new CrmConfigException("cannot read the configuration file " + file + ": " + e.getMessage(), e);
      }
    }

    void restore() {
      try {
        if (content == null) {
          Files.deleteIfExists(file);
        } else {
          // The file is owner-only already (ConfigFile wrote it); rewriting keeps its permissions.
          Files.write(file, content);
        }
      } catch (IOException e) {
        throw new CrmConfigException("cannot restore the configuration file " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
