package com.epicevents.crm.application.service;

import com.epicevents.crm.application.port.out.HostResolver;
import com.epicevents.crm.domain.error.ValidationFailed;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which webhook URLs the CRM may call (server-side request forgery defence): http or https
 * only, a host, no user info; and unless private networks are allowed, every address the host
 * resolves to must be public — not loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7),
 * link-local (169.254/16 with the cloud metadata service, fe80::/10), multicast, unspecified,
 * carrier-grade NAT (100.64/10) or an IPv4-mapped form of those. Checked at subscription and
 * again before every delivery, since DNS answers can change.
 */
final class WebhookUrls {
  private final HostResolver resolver;
  private final boolean allowPrivateNetworks;

  WebhookUrls(HostResolver resolver, boolean allowPrivateNetworks) {
    this.resolver = resolver;
    this.allowPrivateNetworks = allowPrivateNetworks;
  }

  /** The URL, or a ValidationFailed on field {@code url} saying why it is refused. */
  URI check(String url) {
    URI uri = parse(url);
    refusal(uri).ifPresent(reason -> {
      throw ValidationFailed.of("url", reason);
    });
    return uri;
  }

  /** Why this URL may not be called now, if it may not. */
  Optional<String> refusal(URI uri) {
    String host = uri.getHost();
    List<InetAddress> addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      return Optional.of("the host '" + host + "' does not resolve");
    }
    if (addresses.isEmpty()) {
      return Optional.of("the host '" + host + "' does not resolve");
    }
    if (allowPrivateNetworks) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (!isPublic(address)) {
        return Optional.of("resolves to " + address.getHostAddress()
            + ", a loopback, private, link-local or multicast address (set webhooks.allow-private-networks=true"
            + " to allow receivers on private networks)");
      }
    }
    return Optional.empty();
  }

  static URI parse(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw ValidationFailed.of("url", "is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw ValidationFailed.of("url", "must be an http or https URL");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw ValidationFailed.of("url", "must name a host");
    }
    if (uri.getRawUserInfo() != null) {
      throw ValidationFailed.of("url", "must not carry a user name or password");
    }
    if (uri.getRawFragment() != null) {
      throw ValidationFailed.of("url", "must not have a fragment");
    }
    return uri;
  }

  static boolean isPublic(InetAddress address) {
    if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
        || address.isMulticastAddress() || address.isAnyLocalAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first != 0 // "this network"
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // unique local fc00::/7
        return false;
      }
      boolean mappedOrCompatible = true;
      for (int i = 0; i < 10; i++) {
        mappedOrCompatible &= b[i] == 0;
      }
      if (mappedOrCompatible && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
        try {
          byte[] v4 = {b[12], b[13], b[14], b[15]};
          return isPublic(InetAddress.getByAddress(v4));
        } catch (UnknownHostException impossible) {
          return false;
        }
      }
    }
    return true;
  }
}
