package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * API keys, never their secrets: mine (everyone; n creates one), or everyone's (management,
 * filtered by owner). Enter opens a key, where it can be revoked.
 */
final class ApiKeyListScreen extends ListScreen<ApiKey> {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);
  private final boolean everyone;
  private CollaboratorView owner;
  private boolean activeOnly;

  private ApiKeyListScreen(App app, boolean everyone) {
    super(app, everyone ? "All API keys" : "My API keys", null);
    this.everyone = everyone;
    StringBuilder hints = new StringBuilder();
    if (everyone) {
      hints.append("o: owner  ");
      key('o', "one owner's keys: choose the collaborator", this::chooseOwner);
    } else {
      hints.append("n: new  ");
      key('n', "create an API key (its secret is shown once)", () -> app.show(ApiKeyForms.create(app)));
    }
    hints.append("u: active only  a: all");
    key('u', "active keys only (neither revoked nor expired)", () -> {
      activeOnly = true;
      refresh();
    });
    key('a', everyone ? "every key of everyone (clears the filters)" : "all my keys, revoked and expired too", () -> {
      owner = null;
      activeOnly = false;
      clearSearch();
      refresh();
    });
    List<Column<ApiKey>> columns = new ArrayList<>();
    columns.add(new Column<>("Key", 12, ApiKeyListScreen::shownPrefix));
    if (everyone) {
      columns.add(Column.growing("Owner", 10, 1, k -> k.ownerName() == null ? "#" + k.ownerId().value() : k.ownerName()));
    }
    columns.add(Column.growing("Name", 8, 2, ApiKey::name));
    columns.add(Column.growing("Scopes", 12, 3, ApiKeyListScreen::scopes));
    columns.add(new Column<>("Expires", 10, k -> day(k.expiresAt())));
    columns.add(new Column<>("Last used", 10, k -> day(k.lastUsedAt())));
    columns.add(new Column<>("Status", 7, k -> status(k, app.clock().instant())));
    start(columns, null, hints.toString());
  }

  /** Everyone's own keys. */
  static ApiKeyListScreen mine(App app) {
    return new ApiKeyListScreen(app, false);
  }

  /** Management: everyone's keys. */
  static ApiKeyListScreen everyone(App app) {
    return new ApiKeyListScreen(app, true);
  }

  @Override
  protected String about() {
    return everyone
        ? "Every collaborator's API keys (never their secrets). o: one owner's; u: active only; Enter: a key, to revoke it."
        : "Your API keys (never their secrets): systems use them to act as you, narrowed to their scopes. n: a new"
            + " one; Enter: a key, to revoke it.";
  }

  private void chooseOwner() {
    CollaboratorListScreen[] picker = new CollaboratorListScreen[1];
    picker[0] = new CollaboratorListScreen(app, picked -> {
      owner = picked;
      app.back(picker[0]);
      refresh();
    });
    app.show(picker[0]);
  }

  @Override
  protected String useCaseName() {
    return "ManageApiKeys";
  }

  @Override
  protected Page<ApiKey> fetch(PageRequest page) {
    Boolean active = activeOnly ? Boolean.TRUE : null;
    if (!everyone) {
      return app.useCases().apiKeys().listMine(app.token(), active, page);
    }
    return app.useCases().apiKeys().listAll(app.token(),
        new ApiKeyFilter(owner == null ? null : new CollaboratorId(owner.id()), active), page);
  }

  @Override
  protected long idOf(ApiKey item) {
    return item.id();
  }

  @Override
  protected void open(ApiKey item) {
    app.show(new ApiKeyDetailScreen(app, item.id(), everyone));
  }

  @Override
  protected String filterDescription() {
    String whose = !everyone ? "my keys" : owner == null ? "everyone's keys" : "the keys of " + Describe.named(owner.fullName(), owner.id());
    return whose + (activeOnly ? ", active only" : ", revoked and expired too");
  }

  /** The public part of a key, as it starts: enough to recognise it, never the secret. */
  static String shownPrefix(ApiKey key) {
    return "crm_" + key.prefix();
  }

  static String scopes(ApiKey key) {
    return key.scopes().stream().sorted().map(Scope::wireName).collect(Collectors.joining(", "));
  }

  static String status(ApiKey key, Instant now) {
    return key.revoked() ? "revoked" : key.activeAt(now) ? "active" : "expired";
  }

  private String day(Instant at) {
    return at == null ? "never" : DAY.format(at.atZone(app.zone()));
  }
}
