package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fixed DNS answers; IP literals resolve to themselves without any lookup; other names are unknown. */
public final class FakeHostResolver implements HostResolver {
  private final Map<String, List<String>> answers = new ConcurrentHashMap<>();

  public void put(String host, String... addresses) {
    answers.put(host, List.of(addresses));
  }

  @Override
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (literal.matches("[0-9.]+") || literal.contains(":")) {
      return List.of(InetAddress.getByName(literal));
    }
    List<String> addresses = answers.get(host);
    if (addresses == null) {
      throw new UnknownHostException(host);
    }
    List<InetAddress> resolved = new java.util.ArrayList<>();
    for (String address : addresses) {
      resolved.add(InetAddress.getByName(address));
    }
    return resolved;
  }
}
