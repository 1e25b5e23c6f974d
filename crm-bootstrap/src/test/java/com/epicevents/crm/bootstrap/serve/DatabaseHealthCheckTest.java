package com.epicevents.crm.bootstrap.serve;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.persistence.CrmDatabase;
import com.epicevents.crm.persistence.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A pool with every connection in use is not a database down: /health says UP and the pool SATURATED. */
class DatabaseHealthCheckTest {

  @Test
  void aSaturatedPoolIsReportedApartAndTheDatabaseStaysUp() throws Exception {
    try (TestDatabase db = TestDatabase.fresh();
         HikariDataSource pool = CrmDatabase.pooledDataSource(db.jdbcUrl(), db.appRole(), db.appPassword(), 1);
         DatabaseHealthCheck health = new DatabaseHealthCheck(pool, Duration.ofSeconds(2))) {
      pool.setConnectionTimeout(10_000);
      assertTrue(health.databaseUp());
      assertFalse(health.poolSaturated());

      CompletableFuture<Void> waiting;
      try (Connection only = pool.getConnection()) {
        waiting = CompletableFuture.runAsync(() -> {
          try (Connection c = pool.getConnection()) {
            c.isValid(1);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!health.poolSaturated() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }
        assertTrue(health.poolSaturated(), "a request waits for the only connection");
        long start = System.nanoTime();
        assertTrue(health.databaseUp(), "the database itself answers");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(2).toNanos(), "without queueing for the pool");
      }
      waiting.get();
      assertFalse(health.poolSaturated());
      assertTrue(health.databaseUp());
    }
  }
}
