package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.error.FieldError;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.Cursor;
import com.epicevents.crm.http.json.JsonBody;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The query parameters of a list endpoint, read strictly: an unknown or repeated parameter is a
 * 400 (a misspelt filter must not silently return everything). Errors are collected and thrown
 * together by {@link #page()} or {@link #done()}.
 */
final class QueryParams {
  static final String LIMIT = "limit";
  static final String CURSOR = "cursor";
  private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
  private static final int FILTER_TEXT_MAX = 200;

  private final Map<String, List<String>> params;
  private final List<FieldError> errors = new ArrayList<>();

  private QueryParams(Map<String, List<String>> params) {
    this.params = params;
  }

  /** Reads the query string; {@code limit} and {@code cursor} are always known. */
  static QueryParams of(Context ctx, String... filters) {
    QueryParams q = new QueryParams(ctx.queryParamMap());
    Set<String> known = new HashSet<>(List.of(filters));
    known.add(LIMIT);
    known.add(CURSOR);
    q.params.forEach((name, values) -> {
      if (!known.contains(name)) {
        q.errors.add(new FieldError(name.length() > 100 ? name.substring(0, 100) + "…" : name,
            "is not a known query parameter"));
      } else if (values.size() > 1) {
        q.errors.add(new FieldError(name, "must be given at most once"));
      }
    });
    return q;
  }

  String text(String name) {
    String value = raw(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.codePointCount(0, value.length()) > FILTER_TEXT_MAX) {
      return error(name, "must be at most " + FILTER_TEXT_MAX + " characters");
    }
    return value;
  }

  /** An id filter; its range is checked by the core's id type, {@code idOf}. */
  <T> T id(String name, Function<Long, T> idOf) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    if (!WHOLE.matcher(value).matches()) {
      return error(name, "must be a whole number (an id)");
    }
    try {
      return idOf.apply(Long.parseLong(value));
    } catch (ValidationFailed e) {
      return error(name, e.errors().get(0).message());
    }
  }

  Long longValue(String name) {
    return id(name, Function.identity());
  }

  Boolean bool(String name) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> error(name, "must be true or false");
    };
  }

  Instant instant(String name) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    Instant parsed = JsonBody.parseInstant(value);
    return parsed == null ? error(name, "must be an ISO-8601 date-time with offset, e.g. 2027-03-01T18:30:00Z") : parsed;
  }

  /** A value parsed by a core type that reports its own errors (e.g. Team.parse). */
  <T> T parsed(String name, Function<String, T> parser) {
    String value = raw(name);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (ValidationFailed e) {
      return error(name, e.errors().get(0).message());
    }
  }

  /** A whole number between min and max, or {@code absent} when not given. */
  int bounded(String name, int absent, int min, int max) {
    String value = raw(name);
    if (value == null) {
      return absent;
    }
    if (!value.matches("[0-9]{1,9}") || Integer.parseInt(value) < min || Integer.parseInt(value) > max) {
      error(name, "must be a whole number between " + min + " and " + max);
      return absent;
    }
    return Integer.parseInt(value);
  }

  /** The page asked for; throws every error collected so far. */
  PageRequest page() {
    String rawLimit = raw(LIMIT);
    int limit = PageRequest.DEFAULT_LIMIT;
    if (rawLimit != null) {
      if (rawLimit.matches("[0-9]{1,9}")) {
        limit = Integer.parseInt(rawLimit);
      } else {
        error(LIMIT, "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
      }
    }
    long after = 0;
    try {
      after = Cursor.decode(raw(CURSOR));
    } catch (ValidationFailed e) {
      errors.addAll(e.errors());
    }
    PageRequest page = null;
    try {
      page = new PageRequest(after, limit);
    } catch (ValidationFailed e) {
      errors.addAll(e.errors());
    }
    done();
    return page;
  }

  void done() {
    if (!errors.isEmpty()) {
      throw new ValidationFailed(List.copyOf(errors));
    }
  }

  private String raw(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private <T> T error(String name, String message) {
    errors.add(new FieldError(name, message));
    return null;
  }
}
