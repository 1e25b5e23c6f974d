package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CreateManagerAsAdminUseCase;
import com.epicevents.crm.application.port.in.PasswordRules;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.tui.form.Field;
import com.epicevents.crm.tui.form.PasswordField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Display;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The first manager's account, asked for when the CRM has no active manager (nobody could log
 * in). The core validates it as it does {@code crm admin create-manager}, the password rules
 * included, before the summary is confirmed; each message appears next to its field. The fields
 * come in the order of management's "create a collaborator" form.
 */
final class FirstManagerScreen extends FormLayout {
  private static final String INTRO = "The CRM has no manager yet. Create the first manager's account: managers"
      + " create the other collaborators' accounts. Passwords: 12 to 128 characters, not a common one, not"
      + " containing the username.";
  private final TextField username;
  private final TextField fullName;
  private final TextField email;
  private final TextField phone;
  private final PasswordField password;
  private final PasswordField repeat;

  FirstManagerScreen(App app) {
    super(app, "First manager's account");
    username = form.text("username", "Username", true, null);
    fullName = form.text("fullName", "Full name", true, null);
    email = form.text("email", "E-mail", false, null);
    phone = form.text("phone", "Phone", true, null);
    password = form.password("password", "Password");
    repeat = form.password("passwordRepeat", "Repeat password");

    build(INTRO, "Create (F10)", "Leave (Esc)",
        "Enter/Tab: next field  F10: review and create  Ctrl+U: empty field  Esc: leave");
    helpLine("F10", "check the fields, review them and create the account");
  }

  @Override
  protected String statusLine() {
    return app.setUp() == null ? super.statusLine() : app.setUp().statusLine();
  }

  @Override
  protected void onEscape() {
    app.dialogs().confirmNo("Leave", List.of("Nobody can log in before a manager's account exists.",
        "The CRM asks for it again at the next start."), "Leave without creating it?", app::exit, null);
  }

  @Override
  void submit() {
    form.clearErrors();
    problem.setText("");
    List<FieldError> errors = new ArrayList<>();
    if (!Arrays.equals(password.chars(), repeat.chars())) {
      errors.add(new FieldError(repeat.key(), "does not match the password"));
    } else if (!password.isEmpty()) {
      errors.addAll(PasswordRules.problems(password.key(), password.chars(), username.value()));
    }
    try {
      CreateManagerAsAdminUseCase.Command checked = command();
      Arrays.fill(checked.password(), '\0');
    } catch (ValidationFailed invalid) {
      errors.addAll(invalid.errors());
    }
    if (!errors.isEmpty()) {
      showErrors(errors);
      return;
    }
    List<String> summary = List.of(
        "Username: " + username.value(),
        "Full name: " + fullName.value(),
        "E-mail: " + email.summaryValue(),
        "Phone: " + phone.value(),
        "Team: Management",
        "Password: ********");
    app.dialogs().confirm("Please confirm", summary, "Create this manager?", this::create, null);
  }

  private CreateManagerAsAdminUseCase.Command command() {
    return CreateManagerAsAdminUseCase.Command.of(username.value(), fullName.value(), phone.value(), email.value(),
        password.chars());
  }

  private void create() {
    CreateManagerAsAdminUseCase.Command command;
    try {
      command = command();
    } catch (ValidationFailed invalid) {
      showErrors(invalid.errors());
      return;
    }
    try {
      app.useCases().createManagerAsAdmin().execute(command);
    } catch (ValidationFailed invalid) {
      showErrors(invalid.errors());
      return;
    } catch (BusinessRuleViolated rule) {
      Field field = rule.field() == null ? null : form.field(rule.field());
      if (field != null) {
        showErrors(List.of(new FieldError(rule.field(), rule.getMessage())));
      } else {
        problem.setText(Display.safe(Display.sentence(rule.getMessage()) + " Nothing was created."));
      }
      return;
    } catch (RuntimeException e) {
      app.unexpected("CreateManagerAsAdmin", e);
      return;
    } finally {
      Arrays.fill(command.password(), '\0');
    }
    password.clear();
    repeat.clear();
    app.managerCreated(username.value());
  }

  /**
   * Each message next to its field. A repeat that does not match is asked again alone (the first
   * password stays); a password the rules refuse is asked again, twice.
   */
  private void showErrors(List<FieldError> errors) {
    if (errors.stream().anyMatch(e -> e.field().equals(password.key()))) {
      password.clear();
      repeat.clear();
    } else if (errors.stream().anyMatch(e -> e.field().equals(repeat.key()))) {
      repeat.clear();
    }
    form.showErrors(errors);
    focus(form.firstInvalid());
  }
}
