package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.WebhookSender;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Records every send and answers with the status set in {@link #answer} (204 by default). */
public final class RecordingWebhookSender implements WebhookSender {
  /** One recorded send. */
  public record Sent(URI url, String eventId, long timestamp, String body, List<String> secrets) {}

  public volatile int answer = 204;
  private final List<Sent> sent = new ArrayList<>();

  @Override
  public synchronized Outcome send(URI url, String eventId, long timestampSeconds, String body, List<String> secrets) {
    sent.add(new Sent(url, eventId, timestampSeconds, body, List.copyOf(secrets)));
    return new Outcome(answer, "", null, 1);
  }

  public synchronized List<Sent> sent() {
    return List.copyOf(sent);
  }
}
