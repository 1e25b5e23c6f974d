package com.epicevents.crm.bootstrap.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** log.format=json: one JSON object a line, redacted like the text format, MDC values as fields. */
class JsonLogFormatTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("com.epicevents.crm.http.requests");

  @AfterEach
  void backToText() {
    LogFormat.apply("text");
  }

  @Test
  void aJsonLineCarriesTheRequestFieldsAndRedactsTheMessage() throws Exception {
    CrmLogEncoder encoder = encoder();
    LogFormat.apply("json");
    LoggingEvent event = new LoggingEvent("x", logger, Level.INFO,
        "GET /api/v1/clients/{id} -> 500 in 3 ms errorId=err-bcdfghjkmn by jane.doe@example.com\nforged line", null, null);
    event.setMDCPropertyMap(Map.of("http.method", "GET", "http.route", "/api/v1/clients/{id}", "http.status", "500",
        "http.durationMs", "3", "errorId", "err-bcdfghjkmn"));

    String line = new String(encoder.encode(event), StandardCharsets.UTF_8);

    assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "exactly one line: " + line);
    JsonNode json = new ObjectMapper().readTree(line);
    assertEquals("INFO", json.get("level").asText());
    assertEquals("com.epicevents.crm.http.requests", json.get("logger").asText());
    assertEquals("/api/v1/clients/{id}", json.get("http.route").asText());
    assertEquals("500", json.get("http.status").asText());
    assertEquals("err-bcdfghjkmn", json.get("errorId").asText());
    assertTrue(json.get("message").asText().contains("errorId=err-bcdfghjkmn"), line);
    assertFalse(line.contains("jane.doe@example.com"), "the e-mail is redacted: " + line);
  }

  @Test
  void theTextFormatIsThePatternAsBefore() {
    CrmLogEncoder encoder = encoder();
    LoggingEvent event = new LoggingEvent("x", logger, Level.INFO, "hello", null, null);

    assertEquals("INFO requests - hello\n", new String(encoder.encode(event), StandardCharsets.UTF_8));
  }

  private CrmLogEncoder encoder() {
    CrmLogEncoder encoder = new CrmLogEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger{0} - %msg%n");
    encoder.start();
    return encoder;
  }
}
