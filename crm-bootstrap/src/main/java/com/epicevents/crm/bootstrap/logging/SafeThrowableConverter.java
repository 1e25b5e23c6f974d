package com.epicevents.crm.bootstrap.logging;

import ch.qos.logback.classic.pattern.ThrowableHandlingConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import com.epicevents.crm.bootstrap.security.Redactor;

/**
 * The {@code %safeEx} of logback.xml: an exception as one line, appended to its event's line:
 * {@code | Type: message at frame <- caused by Type: message at frame}. Messages are redacted and
 * escaped like {@link SafeMessageConverter}. Multi-line stack traces would break "one line per
 * event"; the full trace goes to Sentry, scrubbed, when monitoring is on.
 */
public class SafeThrowableConverter extends ThrowableHandlingConverter {
  private static final int MAX_CAUSES = 5;

  @Override
  public String convert(ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(" | ");
    for (int depth = 0; throwable != null && depth < MAX_CAUSES; depth++) {
      if (depth > 0) {
        out.append(" <- caused by ");
      }
      out.append(throwable.getClassName());
      String message = throwable.getMessage();
      if (message != null) {
        out.append(": ").append(SafeMessageConverter.escape(Redactor.redact(message)));
      }
      StackTraceElementProxy[] frames = throwable.getStackTraceElementProxyArray();
      if (frames != null && frames.length > 0) {
        out.append(" at ").append(frames[0].getStackTraceElement());
      }
      throwable = throwable.getCause();
    }
    if (throwable != null) {
      out.append(" <- …");
    }
    return out.toString();
  }
}
