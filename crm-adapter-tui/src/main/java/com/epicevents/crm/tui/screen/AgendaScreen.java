package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.ViewEventsUseCase;
import com.epicevents.crm.application.port.out.EventView;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.common.Team;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import com.googlecode.lanterna.gui2.Label;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * "My events" as an agenda: soonest first by start date, past events hidden unless asked (h),
 * events without a date yet at the end, and a line saying how many are today and this week.
 * The user's events are read from the core once (keyset pages of the "mine" filter) and sorted
 * here; a support member or a salesperson has hundreds of events, not millions.
 */
final class AgendaScreen extends ListScreen<EventView> {
  /** More than this many of one person's events is not an agenda any more: the list says so. */
  static final int MOST = 5000;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE dd MMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Label glance = new Label("");
  private boolean past;
  private List<EventView> sorted;
  private boolean cut;

  AgendaScreen(App app) {
    super(app, "My agenda", null);
    key('h', "show or hide past events", () -> {
      past = !past;
      sorted = null;
      refresh();
    });
    key('r', "read the events again", () -> {
      sorted = null;
      refresh();
    });
    List<Column<EventView>> columns = new ArrayList<>();
    columns.add(new Column<>("When", 18, e -> when(e.event().schedule().startAt())));
    columns.add(Column.growing("Event", 8, e -> e.event().details().name()));
    columns.add(Column.growing("Client", 8, EventView::clientName));
    columns.add(Column.growing("Location", 8, e -> e.event().details().location()));
    columns.add(new Column<>("Guests", 6, e -> String.valueOf(e.event().details().attendees())));
    if (app.me().team() != Team.SUPPORT) {
      // Support's own name would fill this column: only sales see who supports their clients' events.
      columns.add(Column.growing("Support", 7, e -> e.supportContactName() == null ? "(none)" : e.supportContactName()));
    }
    columns.add(new Column<>("ID", 7, e -> "#" + e.event().id().value()));
    start(columns, glance, "h: past events  r: reload");
  }

  @Override
  protected String about() {
    return "Your events by date, the soonest first. Past events are hidden until you press h; events"
        + " without a date yet come last.";
  }

  @Override
  protected String useCaseName() {
    return "ViewEvents";
  }

  /** {@code page.after()} is how many events of the sorted agenda come before the page. */
  @Override
  protected Page<EventView> fetch(PageRequest page) {
    if (sorted == null || page.after() == 0) {
      sorted = load();
      glance.setText(Display.safe(glance()));
    }
    int from = (int) Math.min(page.after(), sorted.size());
    int to = Math.min(sorted.size(), from + page.limit());
    return new Page<>(sorted.subList(from, to), to < sorted.size() ? (long) to : null);
  }

  @Override
  protected long idOf(EventView item) {
    return sorted.indexOf(item) + 1L;
  }

  @Override
  protected void open(EventView item) {
    app.show(new EventDetailScreen(app, item.event().id()));
  }

  @Override
  protected String filterDescription() {
    String what = app.me().team() == Team.SUPPORT ? "events I support" : "events of my clients";
    return what + (past ? ", past ones included" : ", from today on (h: past ones too)")
        + (cut ? " — only the first " + MOST + " read" : "");
  }

  @Override
  public void resume() {
    sorted = null;
    super.resume();
  }

  private List<EventView> load() {
    List<EventView> all = new ArrayList<>();
    long after = 0;
    cut = false;
    while (true) {
      Page<EventView> page = app.useCases().events().list(app.token(), ViewEventsUseCase.Query.mineOnly(),
          new PageRequest(after, PageRequest.MAX_LIMIT));
      all.addAll(page.items());
      if (!page.hasNext()) {
        break;
      }
      if (all.size() >= MOST) {
        cut = true;
        break;
      }
      after = page.nextAfter();
    }
    Instant dayStart = today().atStartOfDay(app.zone()).toInstant();
    return all.stream()
        .filter(e -> past || e.event().schedule().startAt() == null || !e.event().schedule().startAt().isBefore(dayStart))
        .sorted(Comparator.comparing((EventView e) -> e.event().schedule().startAt(),
            Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(e -> e.event().id().value()))
        .toList();
  }

  private LocalDate today() {
    return LocalDate.ofInstant(app.clock().instant(), app.zone());
  }

  /** "Today: 2 · Rest of this week: 3 · Later: 12 · No date yet: 1". */
  private String glance() {
    LocalDate today = today();
    LocalDate weekEnd = today.with(TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SUNDAY));
    int todayCount = 0;
    int week = 0;
    int later = 0;
    int undated = 0;
    int earlier = 0;
    for (EventView e : sorted) {
      Instant at = e.event().schedule().startAt();
      if (at == null) {
        undated++;
        continue;
      }
      LocalDate day = LocalDate.ofInstant(at, app.zone());
      if (day.isBefore(today)) {
        earlier++;
      } else if (day.equals(today)) {
        todayCount++;
      } else if (!day.isAfter(weekEnd)) {
        week++;
      } else {
        later++;
      }
    }
    return "Today: " + todayCount + " · Rest of this week: " + week + " · Later: " + later
        + " · No date yet: " + undated + (past ? " · Past: " + earlier : "");
  }

  /** "Today 14:00", "Tomorrow 09:30", "Thu 03 Dec 18:00" within a week, else the full date. */
  private String when(Instant at) {
    if (at == null) {
      return "date to be set";
    }
    ZonedDateTime t = at.atZone(app.zone());
    LocalDate day = t.toLocalDate();
    LocalDate today = today();
    if (day.equals(today)) {
      return "Today " + TIME.format(t);
    }
    if (day.equals(today.plusDays(1))) {
      return "Tomorrow " + TIME.format(t);
    }
    if (day.isAfter(today) && day.isBefore(today.plusDays(7))) {
      return DAY.format(t) + " " + TIME.format(t);
    }
    return Display.dateTime(at, app.zone());
  }
}
