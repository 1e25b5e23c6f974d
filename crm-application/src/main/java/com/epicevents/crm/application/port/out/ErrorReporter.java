package com.epicevents.crm.application.port.out;

import java.util.Map;

/**
 * Monitoring (Sentry in production): unexpected errors and key business events. Tags carry ids,
 * never personal data or secrets. Without configuration it does nothing.
 */
public interface ErrorReporter {
  /**
   * Reports an unexpected exception; returns the short reference id shown to the user.
   *
   * @param useCase the use case that failed, e.g. "CreateClient"
   * @param actorId the collaborator acting, or null
   */
  String reportUnexpected(Throwable error, String useCase, Long actorId);

  /** Reports a business event such as "collaborator created" with record ids as tags. */
  void businessEvent(String message, Map<String, String> tags);

  /** Sends what is queued; called on shutdown. */
  default void flush() {}

  ErrorReporter NONE = new ErrorReporter() {
    @Override
    public String reportUnexpected(Throwable error, String useCase, Long actorId) {
      return ErrorIds.next();
    }

    @Override
    public void businessEvent(String message, Map<String, String> tags) {}
  };
}
