package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.ManageApiKeysUseCase;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase.Created;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.tui.form.ChecksField;
import com.epicevents.crm.tui.form.DateField;
import com.epicevents.crm.tui.form.TextField;
import com.epicevents.crm.tui.widget.Choice;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/** Creating one of my API keys; its secret is shown once, in a dialog, after saving. */
final class ApiKeyForms {
  private ApiKeyForms() {}

  static Screen create(App app) {
    return new Create(app);
  }

  /**
   * The scopes with their wire names; one that allows nothing the user's team may do (the
   * permission table) is marked, as a key with it would only ever be refused.
   */
  private static List<Choice.Option<Scope>> scopes(App app) {
    return Arrays.stream(Scope.values())
        .map(s -> new Choice.Option<>(s, s.wireName() + (app.scopeUseful(s) ? "" : " (unusable)")))
        .toList();
  }

  private static final class Create extends FormScreen<Created> {
    private final TextField name = form.text("name", "Name", true, null);
    private final ChecksField<Scope> scopes;
    private final DateField expiresAt;

    Create(App app) {
      super(app, "Create an API key", "ManageApiKeys");
      scopes = form.checks("scopes", "Scopes", scopes(app), app.pageRows() - 5);
      Instant byDefault = app.clock().instant().plus(ManageApiKeysUseCase.DEFAULT_LIFETIME).truncatedTo(ChronoUnit.MINUTES);
      expiresAt = form.date("expiresAt", "Expires", true, byDefault, DateField.Bound.NOT_PAST);
      build("Acts as you, narrowed to its scopes. (unusable): of no use to your team.");
      helpLine("Space", "tick or untick the highlighted scope");
    }

    @Override
    protected String about() {
      return "A key lets a system act as you, narrowed to the scopes ticked; a scope marked (unusable) allows nothing"
          + " your team may do. It expires at the latest " + ManageApiKeysUseCase.MAX_LIFETIME.toDays() + " days ahead ("
          + ManageApiKeysUseCase.DEFAULT_LIFETIME.toDays() + " by default). Its secret is shown once, after saving. "
          + super.about();
    }

    @Override
    protected Supplier<Created> prepare() {
      command();
      return () -> app.useCases().apiKeys().create(app.token(), command());
    }

    private ManageApiKeysUseCase.CreateCommand command() {
      return ManageApiKeysUseCase.CreateCommand.of(name.value(),
          scopes.values().stream().map(Scope::wireName).toList(), expiresAt.instant());
    }

    @Override
    protected String question() {
      return "Create this API key?";
    }

    /** Back to the list, the secret above it: the only time it is ever shown. */
    @Override
    protected void saved(Created created) {
      app.back(this);
      String prefix = ApiKeyListScreen.shownPrefix(created.key());
      app.dialogs().message("Your new API key: copy it now", List.of(
          "API key \"" + created.key().name() + "\" (" + prefix + "):",
          "",
          created.secret(),
          "",
          "Copy it now: it will NOT be shown again. The CRM keeps only a fingerprint of it; if it is lost,"
              + " revoke the key and create another.",
          "Systems send it as: Authorization: Bearer <key>"),
          () -> app.notice("API key " + prefix + " was created."));
    }
  }
}
