package com.epicevents.crm.application.port.out;

import com.epicevents.crm.domain.error.ValidationFailed;

/**
 * Keyset paging: the records with an id greater than {@code after}, in id order, at most
 * {@code limit} of them. The cost of a page does not grow with how deep it is.
 */
public record PageRequest(long after, int limit) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 200;

  public PageRequest {
    if (after < 0) {
      throw ValidationFailed.of("cursor", "is not a valid cursor");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw ValidationFailed.of("limit", "must be between 1 and " + MAX_LIMIT);
    }
  }

  public static PageRequest first(int limit) {
    return new PageRequest(0, limit);
  }

  public static PageRequest firstDefault() {
    return new PageRequest(0, DEFAULT_LIMIT);
  }
}
