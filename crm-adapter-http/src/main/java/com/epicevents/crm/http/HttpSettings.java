package com.epicevents.crm.http;

import java.util.List;
import java.util.Objects;

/**
 * Where the API listens and which browser origins may call it.
 *
 * @param host the interface to bind, e.g. {@code 127.0.0.1}
 * @param port the TCP port; 0 picks a free one (tests)
 * @param corsOrigins origins allowed by CORS, e.g. {@code https://crm.example.com}; empty keeps
 *     CORS closed (no CORS header is ever sent)
 * @param limits connections, body timeouts and the rate limit ({@link HttpLimits#DEFAULTS} unless set)
 */
public record HttpSettings(String host, int port, List<String> corsOrigins, HttpLimits limits) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8080;

  public HttpSettings {
    Objects.requireNonNull(host, "host");
    if (host.isBlank()) {
      throw new IllegalArgumentException("host must not be blank");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    corsOrigins = List.copyOf(corsOrigins == null ? List.of() : corsOrigins);
    limits = limits == null ? HttpLimits.DEFAULTS : limits;
    for (String origin : corsOrigins) {
      if (origin.isBlank() || origin.contains(" ")) {
        throw new IllegalArgumentException("CORS origin must be a scheme://host[:port] or *, got '" + origin + "'");
      }
    }
  }

  public HttpSettings(String host, int port, List<String> corsOrigins) {
    this(host, port, corsOrigins, HttpLimits.DEFAULTS);
  }

  public HttpSettings withLimits(HttpLimits newLimits) {
    return new HttpSettings(host, port, corsOrigins, newLimits);
  }

  /** {@code 127.0.0.1:8080}, CORS closed: the contract's default. */
  public static HttpSettings defaults() {
    return new HttpSettings(DEFAULT_HOST, DEFAULT_PORT, List.of());
  }

  /**
   * Loopback on a free port, CORS closed and <b>no rate limit</b>: for tests and tools that drive
   * the API faster than a client may ({@code crm serve} and {@link #defaults()} keep the limit).
   */
  public static HttpSettings loopbackRandomPort() {
    return new HttpSettings(DEFAULT_HOST, 0, List.of(), HttpLimits.DEFAULTS.withRateLimit(HttpLimits.RateLimit.OFF));
  }
}
