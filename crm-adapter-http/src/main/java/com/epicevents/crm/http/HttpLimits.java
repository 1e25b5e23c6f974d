package com.epicevents.crm.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client, or many slow ones, may take of the server. The defaults are the figures
 * documented in the README ("Limits", and "Rate limits" for integrators).
 *
 * @param maxConnections open connections in all; beyond it new ones wait in the operating
 *     system's accept queue until one closes
 * @param maxConnectionsPerAddress open connections from one client address; beyond it a new one
 *     is closed at once (behind a proxy every client shares its address: raise it)
 * @param bodyTimeout time a request's whole body (at most 64 KiB) has to arrive after its headers;
 *     then 408 and the connection is closed. Bodies are read without holding a thread.
 * @param idleTimeout a connection with nothing happening for this long is closed
 * @param rateLimit requests per credential ({@link RateLimit#DEFAULT}: 20 per second, bursts of 100)
 */
public record HttpLimits(int maxConnections, int maxConnectionsPerAddress, Duration bodyTimeout, Duration idleTimeout,
    RateLimit rateLimit) {
  public static final HttpLimits DEFAULTS =
      new HttpLimits(2_000, 256, Duration.ofSeconds(10), Duration.ofSeconds(30), RateLimit.DEFAULT);

  public HttpLimits {
    Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    Objects.requireNonNull(rateLimit, "rateLimit");
    if (maxConnections < 1 || maxConnectionsPerAddress < 1) {
      throw new IllegalArgumentException("connection limits must be at least 1");
    }
    if (maxConnectionsPerAddress > maxConnections) {
      throw new IllegalArgumentException("the per-address limit (" + maxConnectionsPerAddress
          + ") cannot exceed the total (" + maxConnections + ")");
    }
    if (bodyTimeout.isNegative() || bodyTimeout.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("timeouts must be positive");
    }
  }

  /** The given connection limits and timeouts with the default rate limit. */
  public HttpLimits(int maxConnections, int maxConnectionsPerAddress, Duration bodyTimeout, Duration idleTimeout) {
    this(maxConnections, maxConnectionsPerAddress, bodyTimeout, idleTimeout, RateLimit.DEFAULT);
  }

  public HttpLimits withBodyTimeout(Duration timeout) {
    return new HttpLimits(maxConnections, maxConnectionsPerAddress, timeout, idleTimeout, rateLimit);
  }

  public HttpLimits withConnections(int total, int perAddress) {
    return new HttpLimits(total, perAddress, bodyTimeout, idleTimeout, rateLimit);
  }

  public HttpLimits withRateLimit(RateLimit limit) {
    return new HttpLimits(maxConnections, maxConnectionsPerAddress, bodyTimeout, idleTimeout, limit);
  }

  /**
   * A token bucket per credential: it holds at most {@code burst} requests and refills at
   * {@code perSecond}; a request finding it empty is answered 429. 0 for either turns the limit
   * off (it is then {@link #OFF}).
   */
  public record RateLimit(int perSecond, int burst) {
    public static final int MAX = 1_000_000;
    /** The product's default: 20 requests per second sustained, bursts of 100. */
    public static final RateLimit DEFAULT = new RateLimit(20, 100);
    /** No limit and no RateLimit-* headers: for tests and benchmarks that drive the API at full speed. */
    public static final RateLimit OFF = new RateLimit(0, 0);

    public RateLimit {
      if (perSecond < 0 || perSecond > MAX) {
        throw new IllegalArgumentException("perSecond must be between 0 (off) and " + MAX + ", got " + perSecond);
      }
      if (burst < 0 || burst > MAX) {
        throw new IllegalArgumentException("burst must be between 0 (off) and " + MAX + ", got " + burst);
      }
      if (perSecond == 0 || burst == 0) {
        perSecond = 0;
        burst = 0;
      }
    }

    public boolean on() {
      return perSecond > 0;
    }
  }
}
