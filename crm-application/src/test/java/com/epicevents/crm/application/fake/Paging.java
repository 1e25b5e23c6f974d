package com.epicevents.crm.application.fake;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import java.util.List;
import java.util.NavigableMap;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** Keyset paging over a map ordered by id, as the SQL adapters do it. */
final class Paging {
  private Paging() {}

  static <T> Page<T> page(NavigableMap<Long, T> rows, Predicate<T> filter, PageRequest page, ToLongFunction<T> idOf) {
    List<T> fetched = rows.tailMap(page.after(), false).values().stream()
        .filter(filter)
        .limit(page.limit() + 1L)
        .collect(Collectors.toList());
    return Page.fromRows(fetched, page.limit(), idOf);
  }
}
