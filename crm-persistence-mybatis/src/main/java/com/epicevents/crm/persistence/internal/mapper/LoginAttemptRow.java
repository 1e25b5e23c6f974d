package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;

/** One row of crm.login_attempts. */
public record LoginAttemptRow(
    String usernameKey, Integer consecutiveFailures, Instant lastFailureAt, Instant lockedUntil) {}
