package com.epicevents.crm.application.port.out;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list, and where the next page starts ({@code nextAfter}, null on the last page).
 */
public record Page<T>(List<T> items, Long nextAfter) {
  public Page {
    items = List.copyOf(items);
  }

  /**
   * Builds a page from up to {@code limit + 1} rows fetched in id order: the extra row only says
   * that another page exists.
   */
  public static <T> Page<T> fromRows(List<T> rows, int limit, ToLongFunction<T> idOf) {
    if (rows.size() > limit) {
      List<T> items = rows.subList(0, limit);
      return new Page<>(items, idOf.applyAsLong(items.get(limit - 1)));
    }
    return new Page<>(rows, null);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), nextAfter);
  }

  public boolean hasNext() {
    return nextAfter != null;
  }
}
