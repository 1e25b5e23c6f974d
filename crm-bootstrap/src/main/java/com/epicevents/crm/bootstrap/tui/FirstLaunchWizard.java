package com.epicevents.crm.bootstrap.tui;

import com.epicevents.crm.bootstrap.cli.Failures;
import com.epicevents.crm.bootstrap.cli.RunningCrm;
import com.epicevents.crm.bootstrap.config.CrmConfig;
import com.epicevents.crm.bootstrap.embedded.EmbeddedDatabase;
import com.epicevents.crm.tui.widget.Dialogs;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first launch of {@code crm} (product.md, "Set-up and database"): where the CRM keeps its
 * data — the embedded database, one keypress, or an existing PostgreSQL server, tested before
 * anything is saved — then the first manager's account when there is none. Afterwards the caller
 * shows the login screen.
 *
 * <p>Like the staff UI it runs on the calling thread, one event loop, so a test drives it key by
 * key on a {@code DefaultVirtualTerminal}: {@link #open()}, type, {@link #processInput()}, until
 * {@link #finished()}. Setting up blocks that thread while it works; a "please wait" window is
 * drawn first.
 */
public final class FirstLaunchWizard implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FirstLaunchWizard.class);

  private final Screen screen;
  private final MultiWindowTextGUI gui;
  private final Dialogs dialogs;
  private final Supplier<CrmConfig> configuration;
  private final int poolSize;
  private RunningCrm crm;
  private boolean openedHere;
  private boolean open;
  private boolean finished;
  private boolean completed;

  /**
   * @param configuration reads the configuration (again after the wizard wrote to crm.conf)
   * @param crm the CRM when its database is set up already (only the first manager is asked for),
   *     else null; the caller keeps closing it
   * @param poolSize the application's connection pool size for a CRM the wizard opens
   */
  public FirstLaunchWizard(Terminal terminal, Supplier<CrmConfig> configuration, RunningCrm crm, int poolSize) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.crm = crm;
    this.poolSize = poolSize;
    try {
      this.screen = new TerminalScreen(terminal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.gui = new MultiWindowTextGUI(screen, new DefaultWindowManager(), new EmptySpace(TextColor.ANSI.BLUE));
    this.dialogs = new Dialogs(gui);
  }

  /**
   * True when the CRM has no database yet: no db.url (from crm.conf or the environment) and no
   * embedded database created and initialised in the CRM home.
   */
  public static boolean databaseNeeded(CrmConfig config) {
    return config.embedded() && (!EmbeddedDatabase.isCreated(config.home()) || config.dbAppPassword() == null);
  }

  /** True when nobody could log in: the CRM has no active manager. */
  public static boolean managerNeeded(RunningCrm crm) {
    return crm.core().useCases().createManagerAsAdmin().noActiveManager();
  }

  /**
   * Runs the wizard until the CRM is ready for the login screen, or the user leaves (empty). A
   * CRM the wizard opened is closed when the user leaves; the one given stays the caller's.
   */
  public static Optional<RunningCrm> run(Terminal terminal, Supplier<CrmConfig> configuration, RunningCrm crm,
      int poolSize) {
    try (FirstLaunchWizard wizard = new FirstLaunchWizard(terminal, configuration, crm, poolSize)) {
      wizard.open();
      while (!wizard.finished()) {
        if (!wizard.processInput()) {
          sleepBriefly();
        }
      }
      return wizard.completed() ? Optional.of(wizard.crm()) : Optional.empty();
    }
  }

  /** Takes the terminal over and shows the first step needed. */
  public void open() {
    try {
      screen.startScreen();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    open = true;
    if (crm == null) {
      show(new DatabaseChoiceScreen(this));
    } else {
      show(new FirstManagerScreen(this));
    }
    processInput();
  }

  /** Handles the keys typed so far and redraws; false when nothing happened. */
  public boolean processInput() {
    try {
      return gui.getGUIThread().processEventsAndUpdate();
    } catch (EOFException closed) {
      leave();
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The user is done: the CRM is ready ({@link #completed()}) or they left. */
  public boolean finished() {
    return finished;
  }

  /** The database is set up and has a manager: the login screen comes next. */
  public boolean completed() {
    return completed;
  }

  /** The CRM once its database is set up (null before, and after the user left a CRM opened here). */
  public RunningCrm crm() {
    return crm;
  }

  /** Gives the terminal back. */
  @Override
  public void close() {
    if (open) {
      open = false;
      try {
        screen.stopScreen();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // ---- for the steps ----------------------------------------------------------------------

  Dialogs dialogs() {
    return dialogs;
  }

  int columns() {
    return gui.getScreen().getTerminalSize().getColumns();
  }

  CrmConfig configuration() {
    return configuration.get();
  }

  Supplier<CrmConfig> configurationSource() {
    return configuration;
  }

  int poolSize() {
    return poolSize;
  }

  String statusLine() {
    CrmConfig config = crm != null ? crm.config() : configuration.get();
    return crm == null
        ? "Set-up | CRM home: " + DatabaseLabel.path(config.home())
        : "Set-up | Database: " + DatabaseLabel.of(config);
  }

  /** Replaces whatever is shown by this step. */
  void show(WizardScreen step) {
    for (Window w : new ArrayList<>(gui.getWindows())) {
      w.close();
    }
    gui.addWindow(step.window());
    gui.setActiveWindow(step.window());
  }

  /**
   * Runs slow work (starting a server, migrating, connecting) after drawing a "please wait"
   * window, so that the screen says what is happening while this thread is busy.
   */
  <T> T busy(String message, Supplier<T> work) {
    BasicWindow wait = new BasicWindow("Please wait");
    wait.setHints(Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
    wait.setComponent(Dialogs.wrapped(message, Math.max(20, Math.min(70, columns() - 8))));
    gui.addWindow(wait);
    try {
      gui.updateScreen();
      return work.get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      wait.close();
    }
  }

  /** A set-up step failed: says why in one line (the details go to the log), nothing else happens. */
  void failed(String title, RuntimeException e) {
    String reason = Failures.oneLine(e);
    LOG.warn("first launch: {}: {}", title, reason, e);
    dialogs.message(title, List.of(reason), null);
  }

  /** The database is set up: the first manager's account next, unless the CRM already has one. */
  void databaseReady(RunningCrm ready) {
    this.crm = ready;
    this.openedHere = true;
    if (managerNeeded(ready)) {
      show(new FirstManagerScreen(this));
    } else {
      dialogs.message("Ready", List.of("The CRM database is ready (" + DatabaseLabel.of(ready.config()) + ").",
          "It already has a manager: log in with that account on the next screen."), this::complete);
    }
  }

  /** Set-up done: the login screen comes next. */
  void complete() {
    completed = true;
    finished = true;
    closeWindows();
  }

  /** The user leaves: nothing more is set up; a CRM opened here is closed. */
  void leave() {
    finished = true;
    closeWindows();
    if (openedHere && crm != null) {
      crm.close();
      crm = null;
    }
  }

  private void closeWindows() {
    for (Window w : new ArrayList<>(gui.getWindows())) {
      w.close();
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(15);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
