package com.epicevents.crm.application.port.out;

import java.util.Arrays;
import java.util.Objects;

/**
 * A response as an adapter wrote it, kept so that a retry gets the same answer: the status, the
 * headers that matter ({@code Content-Type}, {@code Location}, {@code ETag}; null when absent)
 * and the exact body bytes.
 */
public record RecordedResponse(int status, String contentType, String location, String etag, byte[] body) {
  public RecordedResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status out of range: " + status);
    }
    body = Objects.requireNonNull(body, "body").clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordedResponse r && r.status == status && Objects.equals(r.contentType, contentType)
        && Objects.equals(r.location, location) && Objects.equals(r.etag, etag) && Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, contentType, location, etag, Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return "RecordedResponse[" + status + ", " + contentType + ", " + body.length + " bytes]";
  }
}
