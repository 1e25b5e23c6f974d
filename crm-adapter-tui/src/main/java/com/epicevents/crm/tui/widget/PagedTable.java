package com.epicevents.crm.tui.widget;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.table.Table;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Locale;
import java.util.function.ToLongFunction;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A table showing one keyset page of records at a time. PgDn asks the core for the page after
 * the last one shown; PgUp goes back using a stack of the pages' starting points, so no list is
 * ever loaded whole. Cells go through {@link Display#cell}.
 */
public final class PagedTable<T> {
  /**
   * A column: its header, its width (the least it gets when {@code grows}), whether it shares the
   * room the fixed columns leave, and how a record fills it (raw text).
   */
  public record Column<T>(String header, int width, int weight, Function<T, String> value) {
    /** A column of a fixed width (ids, dates, amounts). */
    public Column(String header, int width, Function<T, String> value) {
      this(header, width, 0, value);
    }

    /** A column sharing the room left by the fixed ones (names, companies, e-mails). */
    public static <T> Column<T> growing(String header, int least, Function<T, String> value) {
      return new Column<>(header, least, 1, value);
    }

    /** A growing column taking {@code weight} shares of the room. */
    public static <T> Column<T> growing(String header, int least, int weight, Function<T, String> value) {
      return new Column<>(header, least, weight, value);
    }

    boolean grows() {
      return weight > 0;
    }
  }

  private final List<Column<T>> columns;
  private final Function<PageRequest, Optional<Page<T>>> loader;
  private int pageSize;
  private int[] widths;
  private final Table<String> table;
  private final Label info = new Label("");
  private final Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
  private final Deque<Long> previousStarts = new ArrayDeque<>();
  /** How many records the pages before this one showed, for "records 21–40". */
  private final Deque<Integer> previousCounts = new ArrayDeque<>();
  private long start;
  private Long next;
  private List<T> items = List.of();
  /** Text the shown columns must contain (lower case), searched here page by page; null: none. */
  private String filter;
  private ToLongFunction<T> idOf;
  /** The search stopped after {@link #SCAN_PAGES} pages without filling the page. */
  private boolean searchedPart;
  private static final int SCAN_PAGES = 5;

  /**
   * @param loader fetches a page; empty when the fetch failed (the failure was already shown)
   */
  public PagedTable(List<Column<T>> columns, int width, int pageSize,
      Function<PageRequest, Optional<Page<T>>> loader, Consumer<T> onEnter) {
    this.columns = List.copyOf(columns);
    this.loader = loader;
    this.pageSize = pageSize;
    this.widths = widths(this.columns, width);
    this.table = new Table<>(headers()) {
      @Override
      public synchronized Result handleKeyStroke(com.googlecode.lanterna.input.KeyStroke key) {
        Result result = super.handleKeyStroke(key);
        info.setText(describe());
        return result;
      }
    };
    table.setVisibleRows(pageSize);
    table.setSelectAction(() -> {
      T item = selected();
      if (item != null) {
        onEnter.accept(item);
      }
    });
    panel.addComponent(table);
    panel.addComponent(info);
  }

  public Component component() {
    return panel;
  }

  public Table<String> table() {
    return table;
  }

  /**
   * The terminal changed size: the columns share the new width and a page holds as many rows as
   * now fit; the current page is read again from the same starting point.
   */
  public void resize(int width, int newPageSize) {
    widths = widths(columns, width);
    pageSize = newPageSize;
    int selected = table.getSelectedRow();
    table.setTableModel(new com.googlecode.lanterna.gui2.table.TableModel<>(headers()));
    table.setVisibleRows(pageSize);
    load(start, selected);
  }

  /**
   * The width of each column: fixed ones as declared, growing ones share what is left of
   * {@code width} (one space between columns), never less than their least width.
   */
  static <T> int[] widths(List<Column<T>> columns, int width) {
    int[] result = new int[columns.size()];
    int fixed = columns.size() - 1;
    int growing = 0;
    int growingLeast = 0;
    for (int i = 0; i < result.length; i++) {
      Column<T> c = columns.get(i);
      result[i] = c.width();
      if (c.grows()) {
        growing++;
        growingLeast += c.width();
      } else {
        fixed += c.width();
      }
    }
    int room = width - fixed;
    if (growing > 0 && room > growingLeast) {
      int shares = columns.stream().mapToInt(Column::weight).sum();
      int given = 0;
      int last = -1;
      for (int i = 0; i < result.length; i++) {
        if (columns.get(i).grows()) {
          result[i] = Math.max(columns.get(i).width(), room * columns.get(i).weight() / shares);
          given += result[i];
          last = i;
        }
      }
      result[last] = Math.max(columns.get(last).width(), result[last] + room - given);
    } else if (growing > 0) {
      // A very narrow window: growing columns give up their least width rather than the table
      // scrolling sideways (a cell then shows fewer characters, with an ellipsis).
      for (int i = 0; i < result.length; i++) {
        if (columns.get(i).grows()) {
          result[i] = Math.max(3, (int) ((long) Math.max(0, room) * columns.get(i).width() / growingLeast));
        }
      }
    }
    return result;
  }

  private String[] headers() {
    String[] headers = new String[columns.size()];
    for (int i = 0; i < headers.length; i++) {
      headers[i] = Display.fit(columns.get(i).header(), widths[i]);
    }
    return headers;
  }

  /**
   * Keeps only the records whose shown columns contain {@code text} (any case), from the first
   * page. The records are read from the core a few pages at a time, so a search over a long list
   * fills one screen at a time and PgDn searches further. Empty text shows everything again.
   */
  public void filter(String text, ToLongFunction<T> id) {
    this.idOf = id;
    this.filter = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
    first();
  }

  /** Shows the first page. */
  public void first() {
    previousStarts.clear();
    previousCounts.clear();
    load(0, 0);
  }

  /** PgDn: the next page, if there is one. */
  public void nextPage() {
    if (next != null) {
      previousStarts.push(start);
      previousCounts.push(items.size());
      if (!load(next, 0)) {
        previousStarts.pop();
        previousCounts.pop();
      }
    }
  }

  /** PgUp: the previous page, if any. */
  public void previousPage() {
    if (!previousStarts.isEmpty()) {
      long from = previousStarts.pop();
      int count = previousCounts.pop();
      if (!load(from, 0)) {
        previousStarts.push(from);
        previousCounts.push(count);
      }
    }
  }

  /** The current page again (after a change), keeping the selected row. */
  public void reload() {
    load(start, table.getSelectedRow());
  }

  public T selected() {
    int row = table.getSelectedRow();
    return row >= 0 && row < items.size() ? items.get(row) : null;
  }

  private boolean load(long after, int selectRow) {
    Optional<Page<T>> page = fetch(after);
    if (page.isEmpty()) {
      return false;
    }
    start = after;
    next = page.get().nextAfter();
    items = page.get().items();
    table.getTableModel().clear();
    for (T item : items) {
      List<String> row = new java.util.ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        row.add(Display.fit(columns.get(i).value().apply(item), widths[i]));
      }
      table.getTableModel().addRow(row);
    }
    if (!items.isEmpty()) {
      table.setSelectedRow(Math.max(0, Math.min(selectRow, items.size() - 1)));
    }
    info.setText(describe());
    return true;
  }

  private Optional<Page<T>> fetch(long after) {
    searchedPart = false;
    if (filter == null) {
      return loader.apply(new PageRequest(after, pageSize));
    }
    List<T> found = new ArrayList<>();
    long cursor = after;
    for (int scanned = 0; scanned < SCAN_PAGES; scanned++) {
      Optional<Page<T>> page = loader.apply(new PageRequest(cursor, PageRequest.MAX_LIMIT));
      if (page.isEmpty()) {
        return Optional.empty();
      }
      List<T> read = page.get().items();
      for (int i = 0; i < read.size(); i++) {
        T item = read.get(i);
        if (matches(item)) {
          found.add(item);
          if (found.size() == pageSize) {
            boolean nothingAfter = i == read.size() - 1 && !page.get().hasNext();
            return Optional.of(new Page<>(found, nothingAfter ? null : idOf.applyAsLong(item)));
          }
        }
      }
      if (!page.get().hasNext()) {
        return Optional.of(new Page<>(found, null));
      }
      cursor = page.get().nextAfter();
    }
    searchedPart = true;
    return Optional.of(new Page<>(found, cursor));
  }

  private boolean matches(T item) {
    for (Column<T> c : columns) {
      String v = c.value().apply(item);
      if (v != null && v.toLowerCase(Locale.ROOT).contains(filter)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the selection is on the first / last row of the page. */
  public boolean onFirstRow() {
    return table.getSelectedRow() <= 0;
  }

  public boolean onLastRow() {
    return table.getSelectedRow() >= items.size() - 1;
  }

  public boolean hasNextPage() {
    return next != null;
  }

  public boolean hasPreviousPage() {
    return !previousStarts.isEmpty();
  }

  /** Moves the selection to the first or the last row of the page. */
  public void selectFirst() {
    if (!items.isEmpty()) {
      table.setSelectedRow(0);
      info.setText(describe());
    }
  }

  public void selectLast() {
    if (!items.isEmpty()) {
      table.setSelectedRow(items.size() - 1);
      info.setText(describe());
    }
  }

  /** ↓ on the last row: the next page, on its first row. */
  public void nextPageFromBottom() {
    if (next != null) {
      nextPage();
      selectFirst();
    }
  }

  /** ↑ on the first row: the previous page, on its last row. */
  public void previousPageFromTop() {
    if (!previousStarts.isEmpty()) {
      previousPage();
      selectLast();
    }
  }

  /** "Page 2 · records 21–40 of more · record 23": keyset pages have no total until the last one. */
  private String describe() {
    int number = previousStarts.size() + 1;
    if (searchedPart && items.isEmpty()) {
      return "Page " + number + ": nothing found yet among the records read · PgDn: search further";
    }
    if (items.isEmpty()) {
      return number == 1 ? "No records." : "Page " + number + ": no records.";
    }
    long before = previousCounts.stream().mapToLong(Integer::longValue).sum();
    long firstShown = before + 1;
    long lastShown = before + items.size();
    String range = next != null
        ? "records " + firstShown + "–" + lastShown + " of more"
        : firstShown == lastShown ? "record " + lastShown + " of " + lastShown
        : "records " + firstShown + "–" + lastShown + " of " + lastShown;
    int selected = table.getSelectedRow();
    String position = selected >= 0 ? " · on " + (before + selected + 1) : "";
    String keys = (searchedPart ? " · PgDn: search further" : next != null ? " · PgDn: next page" : " · last page")
        + (previousStarts.isEmpty() ? "" : " · PgUp: previous");
    return "Page " + number + " · " + range + position + keys;
  }
}
