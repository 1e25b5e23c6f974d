package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.in.CreateCollaboratorUseCase;
import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.application.port.in.PasswordRules;
import com.epicevents.crm.application.port.in.UpdateCollaboratorUseCase;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.tui.form.ChoiceField;
import com.epicevents.crm.tui.form.PasswordField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Choice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** Management's collaborator forms, and everyone's "change my password". */
final class CollaboratorForms {
  private static final String PASSWORD_RULES = "Passwords: 12 to 128 characters, not a common one, not containing the username.";

  private CollaboratorForms() {}

  static Screen create(App app) {
    return new Create(app);
  }

  static Screen edit(App app, CollaboratorView c, boolean lastManager) {
    return new Edit(app, c, lastManager);
  }

  static Screen resetPassword(App app, CollaboratorView c) {
    return new ResetPassword(app, c);
  }

  static Screen changeOwnPassword(App app) {
    return new ChangeOwnPassword(app);
  }

  private static List<Choice.Option<Team>> teams() {
    return Arrays.stream(Team.values())
        .map(t -> new Choice.Option<>(t, t.name().charAt(0) + t.name().substring(1).toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** The repeated password must match; reported on the repeat field. */
  private static List<FieldError> repeatError(PasswordField password, PasswordField repeat) {
    if (!repeat.isEmpty() && !Arrays.equals(password.chars(), repeat.chars())) {
      return List.of(new FieldError(repeat.key(), "does not match the password"));
    }
    if (repeat.isEmpty() && !password.isEmpty()) {
      return List.of(new FieldError(repeat.key(), "type the password a second time"));
    }
    return List.of();
  }

  private static List<String> withoutRepeat(List<String> lines) {
    return lines.stream().filter(l -> !l.startsWith("Repeat")).toList();
  }

  private static final class Create extends FormScreen<CollaboratorView> {
    private final TextField username = form.text("username", "Username", true, null);
    private final TextField fullName = form.text("fullName", "Full name", true, null);
    private final TextField email = form.text("email", "E-mail", false, null);
    private final TextField phone = form.text("phone", "Phone", true, null);
    private final ChoiceField<Team> team = form.choice("team", "Team", teams(), Team.SALES);
    private final PasswordField password = form.password("password", "Password");
    private final PasswordField repeat = form.password("passwordRepeat", "Repeat password");

    Create(App app) {
      super(app, "Create a collaborator", "CreateCollaborator");
      build(PASSWORD_RULES);
    }

    private CreateCollaboratorUseCase.Command command() {
      return CreateCollaboratorUseCase.Command.of(username.value(), fullName.value(), email.value(), phone.value(),
          team.value().name(), password.chars());
    }

    @Override
    protected List<FieldError> localErrors() {
      List<FieldError> errors = new ArrayList<>(repeatError(password, repeat));
      if (!password.isEmpty()) {
        errors.addAll(PasswordRules.problems("password", password.chars(), username.value()));
      }
      return errors;
    }

    @Override
    protected Supplier<CollaboratorView> prepare() {
      Arrays.fill(command().password(), '\0');
      return () -> app.useCases().createCollaborator().create(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      return withoutRepeat(form.summary());
    }

    @Override
    protected String question() {
      return "Create this collaborator?";
    }

    @Override
    protected void saved(CollaboratorView result) {
      password.clear();
      repeat.clear();
      app.replace(this, new CollaboratorDetailScreen(app, new CollaboratorId(result.id())));
      app.notice("Collaborator " + result.username() + " (#" + result.id() + ") was created.");
    }
  }

  private static final class Edit extends FormScreen<CollaboratorView> {
    private CollaboratorView collaborator;
    private final TextField username;
    private final TextField fullName;
    private final TextField email;
    private final TextField phone;
    private final ChoiceField<Team> team;
    private final boolean lastManager;

    Edit(App app, CollaboratorView c, boolean lastManager) {
      super(app, "Update collaborator #" + c.id(), "UpdateCollaborator");
      this.collaborator = c;
      this.lastManager = lastManager;
      username = form.text("username", "Username", true, c.username());
      fullName = form.text("fullName", "Full name", true, c.fullName());
      email = form.text("email", "E-mail", false, c.email());
      phone = form.text("phone", "Phone", true, c.phone());
      team = form.choice("team", "Team", teams(), c.team());
      keepChangesOnConflict();
      build("A change of team logs the collaborator out at once.");
    }

    @Override
    protected boolean rebase(Object current) {
      CollaboratorView now = current instanceof CollaboratorView v ? v
          : current instanceof com.epicevents.crm.domain.collaborator.Collaborator c ? CollaboratorView.full(c) : null;
      if (now == null) {
        return false;
      }
      collaborator = now;
      username.rebase(now.username());
      fullName.rebase(now.fullName());
      email.rebase(now.email());
      phone.rebase(now.phone());
      team.rebase(now.team());
      return true;
    }

    private UpdateCollaboratorUseCase.Command command() {
      return UpdateCollaboratorUseCase.Command.of(collaborator.id(), collaborator.version(),
          ClientForms.update(username), ClientForms.update(fullName), ClientForms.update(email),
          ClientForms.update(phone), team.changed() ? FieldUpdate.set(team.value().name()) : null);
    }

    /** Rule 7, asked before the confirmation: the last active manager stays in MANAGEMENT. */
    @Override
    protected List<FieldError> localErrors() {
      if (lastManager && team.value() != Team.MANAGEMENT) {
        return List.of(new FieldError("team", "the last active manager cannot be moved out of MANAGEMENT"));
      }
      return List.of();
    }

    @Override
    protected Supplier<CollaboratorView> prepare() {
      command();
      return () -> app.useCases().updateCollaborator().update(app.token(), command());
    }

    @Override
    protected List<String> summary() {
      return form.changesSummary();
    }

    @Override
    protected void saved(CollaboratorView result) {
      app.back(this);
      app.notice("Collaborator " + result.username() + " (#" + result.id() + ") was updated.");
    }
  }

  private static final class ResetPassword extends FormScreen<Void> {
    private final CollaboratorView collaborator;
    private final PasswordField password;
    private final PasswordField repeat;

    ResetPassword(App app, CollaboratorView c) {
      super(app, "Reset the password of " + c.username(), "ResetPassword");
      this.collaborator = c;
      form.info("Collaborator", c.fullName() + " (" + c.username() + ", #" + c.id() + ")");
      password = form.password("newPassword", "New password");
      repeat = form.password("passwordRepeat", "Repeat password");
      build(PASSWORD_RULES + " They are logged out at once.");
    }

    @Override
    protected List<FieldError> localErrors() {
      List<FieldError> errors = new ArrayList<>(repeatError(password, repeat));
      errors.addAll(PasswordRules.problems("newPassword", password.chars(), collaborator.username()));
      return errors;
    }

    @Override
    protected Supplier<Void> prepare() {
      return () -> {
        app.useCases().resetPassword().resetPassword(app.token(), new CollaboratorId(collaborator.id()), password.chars());
        return null;
      };
    }

    @Override
    protected List<String> summary() {
      return List.of("Collaborator: " + collaborator.username(), "New password: ********");
    }

    @Override
    protected String question() {
      return "Set this password?";
    }

    @Override
    protected void saved(Void result) {
      password.clear();
      repeat.clear();
      app.back(this);
      app.notice("The password of " + collaborator.username() + " was reset.");
    }
  }

  private static final class ChangeOwnPassword extends FormScreen<Void> {
    private final PasswordField current = form.password("currentPassword", "Current password");
    private final PasswordField password = form.password("newPassword", "New password");
    private final PasswordField repeat = form.password("passwordRepeat", "Repeat password");

    ChangeOwnPassword(App app) {
      super(app, "Change my password", "ChangeOwnPassword");
      build(PASSWORD_RULES + " Your other sessions end.");
    }

    @Override
    protected List<FieldError> localErrors() {
      List<FieldError> errors = new ArrayList<>(repeatError(password, repeat));
      if (current.isEmpty()) {
        errors.add(new FieldError("currentPassword", "is required"));
      }
      errors.addAll(PasswordRules.problems("newPassword", password.chars(), app.me().username()));
      return errors;
    }

    @Override
    protected boolean needsRecentPassword() {
      return false;
    }

    @Override
    protected Supplier<Void> prepare() {
      return () -> {
        app.useCases().changeOwnPassword().changeOwnPassword(app.token(), current.chars(), password.chars());
        return null;
      };
    }

    @Override
    protected List<String> summary() {
      return List.of("New password: ********");
    }

    @Override
    protected String question() {
      return "Change your password?";
    }

    @Override
    protected void saved(Void result) {
      current.clear();
      password.clear();
      repeat.clear();
      app.back(this);
      app.notice("Your password was changed.");
    }
  }
}
