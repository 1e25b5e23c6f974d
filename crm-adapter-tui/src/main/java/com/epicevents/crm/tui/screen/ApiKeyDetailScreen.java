package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.tui.widget.Display;
import java.time.Instant;
import java.util.List;

/** One API key (never its secret), and revoking it. Opened from my keys, or from everyone's (management). */
final class ApiKeyDetailScreen extends DetailScreen<ApiKey> {
  private final long id;
  private final boolean everyone;

  ApiKeyDetailScreen(App app, long id, boolean everyone) {
    super(app, "API key #" + id);
    this.id = id;
    this.everyone = everyone;
  }

  @Override
  protected String useCaseName() {
    return "ManageApiKeys";
  }

  @Override
  protected ApiKey fetch() {
    return app.useCases().apiKeys().get(app.token(), id);
  }

  @Override
  protected List<Describe.Line> describe(ApiKey k) {
    Instant now = app.clock().instant();
    return List.of(
        new Describe.Line("API key", "#" + k.id()),
        new Describe.Line("Starts with", ApiKeyListScreen.shownPrefix(k) + "_… (the rest is secret)"),
        new Describe.Line("Name", k.name()),
        new Describe.Line("Owner", Describe.named(k.ownerName(), k.ownerId().value()) + ", " + k.ownerTeam()),
        new Describe.Line("Scopes", ApiKeyListScreen.scopes(k)),
        new Describe.Line("Status", ApiKeyListScreen.status(k, now)),
        new Describe.Line("Created", Display.dateTime(k.createdAt(), app.zone())),
        new Describe.Line("Expires", Display.dateTime(k.expiresAt(), app.zone())),
        new Describe.Line("Last used", k.lastUsedAt() == null ? "never" : Display.dateTime(k.lastUsedAt(), app.zone())),
        new Describe.Line("Revoked", Display.dateTime(k.revokedAt(), app.zone())));
  }

  @Override
  protected void addActions(ApiKey k) {
    if (!k.revoked()) {
      action('r', "Revoke (systems using it are refused at once)", () -> revoke(k));
    }
  }

  /** No under the cursor: revoking cannot be undone. */
  private void revoke(ApiKey k) {
    String shown = ApiKeyListScreen.shownPrefix(k);
    app.dialogs().confirmNo("Revoke " + shown,
        List.of("API key \"" + k.name() + "\" (" + shown + ") of " + Describe.named(k.ownerName(), k.ownerId().value()) + ".",
            "Every call made with it is refused from now on. This cannot be undone."),
        "Revoke this key? (y: yes, n or Esc: keep it)",
        () -> app.change("ManageApiKeys", null, () -> {
          if (everyone) {
            app.useCases().apiKeys().revoke(app.token(), k.id());
          } else {
            app.useCases().apiKeys().revokeMine(app.token(), k.id());
          }
          return k;
        }, revoked -> {
          load();
          app.notice("API key " + shown + " is revoked.");
        }, this::load),
        null);
  }
}
