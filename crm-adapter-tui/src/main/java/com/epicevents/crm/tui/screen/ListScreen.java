package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.tui.form.EditBox;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list of records as a table, one page at a time (PgDn/PgUp), with its filters one key away.
 * Enter opens the record — or, when the list was opened to choose a record for another action,
 * hands the record to that action.
 */
abstract class ListScreen<T> extends Screen {
  private final Label filterLine = new Label("");
  private final Consumer<T> onPick;
  protected PagedTable<T> table;
  protected final EditBox search = new EditBox(30, "");
  protected String searched;

  protected ListScreen(App app, String title, Consumer<T> onPick) {
    super(app, title);
    this.onPick = onPick;
  }

  /** Builds the screen; call at the end of the subclass constructor. The first page loads when shown. */
  protected void start(List<PagedTable.Column<T>> columns, Component aboveTable, String keyHints) {
    table = new PagedTable<>(columns, tableWidth(), app.pageRows(),
        page -> app.read(useCaseName(), () -> fetch(page)), this::enter);
    Panel body = new Panel(new LinearLayout(Direction.VERTICAL));
    if (aboveTable != null) {
      body.addComponent(aboveTable);
    }
    Panel searchRow = new Panel(new LinearLayout(Direction.HORIZONTAL));
    searchRow.addComponent(new Label("Search (/):"));
    searchRow.addComponent(search);
    searchRow.addComponent(new Label(searchHint()));
    body.addComponent(searchRow);
    search.setTextChangeListener((text, byUser) -> {
      if (byUser) {
        searchFor(text);
      }
    });
    key('/', "search: the list narrows as you type (Enter or Esc: back to the list, Ctrl+U: empty)", () -> {
      search.setText("");
      searchFor("");
      focus(search);
    });
    body.addComponent(filterLine);
    body.addComponent(table.component());
    key('q', "leave the list", () -> app.back(this));
    setBody(body, (onPick != null ? "Enter: choose  " : "Enter: open  ") + "/: search  " + keyHints
        + "  PgDn/PgUp: pages  Home/End  q/Esc: back");
    helpLine("Enter", onPick != null ? "choose the selected record" : "open the selected record");
    helpLine("↓ ↑", "next / previous record; past the last row, the next page");
    helpLine("PgDn PgUp", "next / previous page");
    helpLine("Home End", "first / last record of the page (Home again: the first page)");
    filterLine.setText(Display.safe("Showing: " + shownDescription()));
    focus(table.table());
  }

  @Override
  protected String about() {
    return "A list, one page at a time (" + filterDescription() + "). Enter "
        + (picking() ? "chooses" : "opens") + " the highlighted record; / narrows the list as you type;"
        + " PgDn/PgUp or ↓ past the last row change page.";
  }

  /** What the search box looks in, shown beside it. */
  protected String searchHint() {
    return "any column shown; the list narrows as you type";
  }

  /** The id a page continues after (for a search run here, page by page). */
  protected abstract long idOf(T item);

  /** Narrows the list to what is typed: here, through the columns shown; clients ask the core. */
  protected void searchFor(String text) {
    searched = text == null || text.isBlank() ? null : text.strip();
    filterLine.setText(Display.safe("Showing: " + shownDescription()));
    table.filter(searched, this::idOf);
  }

  private String shownDescription() {
    return filterDescription() + (searched == null ? "" : " matching \"" + searched + "\"");
  }

  /** Forgets the search (a key such as "a: all" shows everything). */
  protected void clearSearch() {
    search.setText("");
    searched = null;
    table.filter(null, this::idOf);
  }

  @Override
  protected void onEscape() {
    if (window.getFocusedInteractable() == search) {
      focus(table.table());
    } else {
      super.onEscape();
    }
  }

  @Override
  public void opened() {
    refresh();
  }

  /** The table takes the window's width, less its borders. */
  private int tableWidth() {
    return Math.max(20, app.columns() - 2);
  }

  @Override
  public void resized() {
    table.resize(tableWidth(), app.pageRows());
    super.resized();
  }

  protected abstract String useCaseName();

  protected abstract Page<T> fetch(PageRequest page);

  protected abstract void open(T item);

  /** The filter in force, in words. */
  protected abstract String filterDescription();

  protected boolean picking() {
    return onPick != null;
  }

  /** Applies a changed filter: back to the first page. */
  protected void refresh() {
    filterLine.setText(Display.safe("Showing: " + shownDescription()));
    table.first();
    if (window.getFocusedInteractable() != search) {
      focus(table.table());
    }
  }

  @Override
  public void resume() {
    table.reload();
  }

  @Override
  protected boolean onSpecialKey(KeyStroke key) {
    if (window.getFocusedInteractable() == search
        && (key.getKeyType() == KeyType.Enter || key.getKeyType() == KeyType.ArrowDown)) {
      focus(table.table());
      return true;
    }
    if (window.getFocusedInteractable() == table.table()) {
      switch (key.getKeyType()) {
        case ArrowDown -> {
          if (table.onLastRow() && table.hasNextPage()) {
            table.nextPageFromBottom();
            return true;
          }
        }
        case ArrowUp -> {
          if (table.onFirstRow() && table.hasPreviousPage()) {
            table.previousPageFromTop();
            return true;
          }
        }
        case Home -> {
          if (table.onFirstRow() && table.hasPreviousPage()) {
            table.first();
          } else {
            table.selectFirst();
          }
          return true;
        }
        case End -> {
          table.selectLast();
          return true;
        }
        default -> { }
      }
    }
    if (key.getKeyType() == KeyType.PageDown) {
      table.nextPage();
      return true;
    }
    if (key.getKeyType() == KeyType.PageUp) {
      table.previousPage();
      return true;
    }
    return false;
  }

  private void enter(T item) {
    if (onPick != null) {
      onPick.accept(item);
    } else {
      open(item);
    }
  }
}
