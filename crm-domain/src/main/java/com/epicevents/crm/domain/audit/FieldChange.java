package com.epicevents.crm.domain.audit;

/** One field's value before and after a change, as text; null for "no value". */
public record FieldChange(String from, String to) {}
