package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import org.apache.ibatis.annotations.Arg;
import org.apache.ibatis.annotations.ConstructorArgs;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Idempotency records. */
public interface IdempotencyMapper {
  /** The transaction-scoped advisory lock of one (owner, key), taken without waiting. */
  @Select("SELECT pg_try_advisory_xact_lock(#{lock})")
  boolean tryLock(@Param("lock") long lock);

  @ConstructorArgs({
      @Arg(column = "owner_id", javaType = Long.class),
      @Arg(column = "idempotency_key", javaType = String.class),
      @Arg(column = "fingerprint", javaType = String.class),
      @Arg(column = "status", javaType = Integer.class),
      @Arg(column = "content_type", javaType = String.class),
      @Arg(column = "location", javaType = String.class),
      @Arg(column = "etag", javaType = String.class),
      @Arg(column = "body", javaType = byte[].class),
      @Arg(column = "created_at", javaType = Instant.class)})
  @Select("SELECT owner_id, idempotency_key, fingerprint, status, content_type, location, etag, body, created_at"
      + " FROM crm.idempotency_records"
      + " WHERE owner_id = #{ownerId} AND idempotency_key = #{key} AND created_at >= #{notBefore}")
  IdempotencyRow find(@Param("ownerId") long ownerId, @Param("key") String key, @Param("notBefore") Instant notBefore);

  @Insert("INSERT INTO crm.idempotency_records (owner_id, idempotency_key, fingerprint, status, content_type,"
      + " location, etag, body, created_at) VALUES (#{ownerId}, #{idempotencyKey}, #{fingerprint}, #{status},"
      + " #{contentType}, #{location}, #{etag}, #{body}, #{createdAt})"
      + " ON CONFLICT (owner_id, idempotency_key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint,"
      + " status = EXCLUDED.status, content_type = EXCLUDED.content_type, location = EXCLUDED.location,"
      + " etag = EXCLUDED.etag, body = EXCLUDED.body, created_at = EXCLUDED.created_at")
  int upsert(IdempotencyRow row);

  /** The oldest expired records first, at most {@code limit} of them. */
  @Delete("DELETE FROM crm.idempotency_records WHERE (owner_id, idempotency_key) IN ("
      + " SELECT owner_id, idempotency_key FROM crm.idempotency_records WHERE created_at < #{olderThan}"
      + " ORDER BY created_at LIMIT #{limit} FOR UPDATE SKIP LOCKED)")
  int prune(@Param("olderThan") Instant olderThan, @Param("limit") int limit);
}
