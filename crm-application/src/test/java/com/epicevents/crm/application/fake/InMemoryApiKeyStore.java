package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.ApiKeyStore;
import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.collaborator.Collaborator;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API keys in memory; one process, so every answer comes from the store. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
  private final InMemoryStore store;

  InMemoryApiKeyStore(InMemoryStore store) {
    this.store = store;
  }

  @Override
  public ApiKey create(ApiKey key) {
    return store.locked(() -> {
      boolean taken = store.apiKeys.values().stream()
          .anyMatch(k -> k.prefix().equals(key.prefix()) || k.tokenHash().equals(key.tokenHash()));
      if (taken) {
        throw new IllegalStateException("an API key with this prefix or hash exists");
      }
      ApiKey stored = key.withId(store.nextId());
      store.apiKeys.put(stored.id(), stored);
      return withOwnerName(stored);
    });
  }

  @Override
  public Optional<ApiKey> findById(long id) {
    return store.locked(() -> Optional.ofNullable(store.apiKeys.get(id)).map(this::withOwnerName));
  }

  @Override
  public Optional<Credential> findCredential(String tokenHash) {
    return store.locked(() -> store.apiKeys.values().stream().filter(k -> k.tokenHash().equals(tokenHash)).findFirst()
        .flatMap(k -> {
          Collaborator owner = store.collaborators.get(k.ownerId().value());
          if (owner == null) {
            return Optional.empty();
          }
          boolean revoked = k.revoked() || owner.team() != k.ownerTeam();
          return Optional.of(new Credential(k.id(), k.tokenHash(), SessionKind.API_KEY, k.ownerId(), owner.team(),
              owner.active(), k.expiresAt(), k.lastUsedAt() == null ? k.createdAt() : k.lastUsedAt(), revoked,
              k.scopes()));
        }));
  }

  @Override
  public Page<ApiKey> list(ApiKeyFilter filter, PageRequest page, Instant now) {
    return store.locked(() -> {
      List<ApiKey> rows = new ArrayList<>();
      for (ApiKey k : store.apiKeys.tailMap(page.after(), false).values()) {
        if (filter.ownerId() != null && !filter.ownerId().equals(k.ownerId())) {
          continue;
        }
        if (filter.active() != null && filter.active() != k.activeAt(now)) {
          continue;
        }
        rows.add(withOwnerName(k));
        if (rows.size() > page.limit()) {
          break;
        }
      }
      return Page.fromRows(rows, page.limit(), ApiKey::id);
    });
  }

  @Override
  public int countActive(CollaboratorId ownerId, Instant now) {
    return store.locked(() -> (int) store.apiKeys.values().stream()
        .filter(k -> k.ownerId().equals(ownerId) && k.activeAt(now)).count());
  }

  @Override
  public boolean revoke(long id, Instant at) {
    return store.locked(() -> {
      ApiKey k = store.apiKeys.get(id);
      if (k == null || k.revoked()) {
        return false;
      }
      store.apiKeys.put(id, revoked(k, at));
      return true;
    });
  }

  @Override
  public List<ApiKey> revokeAllOf(CollaboratorId ownerId, Instant at) {
    return store.locked(() -> {
      List<ApiKey> done = new ArrayList<>();
      for (ApiKey k : List.copyOf(store.apiKeys.values())) {
        if (k.ownerId().equals(ownerId) && !k.revoked()) {
          ApiKey r = revoked(k, at);
          store.apiKeys.put(k.id(), r);
          done.add(withOwnerName(r));
        }
      }
      return done;
    });
  }

  @Override
  public void recordUse(long id, Instant at) {
    store.locked(() -> {
      ApiKey k = store.apiKeys.get(id);
      if (k != null && (k.lastUsedAt() == null || !at.isBefore(k.lastUsedAt().plusSeconds(60)))) {
        store.apiKeys.put(id, new ApiKey(k.id(), k.ownerId(), k.ownerName(), k.ownerTeam(), k.name(), k.prefix(),
            k.tokenHash(), k.scopes(), k.createdAt(), k.expiresAt(), at, k.revokedAt()));
      }
      return null;
    });
  }

  private static ApiKey revoked(ApiKey k, Instant at) {
    return new ApiKey(k.id(), k.ownerId(), k.ownerName(), k.ownerTeam(), k.name(), k.prefix(), k.tokenHash(),
        k.scopes(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), at);
  }

  private ApiKey withOwnerName(ApiKey k) {
    Collaborator owner = store.collaborators.get(k.ownerId().value());
    String name = owner == null ? k.ownerName() : owner.fullName().value();
    return new ApiKey(k.id(), k.ownerId(), name, k.ownerTeam(), k.name(), k.prefix(), k.tokenHash(), k.scopes(),
        k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.revokedAt());
  }
}
