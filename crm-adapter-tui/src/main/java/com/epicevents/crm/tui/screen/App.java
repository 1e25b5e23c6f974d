package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.in.UseCases;
import com.epicevents.crm.application.port.out.ErrorReporter;
import com.epicevents.crm.domain.access.AccessPolicy;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Actor;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.AccessDenied;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.ConcurrentModification;
import com.epicevents.crm.domain.error.CrmException;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.ServiceBusy;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ReauthenticationRequired;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.tui.form.Field;
import com.epicevents.crm.tui.form.Form;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.setup.SetUp;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every screen shares: the core's use cases, the session, navigation between screens, and
 * the one place where the core's errors become what the user sees — a message next to a field,
 * a dialog, the login screen when the session is over, or a reference id for anything unexpected.
 */
public final class App {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final WindowBasedTextGUI gui;
  private UseCases useCases;
  private ErrorReporter reporter;
  private final ZoneId zone;
  private final Clock clock;
  private String databaseLabel;
  private final SetUp setUp;
  private final Dialogs dialogs;
  private final AccessPolicy policy = new AccessPolicy();
  private final Deque<Screen> screens = new ArrayDeque<>();
  private AuthToken token;
  private CollaboratorView me;
  private boolean finished;
  private com.googlecode.lanterna.TerminalSize size;

  public App(WindowBasedTextGUI gui, UseCases useCases, ErrorReporter reporter, ZoneId zone, Clock clock,
      String databaseLabel) {
    this.gui = gui;
    this.useCases = useCases;
    this.reporter = reporter;
    this.zone = zone;
    this.clock = clock;
    this.databaseLabel = databaseLabel;
    this.setUp = null;
    this.dialogs = new Dialogs(gui);
  }

  /** The text UI of a CRM that may not be set up yet: the first-launch screens come first. */
  public App(WindowBasedTextGUI gui, SetUp setUp, ZoneId zone, Clock clock) {
    this.gui = gui;
    this.setUp = setUp;
    this.zone = zone;
    this.clock = clock;
    this.databaseLabel = "not set up yet";
    this.dialogs = new Dialogs(gui);
  }

  public void start() {
    if (setUp == null) {
      showLogin(null);
      return;
    }
    switch (setUp.state()) {
      case NEEDS_DATABASE -> show(new SetUpChoiceScreen(this));
      case NEEDS_MANAGER -> {
        ready(setUp.ready());
        show(new FirstManagerScreen(this));
      }
      case READY -> {
        ready(setUp.ready());
        showLogin(null);
      }
    }
  }

  // ---- first launch ------------------------------------------------------------------------

  SetUp setUp() {
    return setUp;
  }

  /** The database is set up: from now on the screens use this CRM. */
  void ready(SetUp.Ready ready) {
    this.useCases = ready.useCases();
    this.reporter = ready.reporter();
    this.databaseLabel = ready.databaseLabel();
  }

  /** After the database step: the first manager's account when there is none, else the login screen. */
  void databaseReady(SetUp.Ready ready) {
    ready(ready);
    if (useCases.createManagerAsAdmin().noActiveManager()) {
      closeAll();
      show(new FirstManagerScreen(this));
    } else {
      closeAll();
      show(new LoginScreen(this, "The CRM database is ready (" + databaseLabel + "). It already has a manager:"
          + " log in with that account.", null));
    }
  }

  /** The first manager exists: the login screen, with their username typed in. */
  void managerCreated(String username) {
    closeAll();
    show(new LoginScreen(this, "Manager " + username + " was created: type the password to log in.", username));
  }

  /**
   * Runs slow work (starting a server, migrating, connecting) after drawing a "please wait"
   * window, so that the screen says what is happening while this thread is busy.
   */
  <T> T busy(String message, Supplier<T> work) {
    com.googlecode.lanterna.gui2.BasicWindow wait = new com.googlecode.lanterna.gui2.BasicWindow("Please wait");
    wait.setHints(java.util.Set.of(Window.Hint.MODAL, Window.Hint.CENTERED));
    wait.setComponent(Dialogs.wrapped(message, Math.max(20, Math.min(70, columns() - 8))));
    gui.addWindow(wait);
    try {
      gui.updateScreen();
      return work.get();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } finally {
      wait.close();
    }
  }

  public UseCases useCases() {
    return useCases;
  }

  public Dialogs dialogs() {
    return dialogs;
  }

  public ZoneId zone() {
    return zone;
  }

  public Clock clock() {
    return clock;
  }

  public String databaseLabel() {
    return databaseLabel;
  }

  public boolean finished() {
    return finished;
  }

  /**
   * Lays every open screen out again when the terminal changed size since the last call (the
   * ones underneath too, so they are right when the user comes back to them). True when it did.
   */
  public boolean followTerminalSize() {
    com.googlecode.lanterna.TerminalSize now = gui.getScreen().getTerminalSize();
    if (now.equals(size)) {
      return false;
    }
    boolean first = size == null;
    size = now;
    if (first) {
      return false;
    }
    for (Screen s : screens) {
      s.resized();
    }
    return true;
  }

