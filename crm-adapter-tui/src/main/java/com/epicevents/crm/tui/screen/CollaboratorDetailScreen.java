package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.util.List;

final class CollaboratorDetailScreen extends DetailScreen<CollaboratorView> {
  private final CollaboratorId id;

  CollaboratorDetailScreen(App app, CollaboratorId id) {
    super(app, "Collaborator #" + id.value());
    this.id = id;
  }

  @Override
  protected String useCaseName() {
    return "ViewCollaborators";
  }

  @Override
  protected CollaboratorView fetch() {
    return app.useCases().collaborators().get(app.token(), id);
  }

  @Override
  protected List<Describe.Line> describe(CollaboratorView record) {
    return Describe.collaborator(record, app.zone());
  }

  @Override
  protected void addActions(CollaboratorView c) {
    if (app.may(Action.UPDATE_COLLABORATOR)) {
      action('e', "Update the details (name, username, e-mail, phone, team)",
          () -> app.show(CollaboratorForms.edit(app, c)));
    }
    if (app.may(Action.RESET_PASSWORD) && c.id() != app.me().id()) {
      action('r', "Reset the password", () -> app.show(CollaboratorForms.resetPassword(app, c)));
    }
    if (c.active() && app.may(Action.DEACTIVATE_COLLABORATOR)) {
      action('x', "Deactivate (they can no longer log in)", () -> deactivate(c));
    }
    if (!c.active() && app.may(Action.REACTIVATE_COLLABORATOR)) {
      action('x', "Reactivate", () -> reactivate(c));
    }
  }

  private void deactivate(CollaboratorView c) {
    app.dialogs().confirm("Deactivate " + c.username(),
        List.of("Collaborator: " + c.fullName() + " (" + c.username() + ", #" + c.id() + ")",
            "They are logged out at once and can no longer log in. Nothing they did is deleted."),
        "Deactivate this collaborator?",
        () -> app.change("DeactivateCollaborator", null,
            () -> app.useCases().deactivateCollaborator().deactivate(app.token(), id, c.version()),
            saved -> {
              load();
              app.notice(saved.username() + " is deactivated.");
            },
            this::load),
        null);
  }

  private void reactivate(CollaboratorView c) {
    app.dialogs().confirm("Reactivate " + c.username(),
        List.of("Collaborator: " + c.fullName() + " (" + c.username() + ", #" + c.id() + ")"),
        "Reactivate this collaborator?",
        () -> app.change("ReactivateCollaborator", null,
            () -> app.useCases().reactivateCollaborator().reactivate(app.token(), id, c.version()),
            saved -> {
              load();
              app.notice(saved.username() + " is active again.");
            },
            this::load),
        null);
  }
}
