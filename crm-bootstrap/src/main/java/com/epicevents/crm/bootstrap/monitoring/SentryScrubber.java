package com.epicevents.crm.bootstrap.monitoring;

import com.epicevents.crm.bootstrap.security.Redactor;
import io.sentry.Breadcrumb;
import io.sentry.Hint;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Last line of defence before an event leaves the process: drops the request and user fields
 * and runs {@link Redactor} over every free text the SDK will serialise (message, exception
 * messages, extras, tag values, custom contexts, breadcrumbs). Values under a key that names a
 * secret ("password", "token"…) are replaced whole.
 *
 * <p>Installed as both {@code beforeSend} and {@code beforeBreadcrumb}.
 */
public final class SentryScrubber
    implements SentryOptions.BeforeSendCallback, SentryOptions.BeforeBreadcrumbCallback {

  /** Record ids travel as tags by design (errorId, clientId…): an id-shaped value under such a key is kept. */
  private static final Pattern ID_TAG_KEY = Pattern.compile("[a-z][A-Za-z]*Id");
  private static final Pattern ID_TAG_VALUE = Pattern.compile("\\d{1,19}|[0-9a-f]{8}");

  /**
   * Returns the scrubbed event, or null (drop it) when scrubbing fails: the SDK would otherwise
   * send the event as it was.
   */
  @Override
  public SentryEvent execute(SentryEvent event, Hint hint) {
    try {
      return scrub(event);
    } catch (RuntimeException | StackOverflowError failed) {
      return null;
    }
  }

  /** Returns the scrubbed breadcrumb, or null (drop it) when scrubbing fails. */
  @Override
  public Breadcrumb execute(Breadcrumb breadcrumb, Hint hint) {
    try {
      return scrub(breadcrumb);
    } catch (RuntimeException | StackOverflowError failed) {
      return null;
    }
  }

  private static SentryEvent scrub(SentryEvent event) {
    event.setRequest(null);
    event.setUser(null);
    event.setTransaction(Redactor.redact(event.getTransaction()));
    scrubMessage(event.getMessage());
    if (event.getExceptions() != null) {
      for (SentryException exception : event.getExceptions()) {
        exception.setValue(Redactor.redact(exception.getValue()));
      }
    }
    if (event.getExtras() != null) {
      event.setExtras(scrubMap(event.getExtras()));
    }
    if (event.getTags() != null) {
      Map<String, String> tags = new LinkedHashMap<>();
      event.getTags().forEach((key, value) -> tags.put(key, scrubTag(key, value)));
      event.setTags(tags);
    }
    scrubContexts(event.getContexts());
    if (event.getBreadcrumbs() != null) {
      event.getBreadcrumbs().forEach(SentryScrubber::scrub);
    }
    return event;
  }

  private static Breadcrumb scrub(Breadcrumb breadcrumb) {
    breadcrumb.setMessage(Redactor.redact(breadcrumb.getMessage()));
    if (breadcrumb.getData() == null) {
      return breadcrumb;
    }
    for (String key : new ArrayList<>(breadcrumb.getData().keySet())) {
      Object value = scrubEntry(key, breadcrumb.getData(key));
      if (value == null) {
        breadcrumb.removeData(key);
      } else {
        breadcrumb.setData(key, value);
      }
    }
    return breadcrumb;
  }

  private static void scrubMessage(Message message) {
    if (message == null) {
      return;
    }
    message.setMessage(Redactor.redact(message.getMessage()));
    message.setFormatted(Redactor.redact(message.getFormatted()));
    if (message.getParams() != null) {
      List<String> params = new ArrayList<>();
      message.getParams().forEach(param -> params.add(Redactor.redact(param)));
      message.setParams(params);
    }
  }

  private static String scrubTag(String key, String value) {
    if (Redactor.isSecretKey(key)) {
      return Redactor.MARK;
    }
    if (value != null && ID_TAG_KEY.matcher(key).matches() && ID_TAG_VALUE.matcher(value).matches()) {
      return value;
    }
    return Redactor.redact(value);
  }

  /**
   * Custom contexts are plain maps and get scrubbed; the SDK's typed ones (os, runtime, trace)
   * carry no user input. The HTTP response context can carry bodies and cookies: dropped.
   */
  private static void scrubContexts(Contexts contexts) {
    contexts.remove("response");
    for (String key : Collections.list(contexts.keys())) {
      Object value = contexts.get(key);
      if (value instanceof Map || value instanceof Collection || value instanceof String) {
        contexts.put(key, scrubEntry(key, value));
      }
    }
  }

  private static Map<String, Object> scrubMap(Map<?, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(String.valueOf(key), scrubEntry(String.valueOf(key), value)));
    return out;
  }

  private static Object scrubEntry(String key, Object value) {
    if (value != null && Redactor.isSecretKey(key)) {
      return Redactor.MARK;
    }
    return scrubValue(value);
  }

  private static Object scrubValue(Object value) {
    if (value == null || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      return scrubMap(map);
    }
    if (value instanceof Collection<?> items) {
      List<Object> out = new ArrayList<>();
      items.forEach(item -> out.add(scrubValue(item)));
      return out;
    }
    // Strings, and any other object the SDK would otherwise serialise field by field.
    return Redactor.redact(String.valueOf(value));
  }
}
