package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** What the database assigned on an insert or update: id, version and update time (RETURNING). */
public record Stamp(Long id, Long version, Instant updatedAt) {}
