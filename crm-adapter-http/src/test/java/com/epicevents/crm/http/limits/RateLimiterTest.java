package com.epicevents.crm.http.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.epicevents.crm.http.HttpLimits.RateLimit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic, on a clock the test moves by hand. */
class RateLimiterTest {
  private final AtomicLong now = new AtomicLong(123_456_789L);
  private final RateLimiter limiter = new RateLimiter(new RateLimit(20, 100), now::get);

  @Test
  void aNewCredentialMayBurstUpToTheLimitThenIsRefused() {
    for (int i = 1; i <= 100; i++) {
      RateLimiter.Decision d = limiter.take("k");
      assertTrue(d.allowed(), "request " + i);
      assertEquals(100, d.limit());
      assertEquals(100 - i, d.remaining());
    }
    RateLimiter.Decision refused = limiter.take("k");
    assertFalse(refused.allowed());
    assertEquals(0, refused.remaining());
    assertEquals(1, refused.retryAfterSeconds(), "one token comes back after 50 ms: at least 1 s is said");
    assertEquals(5, refused.resetSeconds(), "100 tokens at 20 per second: full again in 5 s");
  }

  @Test
  void theBucketRefillsAtTheSustainedRateAndNeverBeyondTheBurst() {
    drain("k");
    advance(49);
    assertFalse(limiter.take("k").allowed(), "49 ms: not yet one token");
    advance(1);
    RateLimiter.Decision d = limiter.take("k");
    assertTrue(d.allowed(), "50 ms at 20 per second is one token");
    assertEquals(0, d.remaining());
    assertFalse(limiter.take("k").allowed());

    advance(1_000);
    assertEquals(19, limiter.take("k").remaining(), "one second is 20 tokens, one of them taken now");

    advance(60_000);
    RateLimiter.Decision rested = limiter.take("k");
    assertEquals(99, rested.remaining(), "a minute's rest refills to the burst, not beyond");
    assertEquals(1, rested.resetSeconds(), "one token missing comes back within the second");
  }

  @Test
  void resetCountsWholeSecondsUntilTheBucketIsFullAndIsZeroWhenItIs() {
    assertEquals(0, limiter.peek("k").resetSeconds(), "an unknown credential's bucket is full");
    assertEquals(100, limiter.peek("k").remaining());
    for (int i = 0; i < 30; i++) {
      limiter.take("k");
    }
    assertEquals(2, limiter.peek("k").resetSeconds(), "30 tokens at 20 per second: 1.5 s, said as 2");
    advance(1_500);
    assertEquals(0, limiter.peek("k").resetSeconds());
    assertEquals(100, limiter.peek("k").remaining());
  }

  @Test
  void refusedRequestsTakeNothingAndRetryAfterIsTheWaitForOneRequest() {
    RateLimiter slow = new RateLimiter(new RateLimit(1, 2), now::get);
    slow.take("k");
    slow.take("k");
    advance(400);
    for (int i = 0; i < 10; i++) {
      RateLimiter.Decision refused = slow.take("k");
      assertFalse(refused.allowed());
      assertEquals(1, refused.retryAfterSeconds(), "0.6 s to go, said as 1 s");
      assertEquals(2, refused.resetSeconds(), "1.6 s until full, said as 2 s");
    }
    advance(600);
    assertTrue(slow.take("k").allowed(), "the refused requests did not push the wait further");

    RateLimiter verySlow = new RateLimiter(new RateLimit(1, 10), now::get);
    for (int i = 0; i < 10; i++) {
      verySlow.take("v");
    }
    assertEquals(1, verySlow.take("v").retryAfterSeconds());
    assertEquals(10, verySlow.take("v").resetSeconds());
  }

  @Test
  void peekingNeverCountsARequest() {
    drain("k");
    for (int i = 0; i < 50; i++) {
      RateLimiter.Decision looked = limiter.peek("k");
      assertTrue(looked.allowed());
      assertEquals(0, looked.remaining());
    }
    advance(50);
    assertTrue(limiter.take("k").allowed(), "the peeks took nothing from the token that came back");
  }

  @Test
  void eachCredentialHasItsOwnBucket() {
    drain("a");
    assertFalse(limiter.take("a").allowed());
    RateLimiter.Decision other = limiter.take("b");
    assertTrue(other.allowed());
    assertEquals(99, other.remaining());
  }

  @Test
  void aBucketIdleUntilFullIsForgottenSoMemoryStaysBounded() {
    for (int i = 0; i < 1_000; i++) {
      limiter.take("credential-" + i);
    }
    assertEquals(1_000, limiter.buckets());
    advance(4_999);
    limiter.take("credential-0");
    assertEquals(1_000, limiter.buckets(), "not yet full: still kept");
    advance(1);
    assertEquals(1, limiter.buckets(), "full again after 5 s, so the same as a new bucket: forgotten");
    advance(5_000);
    assertEquals(0, limiter.buckets());
    assertEquals(99, limiter.take("credential-1").remaining(), "a forgotten credential starts with a full bucket");
  }

  @Test
  void theBucketOfABearerCredentialIsItsSha256AndOtherwiseTheClientAddress() {
    String key = RateLimiter.keyOf("Bearer crm_abcdefgh_secretsecretsecretsecretsecretsecret", "10.0.0.1");
    assertTrue(key.startsWith("credential:") && key.length() == "credential:".length() + 64, key);
    assertFalse(key.contains("secret"), "the raw credential is never kept");
    assertEquals(key, RateLimiter.keyOf("bearer crm_abcdefgh_secretsecretsecretsecretsecretsecret", "10.0.0.2"),
        "the same credential from another address is the same bucket");
    assertNotEquals(key, RateLimiter.keyOf("Bearer another-token", "10.0.0.1"));
    assertEquals("credential:" + sha256Hex("t0ken"), RateLimiter.keyOf("Bearer t0ken", "x"));
    assertEquals("address:10.0.0.1", RateLimiter.keyOf(null, "10.0.0.1"));
    assertEquals("address:10.0.0.1", RateLimiter.keyOf("Bearer   ", "10.0.0.1"));
    assertEquals("address:10.0.0.1", RateLimiter.keyOf("Basic dXNlcjpwYXNz", "10.0.0.1"));
  }

  @Test
  void anOffLimitNeedsNoLimiterAndBadFiguresAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RateLimiter(RateLimit.OFF, now::get));
    assertFalse(new RateLimit(0, 500).on());
    assertEquals(RateLimit.OFF, new RateLimit(0, 500), "0 per second is off, whatever the burst");
    assertEquals(RateLimit.OFF, new RateLimit(20, 0), "a burst of 0 is off too");
    assertTrue(new RateLimit(1, 1).on());
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, -1));
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(RateLimit.MAX + 1, 10));
    assertThrows(IllegalArgumentException.class, () -> new RateLimit(10, RateLimit.MAX + 1));
  }

  @Test
  void theLargestSettingsDoNotOverflow() {
    RateLimiter big = new RateLimiter(new RateLimit(RateLimit.MAX, RateLimit.MAX), now::get);
    assertEquals(RateLimit.MAX - 1, big.take("k").remaining());
    advance(TimeUnit.DAYS.toMillis(400));
    assertEquals(RateLimit.MAX - 1, big.take("k").remaining());
    assertEquals(1, big.peek("k").resetSeconds());
  }

  private void drain(String key) {
    while (limiter.take(key).allowed()) {
      // empty it
    }
  }

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  private static String sha256Hex(String value) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
