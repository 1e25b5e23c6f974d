package com.epicevents.crm.application.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.application.port.out.IdempotencyRecord;
import com.epicevents.crm.application.port.out.IdempotencyStore;
import com.epicevents.crm.application.port.out.RecordedResponse;
import com.epicevents.crm.domain.common.Team;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every IdempotencyStore keeps: exact responses per (owner, key), ignored and pruned once expired. */
public abstract class IdempotencyStoreContract extends PortContractSupport {
  private static final String FINGERPRINT = "a".repeat(64);

  private IdempotencyStore store() {
    return ports().idempotency();
  }

  private long owner() {
    return newCollaborator(Team.SALES).id().value();
  }

  private static IdempotencyRecord record(long owner, String key, String body, long minutes) {
    return new IdempotencyRecord(owner, key, FINGERPRINT, new RecordedResponse(201, "application/json; charset=utf-8",
        "/api/v1/clients/7", "\"1\"", body.getBytes(StandardCharsets.UTF_8)), at(minutes));
  }

  @Test
  void aSavedRecordIsFoundWithTheExactResponse() {
    long owner = owner();
    String key = unique("key-");
    byte[] body = {'{', 0, (byte) 0xFF, '}'};
    IdempotencyRecord saved = new IdempotencyRecord(owner, key, FINGERPRINT,
        new RecordedResponse(403, "application/problem+json", null, null, body), at(0));

    ports().transactions().run(() -> store().save(saved));

    IdempotencyRecord found = store().find(owner, key, at(-1)).orElseThrow();
    assertEquals(saved, found);
    assertArrayEquals(body, found.response().body());
  }

  @Test
  void recordsAreScopedToTheirOwner() {
    long one = owner();
    long two = owner();
    String key = unique("key-");
    ports().transactions().run(() -> store().save(record(one, key, "{\"one\":1}", 0)));

    assertEquals(Optional.empty(), store().find(two, key, at(-1)));
    assertTrue(store().find(one, key, at(-1)).isPresent());
  }

  @Test
  void aRecordOlderThanAskedCountsAsAbsentAndASaveReplacesIt() {
    long owner = owner();
    String key = unique("key-");
    ports().transactions().run(() -> store().save(record(owner, key, "{\"old\":1}", 0)));

    assertEquals(Optional.empty(), store().find(owner, key, at(1)));
    ports().transactions().run(() -> store().save(record(owner, key, "{\"new\":1}", 10)));

    assertEquals("{\"new\":1}",
        new String(store().find(owner, key, at(1)).orElseThrow().response().body(), StandardCharsets.UTF_8));
  }

  @Test
  void aRecordSavedInAUnitThatRollsBackIsNotKept() {
    long owner = owner();
    String key = unique("key-");

    assertThrows(IllegalStateException.class, () -> ports().transactions().run(() -> {
      store().save(record(owner, key, "{}", 0));
      throw new IllegalStateException("the change failed");
    }));

    assertEquals(Optional.empty(), store().find(owner, key, at(-1)));
  }

  @Test
  void pruningDeletesOnlyOlderRecordsAtMostTheLimitAtATime() {
    long owner = owner();
    String old1 = unique("old-");
    String old2 = unique("old-");
    String recent = unique("recent-");
    ports().transactions().run(() -> {
      store().save(record(owner, old1, "{}", -3_000_000));
      store().save(record(owner, old2, "{}", -3_000_001));
      store().save(record(owner, recent, "{}", 0));
    });

    int first = store().prune(at(-2_999_999), 1);
    int rest = store().prune(at(-2_999_999), 1000);

    assertEquals(1, first);
    assertTrue(rest >= 1);
    assertEquals(Optional.empty(), store().find(owner, old1, at(-4_000_000)));
    assertEquals(Optional.empty(), store().find(owner, old2, at(-4_000_000)));
    assertTrue(store().find(owner, recent, at(-1)).isPresent());
  }

  @Test
  void theLockOfAKeyIsObtainedInsideAUnitOfWork() {
    long owner = owner();
    String key = unique("key-");

    assertTrue(ports().transactions().inTransaction(() -> store().tryLock(owner, key)));
    assertThrows(IllegalStateException.class, () -> store().tryLock(owner, key));
  }
}
