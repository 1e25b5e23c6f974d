package com.epicevents.crm.bootstrap.monitoring;

import com.epicevents.crm.application.port.out.ErrorIds;
import com.epicevents.crm.application.port.out.ErrorReporter;
import io.sentry.Sentry;
import io.sentry.SentryEvent;
import io.sentry.SentryLevel;
import io.sentry.protocol.Message;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ErrorReporter} on the Sentry Java SDK. The SDK keeps its state in statics, so there is
 * one reporter per process: {@link #start} it once at boot and {@link #close} it at shutdown.
 *
 * <p>Started without a DSN it initialises nothing and sends nothing; it still hands out error ids
 * so that the user-facing messages look the same.
 */
public final class SentryErrorReporter implements ErrorReporter, AutoCloseable {
  public static final long FLUSH_TIMEOUT_MILLIS = 2_000;
  public static final String TAG_USE_CASE = "useCase";
  public static final String TAG_ACTOR_ID = "actorId";
  public static final String TAG_ERROR_ID = "errorId";

  private static final Logger LOG = LoggerFactory.getLogger(SentryErrorReporter.class);

  private final boolean enabled;
  private final SecureRandom random = new SecureRandom();

  private SentryErrorReporter(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Initialises Sentry from the settings, or returns a reporter that does nothing when no DSN is
   * set.
   *
   * @throws IllegalArgumentException when the DSN is set but not a valid DSN (the value is not
   *     repeated in the message: it holds the project key)
   */
  public static SentryErrorReporter start(SentrySettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (!settings.enabled()) {
      LOG.info("Monitoring off: no Sentry DSN configured");
      return new SentryErrorReporter(false);
    }
    SentryScrubber scrubber = new SentryScrubber();
    try {
      Sentry.init(options -> {
        options.setDsn(settings.dsn());
        options.setEnvironment(settings.environment());
        options.setRelease(settings.release());
        options.setSendDefaultPii(false);
        // The host name of a desktop running the text UI often names its owner.
        options.setAttachServerName(false);
        options.setBeforeSend(scrubber);
        options.setBeforeBreadcrumb(scrubber);
        options.setFlushTimeoutMillis(FLUSH_TIMEOUT_MILLIS);
        options.setShutdownTimeoutMillis(FLUSH_TIMEOUT_MILLIS);
      });
    } catch (RuntimeException invalid) {
      // Deliberately without the cause: the SDK's message may quote the DSN.
      throw new IllegalArgumentException("sentry dsn: not a valid Sentry DSN (value not shown)");
    }
    if (!Sentry.isEnabled()) {
      throw new IllegalArgumentException("sentry dsn: Sentry refused the DSN (value not shown)");
    }
    LOG.info("Monitoring on: Sentry, environment {}, release {}", settings.environment(), settings.release());
    return new SentryErrorReporter(true);
  }

  /** True when events are actually sent. */
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public String reportUnexpected(Throwable error, String useCase, Long actorId) {
    String errorId = newErrorId();
    if (!enabled || error == null) {
      return errorId;
    }
    SentryEvent event = new SentryEvent(error);
    event.setLevel(SentryLevel.ERROR);
    setTag(event, TAG_USE_CASE, useCase);
    setTag(event, TAG_ACTOR_ID, actorId == null ? null : actorId.toString());
    setTag(event, TAG_ERROR_ID, errorId);
    capture(event);
    return errorId;
  }

  @Override
  public void businessEvent(String message, Map<String, String> tags) {
    Objects.requireNonNull(message, "message");
    if (!enabled) {
      return;
    }
    Message text = new Message();
    text.setMessage(message);
    SentryEvent event = new SentryEvent();
    event.setMessage(text);
    event.setLevel(SentryLevel.INFO);
    if (tags != null) {
      tags.forEach((key, value) -> setTag(event, key, value));
    }
    capture(event);
  }

  @Override
  public void flush() {
    if (enabled) {
      Sentry.flush(FLUSH_TIMEOUT_MILLIS);
    }
  }

  /** Sends what is queued and shuts the SDK down; call once, at process exit. */
  @Override
  public void close() {
    if (enabled) {
      Sentry.flush(FLUSH_TIMEOUT_MILLIS);
      Sentry.close();
    }
  }

  private String newErrorId() {
    return ErrorIds.next(random);
  }

  private static void setTag(SentryEvent event, String key, String value) {
    if (key != null && value != null) {
      event.setTag(key, value);
    }
  }

  /** Monitoring must never turn a handled failure into a new one. */
  private static void capture(SentryEvent event) {
    try {
      Sentry.captureEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("Could not hand an event to Sentry: {}", e.getClass().getName());
    }
  }
}
