package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.ApiKey;
import com.epicevents.crm.application.port.out.ApiKeyFilter;
import com.epicevents.crm.application.port.out.ApiKeyStore;
import com.epicevents.crm.application.port.out.Credential;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.application.port.out.SessionKind;
import com.epicevents.crm.domain.access.Scope;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.persistence.internal.credential.CredentialCache;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyCredentialRow;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyMapper;
import com.epicevents.crm.persistence.internal.mapper.ApiKeyRow;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * API keys in crm.api_keys, found by the SHA-256 of the whole key. Resolved keys share the
 * {@link CredentialCache} of sessions, and the same rule: every revocation announces itself on
 * {@link CredentialCache#CHANNEL} (delivered to every process at commit) and drops this process's
 * entry once committed, before the caller answers. A use is written at most once a minute per key.
 */
public final class MyBatisApiKeyStore implements ApiKeyStore {
  private static final Duration WRITE_USE_EVERY = Duration.ofMinutes(1);

  private final MyBatisTransactions tx;
  private final CredentialCache cache;
  /** The last use this process wrote, per key: spares a statement on every call. */
  private final ConcurrentHashMap<Long, Instant> written = new ConcurrentHashMap<>();

  public MyBatisApiKeyStore(MyBatisTransactions tx, CredentialCache cache) {
    this.tx = tx;
    this.cache = cache;
  }

  @Override
  public ApiKey create(ApiKey key) {
    ApiKeyRow row = toRow(key);
    long id = tx.withMapper(ApiKeyMapper.class, m -> m.insert(row));
    return findById(id).orElseThrow(); // as stored: times at the database's precision, the owner's name
  }

  @Override
  public Optional<ApiKey> findById(long id) {
    return Optional.ofNullable(tx.withMapper(ApiKeyMapper.class, m -> m.find(id))).map(MyBatisApiKeyStore::toDomain);
  }

  @Override
  public Optional<Credential> findCredential(String tokenHash) {
    if (tokenHash == null) {
      return Optional.empty();
    }
    return cache.get(tokenHash, hash -> Optional.ofNullable(
        tx.withMapper(ApiKeyMapper.class, m -> m.findCredential(hash))).map(MyBatisApiKeyStore::toCredential));
  }

  @Override
  public Page<ApiKey> list(ApiKeyFilter filter, PageRequest page, Instant now) {
    Long owner = filter.ownerId() == null ? null : filter.ownerId().value();
    List<ApiKeyRow> rows = tx.withMapper(ApiKeyMapper.class,
        m -> m.list(owner, filter.active(), micros(now), page.after(), page.limit() + 1));
    return Page.fromRows(rows.stream().map(MyBatisApiKeyStore::toDomain).toList(), page.limit(), ApiKey::id);
  }

  @Override
  public int countActive(CollaboratorId ownerId, Instant now) {
    return tx.withMapper(ApiKeyMapper.class, m -> m.countActive(ownerId.value(), micros(now)));
  }

  @Override
  public boolean revoke(long id, Instant at) {
    int revoked = tx.withMapper(ApiKeyMapper.class, m -> m.revoke(id, micros(at)));
    if (revoked > 0) {
      tx.withMapper(ApiKeyMapper.class, m -> m.announce(CredentialCache.CHANNEL, CredentialCache.keyRevoked(id)));
    }
    tx.afterCommit(() -> cache.invalidateKey(id));
    return revoked > 0;
  }

  @Override
  public List<ApiKey> revokeAllOf(CollaboratorId ownerId, Instant at) {
    Objects.requireNonNull(ownerId, "ownerId");
    List<Long> ids = tx.withMapper(ApiKeyMapper.class, m -> m.revokeAllOf(ownerId.value(), micros(at)));
    if (!ids.isEmpty()) {
      tx.withMapper(ApiKeyMapper.class, m -> m.announce(CredentialCache.CHANNEL,
          CredentialCache.ownerChanged(ownerId.value())));
    }
    tx.afterCommit(() -> cache.invalidateOwner(ownerId.value()));
    return ids.stream().map(id -> findById(id).orElseThrow()).toList();
  }

  @Override
  public void recordUse(long id, Instant at) {
    Instant last = written.get(id);
    if (last != null && at.isBefore(last.plus(WRITE_USE_EVERY))) {
      return;
    }
    written.put(id, at);
    tx.withMapper(ApiKeyMapper.class, m -> m.recordUse(id, micros(at)));
    if (written.size() > 100_000) {
      written.clear(); // a bound, not a policy: the statement itself refuses writes within the minute
    }
  }

  private static ApiKeyRow toRow(ApiKey k) {
    return new ApiKeyRow(k.id(), k.ownerId().value(), k.ownerName(), k.ownerTeam().name(), k.name(), k.prefix(),
        k.tokenHash(), k.scopes().stream().map(Scope::wireName).sorted().collect(Collectors.joining(",")),
        micros(k.createdAt()), micros(k.expiresAt()), micros(k.lastUsedAt()), micros(k.revokedAt()));
  }

  private static ApiKey toDomain(ApiKeyRow r) {
    return new ApiKey(r.id(), CollaboratorId.of(r.ownerId()), r.ownerName(), Team.valueOf(r.ownerTeam()), r.name(),
        r.prefix(), r.tokenHash(), scopes(r.scopes()), r.createdAt(), r.expiresAt(), r.lastUsedAt(), r.revokedAt());
  }

  private static Credential toCredential(ApiKeyCredentialRow r) {
    return new Credential(r.keyId(), r.tokenHash(), SessionKind.API_KEY, CollaboratorId.of(r.ownerId()),
        Team.valueOf(r.ownerTeam()), r.ownerActive(), r.expiresAt(), r.lastUsedAt(), r.revoked(), scopes(r.scopes()));
  }

  private static Set<Scope> scopes(String joined) {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    if (joined != null && !joined.isEmpty()) {
      // An unknown name (written by a later version) grants nothing here.
      Arrays.stream(joined.split(",")).forEach(name -> Scope.fromWireName(name).ifPresent(scopes::add));
    }
    return scopes;
  }
}
