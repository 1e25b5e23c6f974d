package com.epicevents.crm.persistence.internal.repository;

import com.epicevents.crm.domain.audit.FieldChange;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit trail's hash chain: {@code hash = hex(SHA-256(prevHash + canonical(entry)))}, the
 * first entry's prevHash being 64 zeros. The canonical form is defined here, not by a library's
 * defaults, so that a later upgrade cannot change old hashes: a JSON object with keys sorted
 * (action, actorId, at, changes, entityId, entityType; the changes' keys sorted too), no
 * whitespace, strings escaping only {@code "}, {@code \} and characters below U+0020 (as
 * \\u00XX), {@code at} in UTC with exactly six fraction digits.
 */
public final class AuditHashing {
  public static final String GENESIS = "0".repeat(64);
  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AuditHashing() {}

  /** The changes as stored in the jsonb column: {"field": {"from": ..., "to": ...}}. */
  public static ObjectNode changesNode(Map<String, FieldChange> changes) {
    ObjectNode node = NODES.objectNode();
    changes.forEach((field, change) -> {
      ObjectNode fromTo = node.putObject(field);
      fromTo.put("from", change.from());
      fromTo.put("to", change.to());
    });
    return node;
  }

  public static String toJson(JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  public static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("the stored changes are not valid JSON", e);
    }
  }

  /** Reads stored changes back; a value that is not an object of from/to strings is refused. */
  public static Map<String, FieldChange> changesOf(JsonNode node) {
    Map<String, FieldChange> changes = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      changes.put(field.getKey(), new FieldChange(text(value.get("from")), text(value.get("to"))));
    }
    return changes;
  }

  public static String hash(
      String prevHash, Instant at, Long actorId, String action, String entityType, Long entityId, JsonNode changes) {
    return sha256Hex(prevHash + canonical(at, actorId, action, entityType, entityId, changes));
  }

  /**
   * The entry's canonical form, without its predecessor: the hash is that of the previous hash
   * followed by this text. crm.append_audit_entry (V9) computes the same SHA-256 in the database.
   */
  public static String canonical(Instant at, Long actorId, String action, String entityType, Long entityId,
      JsonNode changes) {
    ObjectNode entry = NODES.objectNode();
    entry.put("action", action);
    entry.put("actorId", actorId);
    entry.put("at", AT.format(at));
    entry.set("changes", changes);
    entry.put("entityId", entityId);
    entry.put("entityType", entityType);
    StringBuilder canonical = new StringBuilder();
    writeCanonical(entry, canonical);
    return canonical.toString();
  }

  static void writeCanonical(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeString(names.get(i), out);
        out.append(':');
        writeCanonical(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeCanonical(node.get(i), out);
      }
      out.append(']');
    } else if (node.isTextual()) {
      writeString(node.textValue(), out);
    } else {
      out.append(node.asText()); // numbers and booleans
    }
  }

  private static void writeString(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("a stored change is not text");
    }
    return node.textValue();
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
