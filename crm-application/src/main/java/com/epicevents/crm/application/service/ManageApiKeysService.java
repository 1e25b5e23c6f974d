package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ManageApiKeysUseCase;
import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.access.Action;
import com.epicevents.crm.domain.access.Ownership;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.audit.Changes;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.error.BusinessRuleViolated;
import com.epicevents.crm.domain.error.NotFound;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * API keys. A person (never a key: {@link Guard#authenticatePerson}) manages their own; management
 * manages everyone's. The secret leaves this class once, in {@link Created}; only its SHA-256 is
 * stored and nothing audited or reported ever holds it.
 */
final class ManageApiKeysService implements ManageApiKeysUseCase {
  private final CorePorts ports;
  private final Guard guard;

  ManageApiKeysService(CorePorts ports) {
    this.ports = ports;
    this.guard = new Guard(ports);
  }

  @Override
  public Created create(AuthToken token, CreateCommand command) {
    Created created = guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_OWN_API_KEYS);
      guard.permit(who, Action.MANAGE_OWN_API_KEYS, Ownership.NONE, EntityType.API_KEY, null);
      Instant now = guard.now();
      if (!command.expiresAt().isAfter(now)) {
        throw ValidationFailed.of("expiresAt", "must be in the future");
      }
      if (command.expiresAt().isAfter(now.plus(MAX_LIFETIME))) {
        throw ValidationFailed.of("expiresAt", "must be at most " + MAX_LIFETIME.toDays() + " days ahead");
      }
      if (ports.apiKeys().countActive(who.collaborator().id(), now) >= MAX_ACTIVE_PER_OWNER) {
        throw new BusinessRuleViolated(null, "you already have " + MAX_ACTIVE_PER_OWNER
            + " usable API keys: revoke one before creating another");
      }
      String prefix = ApiKeys.newPrefix();
      String secret = ApiKeys.newKey(prefix);
      ApiKey key = ports.apiKeys().create(new ApiKey(0, who.collaborator().id(),
          who.collaborator().fullName().value(), who.collaborator().team(), command.name(), prefix,
          Tokens.sha256(secret), command.scopes(), now, command.expiresAt(), null, null));
      guard.audit(who, "API_KEY_CREATED", EntityType.API_KEY, key.id(), new Changes()
          .field("name", null, key.name())
          .field("prefix", null, key.prefix())
          .field("scopes", null, scopeNames(key))
          .field("expiresAt", null, key.expiresAt().toString()));
      return new Created(key, secret);
    });
    ports.errorReporter().businessEvent("API key created", Map.of("apiKeyId", String.valueOf(created.key().id())));
    return created;
  }

  @Override
  public Page<ApiKey> listMine(AuthToken token, Boolean active, PageRequest page) {
    return guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_OWN_API_KEYS);
      guard.permit(who, Action.MANAGE_OWN_API_KEYS, Ownership.NONE, EntityType.API_KEY, null);
      return ports.apiKeys().list(new ApiKeyFilter(who.collaborator().id(), active), page, guard.now());
    });
  }

  @Override
  public ApiKey get(AuthToken token, long keyId) {
    return guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_OWN_API_KEYS);
      guard.permit(who, Action.MANAGE_OWN_API_KEYS, Ownership.NONE, EntityType.API_KEY, keyId);
      boolean anyone = guard.teamMay(who, Action.MANAGE_API_KEYS, EntityType.API_KEY);
      return ports.apiKeys().findById(keyId)
          .filter(k -> anyone || k.ownerId().equals(who.collaborator().id()))
          .orElseThrow(() -> new NotFound("API_KEY", keyId));
    });
  }

  @Override
  public void revokeMine(AuthToken token, long keyId) {
    guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_OWN_API_KEYS);
      guard.permit(who, Action.MANAGE_OWN_API_KEYS, Ownership.NONE, EntityType.API_KEY, keyId);
      ApiKey key = ports.apiKeys().findById(keyId)
          .filter(k -> k.ownerId().equals(who.collaborator().id()))
          .orElseThrow(() -> new NotFound("API_KEY", keyId));
      revoke(who, key, "revoked by its owner");
      return null;
    });
  }

  @Override
  public Page<ApiKey> listAll(AuthToken token, ApiKeyFilter filter, PageRequest page) {
    return guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_API_KEYS);
      guard.permit(who, Action.MANAGE_API_KEYS, Ownership.NONE, EntityType.API_KEY, null);
      return ports.apiKeys().list(filter == null ? ApiKeyFilter.ALL : filter, page, guard.now());
    });
  }

  @Override
  public void revoke(AuthToken token, long keyId) {
    guard.run(() -> {
      Authenticated who = guard.authenticatePerson(token, Action.MANAGE_API_KEYS);
      guard.permit(who, Action.MANAGE_API_KEYS, Ownership.NONE, EntityType.API_KEY, keyId);
      ApiKey key = ports.apiKeys().findById(keyId).orElseThrow(() -> new NotFound("API_KEY", keyId));
      revoke(who, key, who.collaborator().id().equals(key.ownerId()) ? "revoked by its owner" : "revoked by management");
      return null;
    });
  }

  /** Revoking a revoked key changes nothing and is not audited again. */
  private void revoke(Authenticated who, ApiKey key, String reason) {
    if (ports.apiKeys().revoke(key.id(), guard.now())) {
      guard.audit(who, "API_KEY_REVOKED", EntityType.API_KEY, key.id(),
          new Changes().field("prefix", null, key.prefix()).field("reason", null, reason));
      ports.errorReporter().businessEvent("API key revoked", Map.of("apiKeyId", String.valueOf(key.id())));
    }
  }

  static String scopeNames(ApiKey key) {
    return key.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(" "));
  }

  /**
   * Revokes every key of a collaborator whose deactivation or team change is being saved, in the
   * same unit of work, each audited.
   */
  static int revokeAllOf(CorePorts ports, Guard guard, Authenticated who, CollaboratorId owner, String reason) {
    List<ApiKey> revoked = ports.apiKeys().revokeAllOf(owner, guard.now());
    for (ApiKey key : revoked) {
      guard.audit(who, "API_KEY_REVOKED", EntityType.API_KEY, key.id(),
          new Changes().field("prefix", null, key.prefix()).field("reason", null, reason));
    }
    return revoked.size();
  }
}
