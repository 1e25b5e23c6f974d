package com.epicevents.crm.http.limits;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.io.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At most {@code max} open connections from one client address: the next one is closed as soon as
 * it opens, so that one client cannot take every connection the server will accept. Added to a
 * connector as a bean, it hears of every connection opened and closed there.
 */
public final class PerAddressConnectionLimit implements Connection.Listener {
  private static final Logger LOG = LoggerFactory.getLogger(PerAddressConnectionLimit.class);

  private final int max;
  private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
  /**
   * Each open connection's address, as read when it opened: once its end point is closed, a
   * connection no longer knows its remote address, and the count would never come down.
   */
  private final ConcurrentHashMap<Connection, InetAddress> addresses = new ConcurrentHashMap<>();

  public PerAddressConnectionLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be at least 1, got " + max);
    }
    this.max = max;
  }

  @Override
  public void onOpened(Connection connection) {
    InetAddress address = addressOf(connection);
    if (address == null) {
      return;
    }
    addresses.put(connection, address);
    int count = open.merge(address, 1, Integer::sum);
    if (count > max) {
      if (count == max + 1) {
        LOG.warn("connections from {} over the limit of {}: closing new ones", address.getHostAddress(), max);
      }
      connection.getEndPoint().close();
    }
  }

  @Override
  public void onClosed(Connection connection) {
    InetAddress address = addresses.remove(connection);
    if (address != null) {
      open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }
  }

  /** Open connections from this address now (for tests and metrics). */
  public int openFrom(InetAddress address) {
    return open.getOrDefault(address, 0);
  }

  private static InetAddress addressOf(Connection connection) {
    SocketAddress remote = connection.getEndPoint().getRemoteSocketAddress();
    return remote instanceof InetSocketAddress inet ? inet.getAddress() : null;
  }
}
