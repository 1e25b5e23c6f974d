package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.collaborator.CollaboratorId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys, found by the SHA-256 of the whole key. Revocation is immediate everywhere, as for
 * sessions (see {@link SessionStore}): once a revoking call has committed, no process accepts the
 * key any more, whatever it keeps in memory.
 */
public interface ApiKeyStore {
  /** Stores a new key (its id is ignored); returns it with the id assigned. */
  ApiKey create(ApiKey key);

  Optional<ApiKey> findById(long id);

  /**
   * The key behind a hash as a credential: owner, the owner's team and state now, expiry, scopes,
   * and whether it is revoked (also when its owner has changed team since it was made). May be
   * answered from memory, within the revocation rule.
   */
  Optional<Credential> findCredential(String tokenHash);

  /** Keys in id order (oldest first), after {@code page.after()}. */
  Page<ApiKey> list(ApiKeyFilter filter, PageRequest page, Instant now);

  /** How many keys of this owner are usable at {@code now}. */
  int countActive(CollaboratorId ownerId, Instant now);

  /** Revokes one key; false when it was already revoked or does not exist. */
  boolean revoke(long id, Instant at);

  /** Revokes every key of the owner still not revoked; returns those it revoked. */
  List<ApiKey> revokeAllOf(CollaboratorId ownerId, Instant at);

  /** Notes a use of the key; written at most once a minute per key. */
  void recordUse(long id, Instant at);
}
