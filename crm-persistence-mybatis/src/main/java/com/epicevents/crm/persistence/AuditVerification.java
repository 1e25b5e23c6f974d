package com.epicevents.crm.persistence;

/**
 * Result of walking the audit hash chain in id order.
 *
 * @param intact every entry's prev_hash and hash match
 * @param checked how many entries were checked (up to and including the first bad one)
 * @param firstBadId the first entry that does not match, or null when intact
 * @param reason why that entry does not match, or null when intact
 */
public record AuditVerification(boolean intact, long checked, Long firstBadId, String reason) {}
