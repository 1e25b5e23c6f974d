package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Webhook subscriptions, events and deliveries. */
public interface WebhookMapper {
  String SUBSCRIPTION = "SELECT id, url, array_to_string(event_types, ',') AS event_types, description, active,"
      + " secret_sealed, previous_secret_sealed, previous_secret_until, failing_since, disabled_reason,"
      + " created_at, updated_at, version FROM crm.webhook_subscriptions";
  String DELIVERY = "SELECT d.id, d.subscription_id, d.event_id, e.type AS event_type, d.attempt, d.status,"
      + " d.response_status, d.error, d.duration_ms, d.at, d.next_attempt_at, NULL AS body"
      + " FROM crm.webhook_deliveries d JOIN crm.webhook_events e ON e.id = d.event_id";

  @Select("INSERT INTO crm.webhook_subscriptions (url, event_types, description, active, secret_sealed,"
      + " created_at, updated_at) VALUES (#{url}, string_to_array(#{eventTypes}, ','), #{description}, #{active},"
      + " #{secretSealed}, #{createdAt}, #{updatedAt}) RETURNING id")
  long insert(WebhookSubscriptionRow row);

  @Select(SUBSCRIPTION + " WHERE id = #{id}")
  WebhookSubscriptionRow find(@Param("id") long id);

  @Select(SUBSCRIPTION + " WHERE id = #{id} FOR UPDATE")
  WebhookSubscriptionRow findForUpdate(@Param("id") long id);

  @Select(SUBSCRIPTION + " WHERE id > #{after} ORDER BY id LIMIT #{limit}")
  List<WebhookSubscriptionRow> list(@Param("after") long after, @Param("limit") int limit);

  @Update("UPDATE crm.webhook_subscriptions SET url = #{url}, event_types = string_to_array(#{eventTypes}, ','),"
      + " description = #{description}, active = #{active}, secret_sealed = #{secretSealed},"
      + " previous_secret_sealed = #{previousSecretSealed}, previous_secret_until = #{previousSecretUntil},"
      + " failing_since = #{failingSince}, disabled_reason = #{disabledReason}, updated_at = #{updatedAt}"
      + " WHERE id = #{id} AND version = #{version}")
  int update(WebhookSubscriptionRow row);

  @Select("INSERT INTO crm.webhook_events (id, type, occurred_at, body) VALUES (#{id}, #{type}, #{at}, #{body})"
      + " RETURNING 1")
  int insertEvent(@Param("id") String id, @Param("type") String type, @Param("at") Instant at,
      @Param("body") String body);

  @Select("INSERT INTO crm.webhook_deliveries (subscription_id, event_id, attempt, status, next_attempt_at)"
      + " VALUES (#{subscriptionId}, #{eventId}, #{attempt}, 'pending', #{at}) RETURNING id")
  long queue(@Param("subscriptionId") long subscriptionId, @Param("eventId") String eventId,
      @Param("attempt") int attempt, @Param("at") Instant at);

  @Select("<script>" + DELIVERY + " WHERE d.subscription_id = #{subscriptionId} AND d.id &gt; #{after}"
      + "<if test='status != null'> AND d.status = #{status}</if> ORDER BY d.id LIMIT #{limit}</script>")
  List<WebhookDeliveryRow> deliveries(@Param("subscriptionId") long subscriptionId, @Param("status") String status,
      @Param("after") long after, @Param("limit") int limit);

  @Select(DELIVERY + " WHERE d.subscription_id = #{subscriptionId} AND d.id = #{id}")
  WebhookDeliveryRow delivery(@Param("subscriptionId") long subscriptionId, @Param("id") long id);

  /**
   * Claims due attempts of active subscriptions: pending ones due now, and sending ones whose
   * claim expired (their worker died). A disabled subscription's attempts wait until it is
   * enabled again. SKIP LOCKED lets concurrent workers (threads or processes) each take
   * different rows instead of waiting; the status change commits before anything is sent.
   */
  @Select("WITH due AS (SELECT d.id FROM crm.webhook_deliveries d"
      + " JOIN crm.webhook_subscriptions s ON s.id = d.subscription_id"
      + " WHERE d.status IN ('pending', 'sending') AND d.next_attempt_at <= #{now} AND s.active"
      + " ORDER BY d.next_attempt_at LIMIT #{max} FOR UPDATE OF d SKIP LOCKED)"
      + " UPDATE crm.webhook_deliveries d SET status = 'sending', next_attempt_at = #{until}, claimed_until = #{until}"
      + " FROM due, crm.webhook_events e WHERE d.id = due.id AND e.id = d.event_id"
      + " RETURNING d.id, d.subscription_id, d.event_id, e.type AS event_type, d.attempt, d.status,"
      + " d.response_status, d.error, d.duration_ms, d.at, d.next_attempt_at, e.body")
  List<WebhookDeliveryRow> claim(@Param("now") Instant now, @Param("until") Instant until, @Param("max") int max);

  @Update("UPDATE crm.webhook_deliveries SET status = #{status}, response_status = #{responseStatus},"
      + " error = #{error}, duration_ms = #{durationMs}, at = #{at}, next_attempt_at = NULL, claimed_until = NULL"
      + " WHERE id = #{id}")
  int finish(@Param("id") long id, @Param("status") String status, @Param("responseStatus") Integer responseStatus,
      @Param("error") String error, @Param("durationMs") int durationMs, @Param("at") Instant at);

  @Select("SELECT count(*) FILTER (WHERE d.next_attempt_at <= #{now}) AS due,"
      + " count(*) FILTER (WHERE d.next_attempt_at > #{now}) AS scheduled"
      + " FROM crm.webhook_deliveries d JOIN crm.webhook_subscriptions s ON s.id = d.subscription_id"
      + " WHERE d.status IN ('pending', 'sending') AND s.active")
  java.util.Map<String, Long> queued(@Param("now") Instant now);

  @Select("SELECT count(*) FILTER (WHERE active AND failing_since IS NOT NULL) AS failing,"
      + " count(*) FILTER (WHERE NOT active) AS disabled FROM crm.webhook_subscriptions")
  java.util.Map<String, Long> subscriptionStates();
}
