package com.epicevents.crm.http.route;

import com.epicevents.crm.application.port.in.AuthToken;
import com.epicevents.crm.application.port.in.ExpectedVersion;
import com.epicevents.crm.domain.error.AuthenticationFailed;
import com.epicevents.crm.domain.error.ValidationFailed;
import com.epicevents.crm.http.json.JsonBody;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Reading what a request carries: token, path id, If-Match, body. Shape only, no rules. */
public final class Requests {
  /** The contract's body limit: 64 KiB. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  static final String TOKEN_ATTRIBUTE = "crm.token";
  private static final String BODY_ATTRIBUTE = "crm.body";
  private static final Pattern BEARER = Pattern.compile("(?i)Bearer ([\\x21-\\x7E]{1,200})");
  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");
  /** A bearer value in the API-key family ({@code crm_…}), whatever its characters. */
  private static final Pattern BEARER_KEY =
      Pattern.compile("(?is)Bearer (" + Pattern.quote(AuthToken.API_KEY_MARK) + ".*)");
  private static final Pattern ETAG = Pattern.compile("\"([0-9]{1,18})\"");

  private Requests() {}

  /** The bearer token the request was admitted with (see {@link #admit}). */
  public static AuthToken token(Context ctx) {
    AuthToken token = ctx.attribute(TOKEN_ATTRIBUTE);
    if (token == null) {
      throw new AuthenticationFailed("missing bearer token");
    }
    return token;
  }

  /**
   * Checks, before any handler runs, what can be checked without the core: a bearer token is
   * present on authenticated routes, a body is within the size limit and is JSON.
   */
  static void admit(Context ctx) {
    if (!ctx.routeRoles().contains(Access.PUBLIC)) {
      ctx.attribute(TOKEN_ATTRIBUTE, bearer(ctx.header("Authorization")));
    }
    if (hasBody(ctx)) {
      long length = ctx.req().getContentLengthLong();
      if (length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      if (!isJson(ctx.header("Content-Type"))) {
        throw new HttpResponseException(415, "send the body as application/json (UTF-8)");
      }
    }
  }

  /** The {id} of the path; an id that cannot exist (not a positive number) is simply not found. */
  public static long pathId(Context ctx) {
    return pathId(ctx, "id");
  }

  /** A named id of the path, such as {@code {deliveryId}}. */
  public static long pathId(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    if (!ID.matcher(raw).matches()) {
      throw new NotFoundResponse("no such record: ids are positive whole numbers");
    }
    return Long.parseLong(raw);
  }

  /**
   * The version the caller expects, from {@code If-Match: "<version>"}; {@link ExpectedVersion#ANY}
   * without the header or with {@code *} (any version). A malformed value is a 400 naming {@code If-Match}: our ETags
   * are always strong and single, so a weak or listed tag can only be a client error.
   */
  public static Long ifMatch(Context ctx) {
    String raw = ctx.header("If-Match");
    if (raw == null) {
      return ExpectedVersion.ANY;
    }
    String value = raw.strip();
    if (value.equals("*")) {
      return ExpectedVersion.ANY;
    }
    var m = ETAG.matcher(value);
    if (!m.matches()) {
      throw ValidationFailed.of("If-Match", "must be one entity tag as sent in ETag, e.g. \"3\"");
    }
    return Long.parseLong(m.group(1));
  }

  /** The body as a strict JSON object with only {@code allowed} fields. */
  public static JsonBody body(Context ctx, Set<String> allowed) {
    return JsonBody.parse(bytes(ctx), allowed, false);
  }

  /** For endpoints that take no body: nothing, or an empty object. */
  public static void noBody(Context ctx) {
    JsonBody.parse(bytes(ctx), Set.of(), true).throwIfInvalid();
  }

  /** The body's exact bytes, read once and kept for the handler (an idempotent POST fingerprints them first). */
  static byte[] bufferedBody(Context ctx) {
    byte[] bytes = ctx.attribute(BODY_ATTRIBUTE);
    if (bytes == null) {
      bytes = read(ctx);
      ctx.attribute(BODY_ATTRIBUTE, bytes);
    }
    return bytes;
  }

  private static byte[] bytes(Context ctx) {
    return bufferedBody(ctx);
  }

  private static byte[] read(Context ctx) {
    try (InputStream in = ctx.req().getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw tooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AuthToken bearer(String header) {
    if (header == null) {
      throw new AuthenticationFailed("missing bearer token: send Authorization: Bearer <token>");
    }
    var key = BEARER_KEY.matcher(header.strip());
    if (key.matches()) {
      return apiKey(key.group(1));
    }
    var m = BEARER.matcher(header.strip());
    if (!m.matches()) {
      throw new AuthenticationFailed("malformed Authorization header: expected Bearer <token>");
    }
    return new AuthToken(m.group(1));
  }

  /** An API key's shape is known: a malformed one is the caller's input error, named (never echoed). */
  private static AuthToken apiKey(String value) {
    if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
      throw ValidationFailed.of("Authorization", "the API key must not contain control characters");
    }
    if (!AuthToken.wellFormedApiKey(value)) {
      throw ValidationFailed.of("Authorization", "is not a well-formed API key: expected crm_, an 8-character "
          + "prefix of letters or digits, _, then 32 to 187 letters or digits");
    }
    return new AuthToken(value);
  }

  private static boolean hasBody(Context ctx) {
    return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  /** application/json, with at most a UTF-8 charset parameter (JSON is UTF-8 by definition). */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    String[] parts = contentType.toLowerCase(Locale.ROOT).split(";");
    if (!parts[0].strip().equals("application/json")) {
      return false;
    }
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].strip();
      if (param.startsWith("charset=") && !param.substring("charset=".length()).replace("\"", "").equals("utf-8")) {
        return false;
      }
    }
    return true;
  }

  private static HttpResponseException tooLarge() {
    return new HttpResponseException(413, "the body is larger than 64 KiB");
  }
}
