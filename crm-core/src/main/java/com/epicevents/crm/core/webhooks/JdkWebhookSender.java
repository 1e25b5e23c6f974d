package com.epicevents.crm.core.webhooks;

import com.epicevents.crm.application.port.out.WebhookSender;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Sends webhook attempts with the JDK's HttpClient: POST, {@value #TIMEOUT_SECONDS} s to connect
 * and {@value #TIMEOUT_SECONDS} s for the whole exchange, redirects never followed (a 3xx is a
 * failed attempt), at most {@value #MAX_RESPONSE_BYTES} bytes of the response body read (for the
 * delivery log), signed as Standard Webhooks over the exact bytes sent.
 */
public final class JdkWebhookSender implements WebhookSender {
  static final int TIMEOUT_SECONDS = 10;
  static final int MAX_RESPONSE_BYTES = 4096;
  private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(TIMEOUT)
      .followRedirects(HttpClient.Redirect.NEVER)
      .version(HttpClient.Version.HTTP_1_1)
      .build();

  @Override
  public Outcome send(URI url, String eventId, long timestampSeconds, String body, List<String> secrets) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(TIMEOUT)
        .header("Content-Type", "application/json")
        .header("User-Agent", "EpicEventsCRM-Webhooks/1")
        .header("webhook-id", eventId)
        .header("webhook-timestamp", Long.toString(timestampSeconds))
        .header("webhook-signature", WebhookSignature.header(secrets, eventId, timestampSeconds, bytes))
        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
        .build();
    long started = System.nanoTime();
    try {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      String start;
      try (InputStream in = response.body()) {
        start = new String(in.readNBytes(MAX_RESPONSE_BYTES), StandardCharsets.UTF_8);
      }
      return new Outcome(response.statusCode(), start, null, elapsed(started));
    } catch (HttpTimeoutException e) {
      return new Outcome(null, null, "timed out after " + TIMEOUT_SECONDS + " s", elapsed(started));
    } catch (IOException e) {
      return new Outcome(null, null, "could not deliver: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " (" + firstLine(e.getMessage()) + ")"), elapsed(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, null, "interrupted (the server is stopping)", elapsed(started));
    }
  }

  private static int elapsed(long started) {
    return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
  }

  private static String firstLine(String message) {
    String line = message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
