package com.epicevents.crm.http;

import java.time.Duration;
import java.util.Objects;

/**
 * What one client, or many slow ones, may take of the server. The defaults are the figures
 * documented in the README ("Limits").
 *
 * @param maxConnections open connections in all; beyond it new ones wait in the operating
 *     system's accept queue until one closes
 * @param maxConnectionsPerAddress open connections from one client address; beyond it a new one
 *     is closed at once (behind a proxy every client shares its address: raise it)
 * @param bodyTimeout time a request's whole body (at most 64 KiB) has to arrive after its headers;
 *     then 408 and the connection is closed. Bodies are read without holding a thread.
 * @param idleTimeout a connection with nothing happening for this long is closed
 */
public record HttpLimits(int maxConnections, int maxConnectionsPerAddress, Duration bodyTimeout, Duration idleTimeout) {
  public static final HttpLimits DEFAULTS = new HttpLimits(2_000, 256, Duration.ofSeconds(10), Duration.ofSeconds(30));

  public HttpLimits {
    Objects.requireNonNull(bodyTimeout, "bodyTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
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

  public HttpLimits withBodyTimeout(Duration timeout) {
    return new HttpLimits(maxConnections, maxConnectionsPerAddress, timeout, idleTimeout);
  }

  public HttpLimits withConnections(int total, int perAddress) {
    return new HttpLimits(total, perAddress, bodyTimeout, idleTimeout);
  }
}
