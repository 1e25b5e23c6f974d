package com.epicevents.crm.http.limits;

import com.epicevents.crm.http.HttpLimits.RateLimit;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket per credential, in this process: each bucket holds at most {@code burst}
 * requests and refills at {@code perSecond}; a request that finds it empty is refused (429) and
 * takes nothing. Several processes each keep their own buckets (N processes allow N times the rate).
 *
 * <p>A request is counted against its credential: the SHA-256 of the value of
 * {@code Authorization: Bearer <value>} (a session token or an API key; the raw value is never kept).
 * A request without a bearer credential (logging in, a malformed header) is counted against its
 * client address instead. The check does not decide whether the credential is valid: that is the
 * core's business, after this.
 *
 * <p>Memory stays bounded: a bucket left alone until it is full again is the same as a new one, so it
 * is forgotten then (idle for {@code burst / perSecond} seconds), and at most {@value #MAX_BUCKETS}
 * are kept (the least used go first; a forgotten bucket starts full).
 *
 * <p>Levels are whole numbers of nano-tokens (10<sup>-9</sup> token): {@code elapsed nanoseconds ×
 * perSecond} is exactly what a bucket regains, with no rounding drift.
 */
public final class RateLimiter {
  static final long MAX_BUCKETS = 100_000;
  private static final long ONE = 1_000_000_000L;
  private static final String BEARER = "Bearer ";

  private final int perSecond;
  private final int burst;
  private final long capacity;
  private final long fullRefillNanos;
  private final LongSupplier nanoTime;
  private final Cache<String, Bucket> buckets;

  /**
   * What a request was told: {@code limit} is the burst, {@code remaining} the whole requests left,
   * {@code resetSeconds} the time until the bucket is full again and, when refused,
   * {@code retryAfterSeconds} the time until one request is allowed (at least 1).
   */
  public record Decision(boolean allowed, int limit, long remaining, long resetSeconds, long retryAfterSeconds) {}

  public RateLimiter(RateLimit limit) {
    this(limit, System::nanoTime);
  }

  /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}; a fake one in tests) */
  RateLimiter(RateLimit limit, LongSupplier nanoTime) {
    Objects.requireNonNull(limit, "limit");
    if (!limit.on()) {
      throw new IllegalArgumentException("the rate limit is off: no limiter is needed");
    }
    this.perSecond = limit.perSecond();
    this.burst = limit.burst();
    this.capacity = burst * ONE;
    this.fullRefillNanos = ceilDiv(capacity, perSecond);
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    this.buckets = Caffeine.newBuilder()
        .maximumSize(MAX_BUCKETS)
        .expireAfterAccess(Duration.ofNanos(fullRefillNanos))
        .ticker(nanoTime::getAsLong)
        .executor(Runnable::run) // housekeeping on the calling thread: no pool of its own
        .build();
  }

  /**
   * The bucket a request is counted against: its bearer credential, hashed, or else its client
   * address.
   */
  public static String keyOf(String authorization, String clientAddress) {
    if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      String credential = authorization.substring(BEARER.length()).strip();
      if (!credential.isEmpty()) {
        return "credential:" + sha256(credential);
      }
    }
    return "address:" + clientAddress;
  }

  /** Counts one request against {@code key}. */
  public Decision take(String key) {
    long now = nanoTime.getAsLong();
    return buckets.get(key, k -> new Bucket(now)).take(now);
  }

  /** What {@link #take} would say about {@code key}'s bucket, without counting a request. */
  public Decision peek(String key) {
    long now = nanoTime.getAsLong();
    Bucket bucket = buckets.policy().getIfPresentQuietly(key);
    return bucket == null ? decision(true, capacity, 0) : bucket.peek(now);
  }

  /** Buckets kept now (after dropping the expired ones). */
  long buckets() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }

  private Decision decision(boolean allowed, long level, long retryAfterSeconds) {
    long resetSeconds = ceilDiv(ceilDiv(capacity - level, perSecond), ONE);
    return new Decision(allowed, burst, level / ONE, resetSeconds, retryAfterSeconds);
  }

  private static long ceilDiv(long dividend, long divisor) {
    return (dividend + divisor - 1) / divisor; // both non-negative here
  }

  private static String sha256(String value) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** One credential's bucket; {@code level} in nano-tokens, as of {@code updated}. */
  private final class Bucket {
    private long level = capacity;
    private long updated;

    Bucket(long now) {
      updated = now;
    }

    synchronized Decision take(long now) {
      refill(now);
      if (level < ONE) {
        long retryAfter = Math.max(1, ceilDiv(ceilDiv(ONE - level, perSecond), ONE));
        return decision(false, level, retryAfter);
      }
      level -= ONE;
      return decision(true, level, 0);
    }

    synchronized Decision peek(long now) {
      refill(now);
      return decision(true, level, 0);
    }

    private void refill(long now) {
      long elapsed = Math.max(0, now - updated);
      // Bounded before multiplying: at most capacity, far from overflow.
      level = elapsed >= fullRefillNanos ? capacity : Math.min(capacity, level + elapsed * perSecond);
      updated = Math.max(updated, now);
    }
  }
}
