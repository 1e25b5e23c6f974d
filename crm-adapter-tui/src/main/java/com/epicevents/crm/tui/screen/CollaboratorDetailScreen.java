package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
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
    boolean lastManager = lastActiveManager(c);
    if (app.may(Action.UPDATE_COLLABORATOR)) {
      action('e', "Update the details (name, username, e-mail, phone, team)",
          () -> app.show(CollaboratorForms.edit(app, c, lastManager)));
    }
    if (app.may(Action.RESET_PASSWORD) && c.id() != app.me().id()) {
      action('r', "Reset the password", () -> app.show(CollaboratorForms.resetPassword(app, c)));
    }
    if (c.active() && app.may(Action.DEACTIVATE_COLLABORATOR) && !lastManager) {
      action('x', "Deactivate (they can no longer log in)", () -> deactivate(c));
    }
    if (!c.active() && app.may(Action.REACTIVATE_COLLABORATOR)) {
      action('x', "Reactivate", () -> reactivate(c));
    }
  }

  /**
   * Rule 7 asked before offering: the last active manager can be neither deactivated nor moved
   * out of MANAGEMENT, so those are not offered (the core still refuses them on save).
   */
  private boolean lastActiveManager(CollaboratorView c) {
    if (c.team() != Team.MANAGEMENT || !c.active() || !app.may(Action.DEACTIVATE_COLLABORATOR)) {
      return false;
    }
    return app.read("ViewCollaborators", () -> app.useCases().collaborators().list(app.token(),
            new CollaboratorFilter(Team.MANAGEMENT, true), new PageRequest(0, 2)))
        .map(page -> page.items().size() <= 1).orElse(false);
  }

  @Override
  protected List<Describe.Line> notes(CollaboratorView c) {
    return lastActiveManager(c)
        ? List.of(new Describe.Line("Note", "the last active manager: cannot be deactivated or leave MANAGEMENT"))
        : List.of();
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
