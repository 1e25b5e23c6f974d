package com.epicevents.crm.domain.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds the old → new map of an audit entry, keeping only fields whose value changed. */
public final class Changes {
  private final Map<String, FieldChange> changes = new LinkedHashMap<>();

  public Changes field(String name, Object from, Object to) {
    String before = from == null ? null : from.toString();
    String after = to == null ? null : to.toString();
    if (!Objects.equals(before, after)) {
      changes.put(name, new FieldChange(before, after));
    }
    return this;
  }

  /** Records that a secret changed without recording either value. */
  public Changes secret(String name) {
    changes.put(name, new FieldChange("[redacted]", "[redacted]"));
    return this;
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public Map<String, FieldChange> toMap() {
    return Map.copyOf(changes);
  }

  public Map<String, FieldChange> toOrderedMap() {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(changes));
  }
}
