package com.epicevents.crm.tui.screen;

import com.epicevents.crm.application.port.in.CollaboratorView;
import com.epicevents.crm.application.port.out.AuditFilter;
import com.epicevents.crm.application.port.out.AuditRecord;
import com.epicevents.crm.application.port.out.Page;
import com.epicevents.crm.application.port.out.PageRequest;
import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.domain.audit.EntityType;
import com.epicevents.crm.domain.audit.FieldChange;
import com.epicevents.crm.domain.collaborator.CollaboratorId;
import com.epicevents.crm.tui.widget.Display;
import com.epicevents.crm.tui.widget.PagedTable.Column;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Management's audit trail, so nobody needs the HTTP API for it: every entry with who, what and
 * which record, and each changed field as "old → new". Filters: the kind of record (t) and its id
 * (i), the actor (u) — asked of the core — and the action or any text shown (/), searched here a
 * few pages at a time. Enter shows one entry whole.
 */
final class AuditTrailScreen extends ListScreen<AuditRecord> {
  private EntityType type;
  private Long recordId;
  private Long actorId;
  private final Map<Long, String> names = new HashMap<>();

  AuditTrailScreen(App app) {
    super(app, "Audit trail", null);
    key('t', "kind of record: all, then each kind in turn", this::nextType);
    key('i', "one record: its id (empty: every record)", () -> askNumber("Record id", recordId, id -> {
      recordId = id;
      refresh();
    }));
    key('u', "one actor: their collaborator id (empty: everyone)", () -> askNumber("Actor's collaborator id", actorId,
        id -> {
          actorId = id;
          refresh();
        }));
    key('a', "every entry (clears the filters)", () -> {
      type = null;
      recordId = null;
      actorId = null;
      clearSearch();
      refresh();
    });
    start(List.of(
        new Column<>("#", 7, r -> String.valueOf(r.id())),
        new Column<>("At", 16, r -> Display.dateTime(r.entry().at(), app.zone())),
        Column.growing("Actor", 8, r -> actor(r.entry().actorId())),
        Column.growing("Action", 10, r -> r.entry().action()),
        Column.growing("Record", 10, r -> record(r.entry())),
        Column.growing("Changes (old → new)", 12, 3, r -> changes(r.entry()))),
        null, "t: kind  i: record id  u: actor  a: all");
  }

  @Override
  protected String about() {
    return "Everything that changed and every refusal, oldest first. Filter by record (t, i), actor (u), and"
        + " by action or any text with /.";
  }

  @Override
  protected String searchHint() {
    return "action or any text shown; narrows as you type";
  }

  @Override
  protected String useCaseName() {
    return "ViewAuditTrail";
  }

  @Override
  protected Page<AuditRecord> fetch(PageRequest page) {
    return app.useCases().auditTrail().list(app.token(), new AuditFilter(type, recordId, actorId), page);
  }

  @Override
  protected long idOf(AuditRecord item) {
    return item.id();
  }

  /** Enter: the entry whole, one changed field per line. */
  @Override
  protected void open(AuditRecord item) {
    AuditEntry e = item.entry();
    List<String> lines = new ArrayList<>();
    lines.add("At: " + Display.dateTime(e.at(), app.zone()) + " (" + app.zone().getId() + ")");
    lines.add("Actor: " + actor(e.actorId()));
    lines.add("Action: " + e.action());
    lines.add("Record: " + record(e));
    if (e.changes().isEmpty()) {
      lines.add("No field changed.");
    } else {
      lines.add("Changes (old → new):");
      e.changes().forEach((field, change) -> lines.add("  " + field + ": " + value(change.from()) + " → "
          + value(change.to())));
    }
    app.dialogs().help("Audit entry #" + item.id(), lines);
  }

  @Override
  protected String filterDescription() {
    List<String> parts = new ArrayList<>();
    parts.add(type == null ? "every kind of record" : type.name().toLowerCase(java.util.Locale.ROOT) + " records");
    if (recordId != null) {
      parts.add("record #" + recordId);
    }
    if (actorId != null) {
      parts.add("by " + actor(actorId));
    }
    return "audit entries: " + String.join(", ", parts);
  }

  private void nextType() {
    EntityType[] all = EntityType.values();
    type = type == null ? all[0] : type.ordinal() + 1 < all.length ? all[type.ordinal() + 1] : null;
    refresh();
  }

  private void askNumber(String label, Long current, java.util.function.Consumer<Long> then) {
    app.dialogs().ask(label, label + " (a number; empty for all):", current == null ? "" : String.valueOf(current),
        typed -> {
          String t = typed.strip();
          if (t.isEmpty()) {
            then.accept(null);
            return null;
          }
          try {
            long id = Long.parseLong(t);
            if (id < 1) {
              return "must be a whole number from 1";
            }
            then.accept(id);
            return null;
          } catch (NumberFormatException e) {
            return "must be a whole number from 1";
          }
        });
  }

  /** "Mia (#3)" for a collaborator, read once per screen; "nobody" for an unauthenticated attempt. */
  private String actor(Long id) {
    if (id == null) {
      return "nobody (not logged in)";
    }
    return names.computeIfAbsent(id, key -> {
      Optional<CollaboratorView> c = Optional.empty();
      try {
        c = Optional.of(app.useCases().collaborators().get(app.token(), new CollaboratorId(key)));
      } catch (RuntimeException unreadable) {
        // Shown by id: the list stays usable even if a name cannot be read.
      }
      return c.map(v -> Describe.named(v.fullName(), key)).orElse("#" + key);
    });
  }

  private static String record(AuditEntry e) {
    String kind = e.entityType().name().charAt(0)
        + e.entityType().name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return e.entityId() == null ? kind : kind + " #" + e.entityId();
  }

  private static String changes(AuditEntry e) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, FieldChange> c : e.changes().entrySet()) {
      parts.add(c.getKey() + ": " + value(c.getValue().from()) + " → " + value(c.getValue().to()));
    }
    return String.join("; ", parts);
  }

  private static String value(String v) {
    return v == null ? Display.NONE : v;
  }
}
