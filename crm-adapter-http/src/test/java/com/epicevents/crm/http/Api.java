package com.epicevents.crm.http;

import com.epicevents.crm.application.port.in.AuthToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A small client for the API under test: real HTTP through the JDK client. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  Call get(String path) {
    return new Call("GET", path);
  }

  Call post(String path) {
    return new Call("POST", path);
  }

  Call put(String path) {
    return new Call("PUT", path);
  }

  Call patch(String path) {
    return new Call("PATCH", path);
  }

  Call method(String method, String path) {
    return new Call(method, path);
  }

  /** One request being built; paths are relative to /api/v1 unless they start with "//". */
  final class Call {
    private final String method;
    private final String path;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;

    Call(String method, String path) {
      this.method = method;
      this.path = path;
    }

    Call as(AuthToken token) {
      return token == null ? this : header("Authorization", "Bearer " + token.value());
    }

    Call header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    Call ifMatch(long version) {
      return header("If-Match", "\"" + version + "\"");
    }

    /** A JSON body from a map or any object Jackson can write. */
    Call json(Object value) {
      try {
        return raw(JSON.writeValueAsString(value), "application/json");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    Call raw(String text, String contentType) {
      return bytes(text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    Call bytes(byte[] bytes, String contentType) {
      body = bytes;
      if (contentType != null) {
        headers.put("Content-Type", contentType);
      }
      return this;
    }

    Reply send() {
      String url = path.startsWith("//") ? base + path.substring(1) : base + "/api/v1" + path;
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
      headers.forEach(b::header);
      b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      try {
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.headers().map(), r.body());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** What came back. */
  record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    Optional<String> header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream()).findFirst();
    }

    long id() {
      return json().get("id").asLong();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
