package com.epicevents.crm.persistence.internal.repository;

import static com.epicevents.crm.persistence.internal.repository.Times.micros;

import com.epicevents.crm.application.port.out.IdempotencyRecord;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.persistence.internal.mapper.IdempotencyMapper;
import com.epicevents.crm.persistence.internal.mapper.IdempotencyRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records in crm.idempotency_records, shared by every process. The lock of (owner,
 * key) is a transaction-scoped advisory lock on a 64-bit hash of both (a collision between two
 * keys in flight at the same moment only makes one of them wait for a retry).
 */
public final class MyBatisIdempotencyStore implements IdempotencyStore {
  private final MyBatisTransactions tx;

  public MyBatisIdempotencyStore(MyBatisTransactions tx) {
    this.tx = tx;
  }

  @Override
  public boolean tryLock(long ownerId, String key) {
    if (!tx.inUnit()) {
      throw new IllegalStateException("the lock of an idempotency key is taken inside a unit of work");
    }
    return tx.withMapper(IdempotencyMapper.class, m -> m.tryLock(lockOf(ownerId, key)));
  }

  @Override
  public Optional<IdempotencyRecord> find(long ownerId, String key, Instant notBefore) {
    IdempotencyRow row = tx.withMapper(IdempotencyMapper.class, m -> m.find(ownerId, key, notBefore));
    return Optional.ofNullable(row).map(r -> new IdempotencyRecord(r.ownerId(), r.idempotencyKey(), r.fingerprint(),
        new RecordedResponse(r.status(), r.contentType(), r.location(), r.etag(), r.body()), r.createdAt()));
  }

  @Override
  public void save(IdempotencyRecord record) {
    RecordedResponse response = record.response();
    IdempotencyRow row = new IdempotencyRow(record.ownerId(), record.key(), record.fingerprint(), response.status(),
        response.contentType(), response.location(), response.etag(), response.body(), micros(record.createdAt()));
    tx.withMapper(IdempotencyMapper.class, m -> m.upsert(row));
  }

  @Override
  public int prune(Instant olderThan, int limit) {
    return tx.withMapper(IdempotencyMapper.class, m -> m.prune(olderThan, limit));
  }

  /** The first 8 bytes of SHA-256(owner id, NUL, key). */
  static long lockOf(long ownerId, String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(Long.toString(ownerId).getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(key.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
