package com.epicevents.crm.bootstrap.logging;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import com.epicevents.crm.bootstrap.security.Redactor;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The encoder of logback.xml: the text pattern by default, or one JSON object a line for log
 * shippers once {@link LogFormat#apply} chose {@code json} ({@code log.format}). Both redact and
 * neutralise the same way: the message through {@link Redactor}, the stack trace through
 * {@link SafeThrowableConverter}. A JSON line holds {@code time}, {@code level}, {@code logger},
 * {@code thread}, {@code message}, every MDC value as its own field (the request log's
 * {@code http.method}, {@code http.route}, {@code http.status}, {@code http.durationMs},
 * {@code errorId}) and {@code error} when there is one.
 */
public class CrmLogEncoder extends EncoderBase<ILoggingEvent> {
  private static final JsonFactory JSON = new JsonFactory();
  private static volatile boolean json;

  private final PatternLayoutEncoder text = new PatternLayoutEncoder();
  private final SafeThrowableConverter throwable = new SafeThrowableConverter();
  private String pattern;

  /** Switches every CrmLogEncoder to JSON lines (true) or the text pattern (false). */
  static void useJson(boolean on) {
    json = on;
  }

  static boolean usesJson() {
    return json;
  }

  public void setPattern(String pattern) {
    this.pattern = pattern;
  }

  @Override
  public void start() {
    text.setContext(getContext());
    text.setPattern(pattern);
    text.setCharset(StandardCharsets.UTF_8);
    text.start();
    throwable.setContext(getContext());
    throwable.start();
    super.start();
  }

  @Override
  public void stop() {
    text.stop();
    throwable.stop();
    super.stop();
  }

  @Override
  public byte[] headerBytes() {
    return null;
  }

  @Override
  public byte[] encode(ILoggingEvent event) {
    return json ? jsonLine(event) : text.encode(event);
  }

  @Override
  public byte[] footerBytes() {
    return null;
  }

  byte[] jsonLine(ILoggingEvent event) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      g.writeStringField("level", event.getLevel().toString());
      g.writeStringField("logger", event.getLoggerName());
      g.writeStringField("thread", event.getThreadName());
      g.writeStringField("message", Redactor.redact(event.getFormattedMessage()));
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> field : new TreeMap<>(mdc).entrySet()) {
          if (!isReserved(field.getKey())) {
            g.writeStringField(field.getKey(), Redactor.redact(field.getValue()));
          }
        }
      }
      if (event.getThrowableProxy() != null) {
        g.writeStringField("error", throwable.convert(event).strip());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static boolean isReserved(String key) {
    return switch (key) {
      case "time", "level", "logger", "thread", "message", "error" -> true;
      default -> false;
    };
  }
}
