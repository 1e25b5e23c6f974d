package com.epicevents.crm.application.port.in;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * API keys: machine credentials that act as their owner, narrowed by scopes. A person (never a
 * key) creates, lists and revokes their own; management lists and revokes anyone's. Creation and
 * revocation are audited (entity type API_KEY), never with the secret.
 */
public interface ManageApiKeysUseCase {
  /** The longest a key may live. */
  Duration MAX_LIFETIME = Duration.ofDays(366);
  /** What a form offers when the person does not choose. */
  Duration DEFAULT_LIFETIME = Duration.ofDays(90);
  /** Usable keys one collaborator may hold at once. */
  int MAX_ACTIVE_PER_OWNER = 50;
  int MAX_NAME_LENGTH = 100;

  /** The key and its secret in clear: the only time the secret is handed out. */
  record Created(ApiKey key, String secret) {
    @Override
    public String toString() {
      return "Created[" + key + "]";
    }
  }

  /**
   * A new key. {@code expiresAt} is checked against the clock by the use case (in the future, at
   * most {@link #MAX_LIFETIME} ahead); everything else here.
   */
  record CreateCommand(String name, Set<Scope> scopes, Instant expiresAt) {
    public CreateCommand {
      List<FieldError> errors = new ArrayList<>();
      checkName(name, errors);
      if (scopes == null || scopes.isEmpty()) {
        errors.add(new FieldError("scopes", "must name at least one scope; known scopes: " + knownScopes()));
      }
      checkExpiry(expiresAt, errors);
      if (!errors.isEmpty()) {
        throw new ValidationFailed(errors);
      }
      name = name.strip();
      scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** From the names integrators write ({@code clients:read} …); every bad field is reported at once. */
    public static CreateCommand of(String name, List<String> scopeNames, Instant expiresAt) {
      List<FieldError> errors = new ArrayList<>();
      checkName(name, errors);
      Set<Scope> scopes = EnumSet.noneOf(Scope.class);
      if (scopeNames == null || scopeNames.isEmpty()) {
        errors.add(new FieldError("scopes", "must name at least one scope; known scopes: " + knownScopes()));
      } else {
        for (String raw : scopeNames) {
          Scope.fromWireName(raw).ifPresentOrElse(scopes::add, () -> errors.add(new FieldError("scopes",
              "unknown scope '" + printable(raw) + "'; known scopes: " + knownScopes())));
        }
      }
      checkExpiry(expiresAt, errors);
      if (!errors.isEmpty()) {
        throw new ValidationFailed(errors);
      }
      return new CreateCommand(name, scopes, expiresAt);
    }

    private static void checkName(String name, List<FieldError> errors) {
      String stripped = name == null ? "" : name.strip();
      if (stripped.isEmpty()) {
        errors.add(new FieldError("name", "is required"));
      } else if (stripped.length() > MAX_NAME_LENGTH) {
        errors.add(new FieldError("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
      } else if (stripped.chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError("name", "must not contain control characters"));
      }
    }

    private static void checkExpiry(Instant expiresAt, List<FieldError> errors) {
      if (expiresAt == null) {
        errors.add(new FieldError("expiresAt", "is required (at most " + MAX_LIFETIME.toDays() + " days ahead)"));
      }
    }
  }

  /** The scope names, comma-separated, for messages and forms. */
  static String knownScopes() {
    return String.join(", ", EnumSet.allOf(Scope.class).stream().map(Scope::wireName).toList());
  }

  private static String printable(String raw) {
    if (raw == null) {
      return "null";
    }
    String shown = raw.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return shown.length() > 40 ? shown.substring(0, 40) + "…" : shown;
  }

  /** Creates a key for the caller (a person's session only). */
  Created create(AuthToken token, CreateCommand command);

  /**
   * The caller's keys, oldest first: only usable ones ({@code active} true), only revoked or expired
   * ones (false), or all (null).
   */
  Page<ApiKey> listMine(AuthToken token, Boolean active, PageRequest page);

  /** One key: the caller's own, or (management) anyone's; any other is not found. */
  ApiKey get(AuthToken token, long keyId);

  /** Revokes one of the caller's keys at once; a key that is not theirs is not found. */
  void revokeMine(AuthToken token, long keyId);

  /** Everyone's keys (management). */
  Page<ApiKey> listAll(AuthToken token, ApiKeyFilter filter, PageRequest page);

  /** Revokes anyone's key at once (management). */
  void revoke(AuthToken token, long keyId);
}
