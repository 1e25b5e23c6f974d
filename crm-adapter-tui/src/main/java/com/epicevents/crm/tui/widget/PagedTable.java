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
  /** A column: its header, the widest it may be, and how a record fills it (raw text). */
  public record Column<T>(String header, int width, Function<T, String> value) {}

  private final List<Column<T>> columns;
  private final Function<PageRequest, Optional<Page<T>>> loader;
  private final int pageSize;
  private final Table<String> table;
  private final Label info = new Label("");
  private final Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
  private final Deque<Long> previousStarts = new ArrayDeque<>();
  private long start;
  private Long next;
  private List<T> items = List.of();

  /**
   * @param loader fetches a page; empty when the fetch failed (the failure was already shown)
   */
  public PagedTable(List<Column<T>> columns, int pageSize, Function<PageRequest, Optional<Page<T>>> loader,
      Consumer<T> onEnter) {
    this.columns = List.copyOf(columns);
    this.loader = loader;
    this.pageSize = pageSize;
    this.table = new Table<>(columns.stream().map(Column::header).toArray(String[]::new));
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

  /** Shows the first page. */
  public void first() {
    previousStarts.clear();
    load(0, 0);
  }

  /** PgDn: the next page, if there is one. */
  public void nextPage() {
    if (next != null) {
      previousStarts.push(start);
      if (!load(next, 0)) {
        previousStarts.pop();
      }
    }
  }

  /** PgUp: the previous page, if any. */
  public void previousPage() {
    if (!previousStarts.isEmpty()) {
      long from = previousStarts.pop();
      if (!load(from, 0)) {
        previousStarts.push(from);
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
    Optional<Page<T>> page = loader.apply(new PageRequest(after, pageSize));
    if (page.isEmpty()) {
      return false;
    }
    start = after;
    next = page.get().nextAfter();
    items = page.get().items();
    table.getTableModel().clear();
    for (T item : items) {
      table.getTableModel().addRow(columns.stream().map(c -> Display.cell(c.value().apply(item), c.width())).toList());
    }
    if (!items.isEmpty()) {
      table.setSelectedRow(Math.max(0, Math.min(selectRow, items.size() - 1)));
    }
    info.setText(describe());
    return true;
  }

  private String describe() {
    int number = previousStarts.size() + 1;
    if (items.isEmpty()) {
      return number == 1 ? "No records." : "Page " + number + ": no records.";
    }
    String more = next != null ? "   PgDn: next page" : "   (last page)";
    String back = previousStarts.isEmpty() ? "" : "   PgUp: previous page";
    return "Page " + number + ", " + items.size() + " record" + (items.size() == 1 ? "" : "s") + more + back;
  }
}
