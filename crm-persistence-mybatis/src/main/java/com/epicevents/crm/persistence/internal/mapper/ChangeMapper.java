package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The changes feed and the webhook outbox it fans out to. */
public interface ChangeMapper {
  /**
   * Numbers and inserts the change under the audit chain's lock (crm.append_change, V9); returns
   * how many active subscriptions want {@code eventType} (0 when it is null). When none does, the
   * function has already sent the NOTIFY waking the feed's readers.
   */
  @Select("SELECT crm.append_change(#{chainLock}, #{row.at}, #{row.entityType}, #{row.entityId}, #{row.action},"
      + " #{row.version}, #{row.actorId}, #{row.changedFields}, #{eventType})")
  long append(@Param("chainLock") long chainLock, @Param("row") ChangeRow row, @Param("eventType") String eventType);

  @Select("INSERT INTO crm.webhook_events (id, type, occurred_at, body) VALUES (#{id}, #{type}, #{at}, #{body})"
      + " RETURNING 1")
  int insertEvent(@Param("id") String id, @Param("type") String type, @Param("at") Instant at,
      @Param("body") String body);

  /** One pending first attempt per active subscription that wants the type. */
  @Select("WITH queued AS (INSERT INTO crm.webhook_deliveries (subscription_id, event_id, attempt, status, next_attempt_at)"
      + " SELECT id, #{eventId}, 1, 'pending', #{at} FROM crm.webhook_subscriptions"
      + " WHERE active AND (#{type} = ANY (event_types) OR '*' = ANY (event_types)) RETURNING 1)"
      + " SELECT count(*) FROM queued")
  long fanOut(@Param("eventId") String eventId, @Param("type") String type, @Param("at") Instant at);

  /** Delivered to listeners when (and only if) the transaction commits. */
  @Select("SELECT 1 FROM (SELECT pg_notify('crm_changes', #{payload})) AS notified")
  int notifyListeners(@Param("payload") String payload);

  @Select("<script>SELECT seq, at, entity_type, entity_id, action, version, actor_id,"
      + " array_to_string(changed_fields, ',') AS changed_fields FROM crm.changes WHERE seq &gt; #{after}"
      + "<if test='entityType != null'> AND entity_type = #{entityType}</if>"
      + " ORDER BY seq LIMIT #{limit}</script>")
  List<ChangeRow> after(@Param("after") long after, @Param("entityType") String entityType, @Param("limit") int limit);
}