  /** Says on the screen on top what just happened, on its status line rather than in a dialog. */
  public void notice(String text) {
    Screen top = screens.peek();
    if (top != null) {
      top.notice(text);
    }
  }

  int columns() {
    return gui.getScreen().getTerminalSize().getColumns();
  }

  /** Rows of a list page that fit on the screen. */
  int pageRows() {
    return Math.max(5, Math.min(100, gui.getScreen().getTerminalSize().getRows() - 12));
  }

  // ---- session ----------------------------------------------------------------------------

  public AuthToken token() {
    return token;
  }

  public CollaboratorView me() {
    return me;
  }

  public CollaboratorId myId() {
    return new CollaboratorId(me.id());
  }

  /** Whether the permission table lets the user's team do this at all. */
  public boolean may(Action action) {
    return me != null && policy.decideForTeam(actor(), action).allowed();
  }

  /** The permission table's cell for the user's team (YES, OWN_CLIENT…). */
  public AccessPolicy.Grant grant(Action action) {
    return me == null ? AccessPolicy.Grant.NO : policy.grant(me.team(), action);
  }

  /** Whether a key of the user's with this scope could ever be allowed anything (see AccessPolicy). */
  public boolean scopeUseful(Scope scope) {
    return me != null && policy.scopeUsefulTo(me.team(), scope);
  }

  /** Whether the permission table lets the user do this to a record with these owners. */
  public boolean may(Action action, Ownership target) {
    return me != null && policy.decide(actor(), action, target).allowed();
  }

  String statusLine() {
    String db = "Database: " + databaseLabel;
    if (me == null) {
      return "Epic Events CRM | " + db;
    }
    return "User: " + me.username() + " (" + me.fullName() + ") | Team: " + me.team() + " | " + db
        + " | " + zone.getId();
  }

  void loggedIn(LogInUseCase.Result result) {
    token = result.token();
    me = result.collaborator();
    closeAll();
    show(new MainMenu(this));
  }

  /** Logs out and shows the login screen. */
  public void logOut() {
    endSession();
    showLogin("You are logged out.");
  }

  /** The session is over (expired, revoked, account deactivated): back to the login screen. */
  public void sessionEnded(String message) {
    token = null;
    me = null;
    showLogin(message);
  }

  /** Leaves the program (logging out first when logged in). */
  public void exit() {
    endSession();
    closeAll();
    finished = true;
  }

  private void endSession() {
    if (token != null) {
      try {
        useCases.logOut().logOut(token);
      } catch (CrmException alreadyOver) {
        // The session had already ended: nothing left to revoke.
      }
    }
    token = null;
    me = null;
  }

  private void showLogin(String message) {
    closeAll();
    show(new LoginScreen(this, message, null));
  }

  private Actor actor() {
    return new Actor(new CollaboratorId(me.id()), me.team(), me.active());
  }

  /** Whether the session is still open; when it is not, the login screen says why. */
  public boolean checkSession() {
    return read("CurrentSession", () -> useCases.currentSession().current(token)).isPresent();
  }

  // ---- navigation -------------------------------------------------------------------------

  /** Puts a screen on top. */
  public void show(Screen screen) {
    screens.push(screen);
    gui.addWindow(screen.window());
    gui.setActiveWindow(screen.window());
    screen.opened();
  }

  /** Closes a screen and refreshes the one below it. */
  public void back(Screen screen) {
    screens.remove(screen);
    screen.window().close();
    Screen top = screens.peek();
    if (top != null) {
      gui.setActiveWindow(top.window());
      top.resume();
    }
  }

  /** Replaces a screen by another (a form by the record it saved). */
  public void replace(Screen old, Screen next) {
    screens.remove(old);
    old.window().close();
    show(next);
  }

  private void closeAll() {
    screens.clear();
    for (Window w : new ArrayList<>(gui.getWindows())) {
      w.close();
    }
  }

  // ---- calling the core -------------------------------------------------------------------

  /** Runs a read; on failure tells the user and returns empty. */
  public <T> Optional<T> read(String useCase, Supplier<T> work) {
    try {
      return Optional.ofNullable(work.get());
    } catch (RuntimeException e) {
      failed(useCase, e, null, null);
      return Optional.empty();
    }
  }

  /**
   * Runs a change: asks for the password first when the session needs it again, asks again and
   * retries when the core still wants it, and maps failures: field errors next to the form's
   * fields, a conflict shown with the record's current values (then {@code afterConflict}).
   */
  public <T> void change(String useCase, Form form, Supplier<T> work, Consumer<T> onDone, Runnable afterConflict) {
    withPassword(useCase, () -> attempt(useCase, form, work, onDone, afterConflict));
  }

  /** Runs a change that carries its own proof (the current password), without asking for it first. */
  public <T> void submit(String useCase, Form form, Supplier<T> work, Consumer<T> onDone, Runnable afterConflict) {
    attempt(useCase, form, work, onDone, afterConflict);
  }

