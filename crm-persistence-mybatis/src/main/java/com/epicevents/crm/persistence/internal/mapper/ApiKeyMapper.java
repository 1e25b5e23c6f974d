package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** API keys (crm.api_keys). */
public interface ApiKeyMapper {
  String KEY = "SELECT k.id, k.owner_id, c.full_name AS owner_name, k.owner_team, k.name, k.prefix, k.token_hash,"
      + " array_to_string(k.scopes, ',') AS scopes, k.created_at, k.expires_at, k.last_used_at, k.revoked_at"
      + " FROM crm.api_keys k JOIN crm.collaborators c ON c.id = k.owner_id";

  @Select("INSERT INTO crm.api_keys (owner_id, owner_team, name, prefix, token_hash, scopes, created_at, expires_at)"
      + " VALUES (#{ownerId}, #{ownerTeam}, #{name}, #{prefix}, #{tokenHash}, string_to_array(#{scopes}, ','),"
      + " #{createdAt}, #{expiresAt}) RETURNING id")
  long insert(ApiKeyRow row);

  @Select(KEY + " WHERE k.id = #{id}")
  ApiKeyRow find(@Param("id") long id);

  /** One statement for the key check: the key and what its owner is now. */
  @Select("SELECT k.id AS key_id, k.token_hash, k.owner_id, c.team AS owner_team, c.active AS owner_active,"
      + " k.expires_at, coalesce(k.last_used_at, k.created_at) AS last_used_at,"
      + " (k.revoked_at IS NOT NULL OR c.team <> k.owner_team) AS revoked, array_to_string(k.scopes, ',') AS scopes"
      + " FROM crm.api_keys k JOIN crm.collaborators c ON c.id = k.owner_id WHERE k.token_hash = #{tokenHash}")
  ApiKeyCredentialRow findCredential(@Param("tokenHash") String tokenHash);

  @Select("<script>" + KEY + " WHERE k.id &gt; #{after}"
      + "<if test='ownerId != null'> AND k.owner_id = #{ownerId}</if>"
      + "<if test='active == true'> AND k.revoked_at IS NULL AND k.expires_at &gt; #{now}</if>"
      + "<if test='active == false'> AND (k.revoked_at IS NOT NULL OR k.expires_at &lt;= #{now})</if>"
      + " ORDER BY k.id LIMIT #{limit}</script>")
  List<ApiKeyRow> list(@Param("ownerId") Long ownerId, @Param("active") Boolean active, @Param("now") Instant now,
      @Param("after") long after, @Param("limit") int limit);

  @Select("SELECT count(*) FROM crm.api_keys WHERE owner_id = #{ownerId} AND revoked_at IS NULL"
      + " AND expires_at > #{now}")
  int countActive(@Param("ownerId") long ownerId, @Param("now") Instant now);

  @Update("UPDATE crm.api_keys SET revoked_at = #{at} WHERE id = #{id} AND revoked_at IS NULL")
  int revoke(@Param("id") long id, @Param("at") Instant at);

  @Select("UPDATE crm.api_keys SET revoked_at = #{at} WHERE owner_id = #{ownerId} AND revoked_at IS NULL"
      + " RETURNING id")
  List<Long> revokeAllOf(@Param("ownerId") long ownerId, @Param("at") Instant at);

  /** Last use moves forward only, and is written at most once a minute per key. */
  @Update("UPDATE crm.api_keys SET last_used_at = #{at} WHERE id = #{id}"
      + " AND (last_used_at IS NULL OR last_used_at <= #{at} - interval '1 minute')")
  int recordUse(@Param("id") long id, @Param("at") Instant at);

  /** Tells every process listening on {@code channel} (delivered when the transaction commits). */
  @Select("SELECT pg_notify(#{channel}, #{payload})::text")
  String announce(@Param("channel") String channel, @Param("payload") String payload);
}
