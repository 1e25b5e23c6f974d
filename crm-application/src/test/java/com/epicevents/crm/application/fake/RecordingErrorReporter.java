package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.ErrorReporter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what would have gone to monitoring, for assertions. */
public final class RecordingErrorReporter implements ErrorReporter {
  public record BusinessEvent(String message, Map<String, String> tags) {}

  public record Unexpected(Throwable error, String useCase, Long actorId, String errorId) {}

  private final List<BusinessEvent> events = new CopyOnWriteArrayList<>();
  private final List<Unexpected> errors = new CopyOnWriteArrayList<>();

  @Override
  public String reportUnexpected(Throwable error, String useCase, Long actorId) {
    String id = "err" + (errors.size() + 1);
    errors.add(new Unexpected(error, useCase, actorId, id));
    return id;
  }

  @Override
  public void businessEvent(String message, Map<String, String> tags) {
    events.add(new BusinessEvent(message, Map.copyOf(tags)));
  }

  public List<BusinessEvent> businessEvents() {
    return List.copyOf(events);
  }

  public List<Unexpected> unexpectedErrors() {
    return List.copyOf(errors);
  }
}
