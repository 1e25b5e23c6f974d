package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.out.CollaboratorFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.util.List;
import java.util.function.Consumer;

/** The collaborator directory; management's way to each collaborator's actions, or to choose one. */
final class CollaboratorListScreen extends ListScreen<CollaboratorView> {
  private Team team;

  CollaboratorListScreen(App app) {
    this(app, null);
  }

  /** The directory, to choose a collaborator for another screen (whose keys to show…). */
  CollaboratorListScreen(App app, Consumer<CollaboratorView> onPick) {
    super(app, onPick != null ? "Choose a collaborator" : "Collaborators", onPick);
    StringBuilder hints = new StringBuilder("t: by team  a: all");
    key('t', "show one team at a time (press again for the next team)", this::nextTeam);
    key('a', "all collaborators", () -> {
      team = null;
      refresh();
    });
    if (!picking() && app.may(Action.CREATE_COLLABORATOR)) {
      hints.append("  n: new");
      key('n', "create a collaborator", () -> app.show(CollaboratorForms.create(app)));
    }
    start(List.of(
        new Column<>("ID", 7, c -> String.valueOf(c.id())),
        Column.growing("Username", 8, CollaboratorView::username),
        Column.growing("Full name", 10, 2, CollaboratorView::fullName),
        new Column<>("Team", 10, c -> c.team().name()),
        new Column<>("Active", 6, c -> c.active() ? "yes" : "no"),
        Column.growing("E-mail", 10, 3, CollaboratorView::email)),
        null, hints.toString());
  }

  private void nextTeam() {
    Team[] teams = Team.values();
    team = team == null ? teams[0] : team.ordinal() + 1 < teams.length ? teams[team.ordinal() + 1] : null;
    refresh();
  }

  @Override
  protected long idOf(CollaboratorView item) {
    return item.id();
  }

  @Override
  protected String useCaseName() {
    return "ViewCollaborators";
  }

  @Override
  protected Page<CollaboratorView> fetch(PageRequest page) {
    return app.useCases().collaborators().list(app.token(), new CollaboratorFilter(team, null), page);
  }

  @Override
  protected void open(CollaboratorView item) {
    app.show(new CollaboratorDetailScreen(app, new CollaboratorId(item.id())));
  }

  @Override
  protected String filterDescription() {
    return team == null ? "all collaborators" : "the " + team + " team";
  }
}