  private <T> void attempt(String useCase, Form form, Supplier<T> work, Consumer<T> onDone, Runnable afterConflict) {
    T result;
    try {
      result = work.get();
    } catch (ReauthenticationRequired e) {
      askPassword(useCase, null, () -> attempt(useCase, form, work, onDone, afterConflict));
      return;
    } catch (RuntimeException e) {
      failed(useCase, e, form, afterConflict);
      return;
    }
    onDone.accept(result);
  }

  private void withPassword(String useCase, Runnable then) {
    boolean needed;
    try {
      needed = useCases.currentSession().current(token).passwordNeededForChanges();
    } catch (RuntimeException e) {
      failed(useCase, e, null, null);
      return;
    }
    if (needed) {
      askPassword(useCase, null, then);
    } else {
      then.run();
    }
  }

  private void askPassword(String useCase, String error, Runnable then) {
    dialogs.password("Confirm it is you", "Type your password to confirm this change:", error, password -> {
      try {
        useCases.reauthenticate().reauthenticate(token, password);
      } catch (AuthenticationFailed wrong) {
        Optional<String> over = sessionOver();
        if (over.isPresent()) {
          sessionEnded(over.get());
        } else {
          askPassword(useCase, "The password is not correct.", then);
        }
        return;
      } catch (RuntimeException e) {
        failed("Reauthenticate", e, null, null);
        return;
      }
      then.run();
    }, () -> dialogs.message("Not saved", "Nothing was saved.", null));
  }

  /** Why the session is over, or empty when it is still open. */
  private Optional<String> sessionOver() {
    try {
      useCases.currentSession().current(token);
      return Optional.empty();
    } catch (AuthenticationFailed e) {
      return Optional.of(Display.sentence(e.getMessage()));
    }
  }

  /** Shows a failure the way the user can act on it. */
  public void failed(String useCase, RuntimeException e, Form form, Runnable afterConflict) {
    if (e instanceof AuthenticationFailed a) {
      sessionEnded(Display.sentence(a.getMessage()));
    } else if (e instanceof ValidationFailed v) {
      if (form != null) {
        form.showErrors(v.errors());
        focusFirstError(form);
      } else {
        dialogs.message("Please check", v.errors().stream().map(App::describe).toList(), null);
      }
    } else if (e instanceof BusinessRuleViolated b) {
      Field field = form == null || b.field() == null ? null : form.field(b.field());
      if (field != null) {
        form.clearErrors();
        field.error(b.getMessage());
        focusFirstError(form);
      } else {
        dialogs.message("Not possible", Display.sentence(b.getMessage()) + " Nothing was changed.", null);
      }
    } else if (e instanceof AccessDenied d) {
      dialogs.message("Not allowed", List.of(Display.sentence(d.reason()), "Nothing was changed."), null);
    } else if (e instanceof NotFound n) {
      dialogs.message("Not found", Display.sentence(n.getMessage()), null);
    } else if (e instanceof ConcurrentModification c) {
      List<String> lines = new ArrayList<>();
      lines.add(Display.sentence(c.getMessage()) + " (#" + c.id() + ")");
      lines.add("Nothing was saved. Its current values are:");
      for (Describe.Line line : Describe.anyRecord(c.current(), zone)) {
        lines.add("  " + line.label() + ": " + line.valueOrNone());
      }
      if (form != null && form.keepsChangesOnConflict()) {
        lines.add("Your change is kept in the form:");
        form.changesSummary().forEach(l -> lines.add("  " + l));
        lines.add("Save again to apply it to the current values, or Esc to leave the form.");
      }
      dialogs.message("Changed by someone else", lines, afterConflict);
    } else if (e instanceof LoginThrottled t) {
      dialogs.message("Locked", LoginScreen.throttledMessage(t), null);
    } else if (e instanceof ServiceBusy s) {
      dialogs.message("Busy", Display.sentence(s.getMessage()), null);
    } else if (e instanceof ReauthenticationRequired r) {
      dialogs.message("Password needed", Display.sentence(r.getMessage()), null);
    } else {
      unexpected(useCase, e);
    }
  }

  /** Reports an unexpected error and shows its reference id, never a stack trace. */
  public void unexpected(String useCase, Throwable e) {
    String reference;
    try {
      reference = reporter == null ? "not available" : reporter.reportUnexpected(e, useCase, me == null ? null : me.id());
    } catch (RuntimeException reportingFailed) {
      reference = "not available";
    }
    LOG.warn("Unexpected {} in {} (reference {})", e.getClass().getName(), useCase, reference);
    dialogs.message("Unexpected error", List.of(
        "Something went wrong. It has been reported with the reference " + reference + ".",
        "You can carry on working.",
        "Give this reference to support if it happens again."), null);
  }

  private static void focusFirstError(Form form) {
    Interactable first = form.firstInvalid();
    if (first != null) {
      first.takeFocus();
    }
  }

  private static String describe(FieldError e) {
    return e.field() + ": " + e.message();
  }
}
