package com.epicevents.crm.http.json;

import com.epicevents.crm.application.port.in.FieldUpdate;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body read strictly: a JSON object holding only the fields the endpoint knows, each of
 * the JSON type it must have. Type errors are collected, not thrown one by one; {@link #command}
 * then builds the core's command and reports every field error of both kinds at once.
 *
 * <p>Only the shape is checked here (string, number, date-time...). Whether a value is acceptable
 * (lengths, ranges, who may set it) is the core's decision.
 */
public final class JsonBody {
  public static final String BODY = "body";
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.{1,100})'");
  private static final int FIELD_NAME_SHOWN = 100;
  private static final Pattern RFC_3339 = Pattern.compile(
      "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,9})?(Z|[+-][0-9]{2}:[0-9]{2})");
  static final String INSTANT_EXPECTED = "must be an ISO-8601 date-time with offset, e.g. 2027-03-01T18:30:00Z";

  private final ObjectNode object;
  private final List<FieldError> errors = new ArrayList<>();

  private JsonBody(ObjectNode object) {
    this.object = object;
  }

  /**
   * Parses {@code bytes} as a JSON object whose field names are all in {@code allowed}. An empty
   * body reads as {@code {}} when {@code emptyAllowed}.
   */
  public static JsonBody parse(byte[] bytes, Set<String> allowed, boolean emptyAllowed) {
    if (bytes.length == 0 || isBlank(bytes)) {
      if (emptyAllowed) {
        return new JsonBody(Json.MAPPER.createObjectNode());
      }
      throw ValidationFailed.of(BODY, "is required: send a JSON object");
    }
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw ValidationFailed.of(BODY, "could not be read");
    }
    if (tree == null || !tree.isObject()) {
      throw ValidationFailed.of(BODY, "must be a JSON object");
    }
    JsonBody body = new JsonBody((ObjectNode) tree);
    Iterator<String> names = tree.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        body.errors.add(new FieldError(shown(name), "is not a known field"));
      }
    }
    return body;
  }

  public boolean has(String field) {
    return object.has(field);
  }

  /** Records an error unless the field is present with a non-null value. */
  public JsonBody require(String... fields) {
    for (String field : fields) {
      JsonNode node = object.get(field);
      if (node == null || node.isNull()) {
        errors.add(new FieldError(field, "is required"));
      }
    }
    return this;
  }

  /** A string, or null when absent or null. */
  public String string(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      return typeError(field, "must be a string");
    }
    String text = node.textValue();
    if (hasUnpairedSurrogate(text)) {
      return typeError(field, "is not valid Unicode text (unpaired surrogate)");
    }
    return text;
  }

  /** A JSON array of strings (at most 100), or null when absent or null. */
  public List<String> stringList(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray() || node.size() > 100) {
      return typeError(field, "must be an array of at most 100 strings");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isTextual()) {
        return typeError(field, "must be an array of strings");
      }
      values.add(item.textValue());
    }
    return values;
  }

  /** An integer id (its range is the core's business), or null when absent or null. */
  public Long id(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      return typeError(field, "must be a whole number (an id)");
    }
    return node.longValue();
  }

  /** A whole number that fits in 32 bits, or null when absent or null. */
  public Integer integer(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isIntegralNumber()) {
      return typeError(field, "must be a whole number");
    }
    if (!node.canConvertToInt()) {
      return typeError(field, "is out of range");
    }
    return node.intValue();
  }

  /**
   * An amount as the decimal text the core parses: a JSON string is taken as it is, a JSON
   * number exactly as written (read as BigDecimal, never as a double). Null when absent or null.
   */
  public String money(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return node.textValue();
    }
    if (node.isNumber()) {
      // toString keeps an exponent as an exponent: "1E+999999999" is refused by the core as too
      // large instead of being expanded into a billion digits.
      return node.decimalValue().toString();
    }
    return typeError(field, "must be a decimal string such as \"1234.50\" or a JSON number");
  }

  /** An instant written with an offset ({@code Z} or {@code +02:00}), or null when absent or null. */
  public Instant instant(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      return typeError(field, INSTANT_EXPECTED);
    }
    Instant parsed = parseInstant(node.textValue());
    return parsed == null ? typeError(field, INSTANT_EXPECTED) : parsed;
  }

  /** {@code true} or {@code false}, or null when absent or null. */
  public Boolean bool(String field) {
    JsonNode node = value(field);
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      return typeError(field, "must be true or false");
    }
    return node.booleanValue();
  }

  /**
   * A PATCH field: null when absent ("leave it"), {@code FieldUpdate.set(null)} when sent as
   * {@code null} ("clear it"), else the value read by {@code reader}.
   */
  public <T> FieldUpdate<T> update(String field, Function<String, T> reader) {
    if (!object.has(field)) {
      return null;
    }
    return FieldUpdate.set(reader.apply(field));
  }

  /** A PATCH field that cannot be cleared: sending it as {@code null} is an error. */
  public <T> T nonNullUpdate(String field, Function<String, T> reader) {
    if (object.has(field) && object.get(field).isNull()) {
      errors.add(new FieldError(field, "cannot be null: leave the field out to keep its value"));
      return null;
    }
    return reader.apply(field);
  }

  /**
   * Builds the core's command. Shape errors found while reading and the core's own field errors
   * are reported together; a field already refused for its shape is not reported twice.
   */
  public <C> C command(Supplier<C> build) {
    List<FieldError> coreErrors = List.of();
    C command = null;
    try {
      command = build.get();
    } catch (ValidationFailed e) {
      coreErrors = e.errors();
    }
    throwIfInvalid(coreErrors);
    return command;
  }

  /** Fails with the shape errors found so far, if any. */
  public void throwIfInvalid() {
    throwIfInvalid(List.of());
  }

  private void throwIfInvalid(List<FieldError> more) {
    Set<String> refused = new LinkedHashSet<>();
    errors.forEach(e -> refused.add(e.field()));
    List<FieldError> all = new ArrayList<>(errors);
    more.stream().filter(e -> !refused.contains(e.field())).forEach(all::add);
    if (!all.isEmpty()) {
      throw new ValidationFailed(all);
    }
  }

  /**
   * Parses an RFC 3339 date-time (the ISO-8601 profile with a four-digit year and a mandatory
   * offset); null when it is not one. Expanded years such as {@code +999999999} are refused: no
   * database column holds them.
   */
  public static Instant parseInstant(String text) {
    if (text == null || !RFC_3339.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private JsonNode value(String field) {
    JsonNode node = object.get(field);
    return node == null || node.isNull() ? null : node;
  }

  private <T> T typeError(String field, String message) {
    errors.add(new FieldError(field, message));
    return null;
  }

  private static ValidationFailed malformed(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher duplicate = DUPLICATE.matcher(message);
    if (duplicate.find()) {
      return ValidationFailed.of(duplicate.group(1), "appears more than once");
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    // Jackson's own wording can quote the input and name Java types: only the position is kept.
    return ValidationFailed.of(BODY, "is not well-formed JSON" + where);
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  private static boolean hasUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return true;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  private static String shown(String name) {
    return name.length() <= FIELD_NAME_SHOWN ? name : name.substring(0, FIELD_NAME_SHOWN) + "…";
  }
}
