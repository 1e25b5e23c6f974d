package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.LogInUseCase;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.LoginThrottled;
import com.epicevents.crm.domain.error.ServiceBusy;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.tui.widget.Dialogs;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.Locale;

/**
 * Username and masked password. Wrong credentials and a deactivated account get the same
 * message; a locked account is told when to try again. "exit" as the username, or Esc, leaves.
 */
final class LoginScreen extends Screen {
  private final TextBox username = new TextBox(new TerminalSize(30, 1));
  private final TextBox password = new TextBox(new TerminalSize(30, 1)).setMask('*');
  private final Label message = Dialogs.errorLabel("");

  /** @param prefilled the username typed in already (the manager just created), or null */
  LoginScreen(App app, String initialMessage, String prefilled) {
    super(app, "Epic Events CRM — log in");
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    body.addComponent(new EmptySpace());
    body.addComponent(new Label(Display.safe("Log in to the CRM (database: " + app.databaseLabel() + ")")));
    body.addComponent(new Label("Type \"exit\" as the username, or press Esc, to leave."));
    body.addComponent(new EmptySpace());
    Panel grid = new Panel(new GridLayout(2));
    grid.addComponent(new Label("Username"));
    grid.addComponent(username);
    grid.addComponent(new Label("Password"));
    grid.addComponent(password);
    body.addComponent(grid);
    body.addComponent(new EmptySpace());
    body.addComponent(message);
    if (initialMessage != null) {
      message.setText(Display.safe(initialMessage));
    }
    setBody(body, "Enter: next field / log in  Esc: leave");
    helpLine("Enter", "in Username: go to Password (\"exit\" leaves); in Password: log in");
    if (prefilled != null) {
      username.setText(prefilled);
      focus(password);
    } else {
      focus(username);
    }
  }

  @Override
  protected void onEscape() {
    app.exit();
  }

  @Override
  protected boolean onSpecialKey(KeyStroke key) {
    if (key.getKeyType() != KeyType.Enter) {
      return false;
    }
    if (window.getFocusedInteractable() == username) {
      if (username.getText().strip().toLowerCase(Locale.ROOT).equals("exit")) {
        app.exit();
      } else {
        focus(password);
      }
      return true;
    }
    if (window.getFocusedInteractable() == password) {
      logIn();
      return true;
    }
    return false;
  }

  private void logIn() {
    String name = username.getText().strip();
    char[] typed = password.getText().toCharArray();
    password.setText("");
    if (name.toLowerCase(Locale.ROOT).equals("exit")) {
      app.exit();
      return;
    }
    if (name.isEmpty()) {
      message.setText("Type your username.");
      focus(username);
      return;
    }
    LogInUseCase.Result result;
    try {
      result = app.useCases().logIn().logIn(new LogInUseCase.Command(name, typed, SessionKind.INTERACTIVE));
    } catch (AuthenticationFailed e) {
      message.setText(Display.sentence(AuthenticationFailed.BAD_CREDENTIALS));
      focus(password);
      return;
    } catch (LoginThrottled e) {
      message.setText(throttledMessage(e));
      focus(password);
      return;
    } catch (ServiceBusy | ValidationFailed e) {
      message.setText(Display.sentence(e.getMessage()));
      focus(password);
      return;
    } catch (RuntimeException e) {
      app.unexpected("LogIn", e);
      return;
    }
    app.loggedIn(result);
  }

  /** "…locked. Try again in 15 minutes." or "…wait 4 seconds…". */
  static String throttledMessage(LoginThrottled e) {
    if (e.locked()) {
      long minutes = Math.max(1, (e.retryAfterSeconds() + 59) / 60);
      return "Too many failed attempts: this account is locked. Try again in " + minutes
          + (minutes == 1 ? " minute." : " minutes.");
    }
    long seconds = e.retryAfterSeconds();
    return "Too many failed attempts: wait " + seconds + (seconds == 1 ? " second" : " seconds")
        + " before trying again.";
  }
}
