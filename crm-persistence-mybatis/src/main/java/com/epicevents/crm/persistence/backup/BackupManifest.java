package com.epicevents.crm.persistence.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Objects;

/**
 * What a backup holds, written first in the file: the schema version it was taken at, each
 * table in restore order with its columns and row count, and the audit chain's head.
 *
 * @param format always {@value #FORMAT}
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param takenAt when the snapshot was taken (ISO-8601)
 * @param schemaVersion the Flyway version of the schema the rows fit
 * @param tables in an order that satisfies every foreign key
 * @param auditHeadHash the hash of the last audit entry, null when there is none
 */
public record BackupManifest(String format, int formatVersion, String takenAt, String schemaVersion,
    List<Table> tables, String auditHeadHash) {
  public static final String FORMAT = "epic-events-crm-backup";
  public static final int FORMAT_VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

  /** One table: its name in schema crm, the columns copied (in file order) and how many rows. */
  public record Table(String name, List<String> columns, long rows) {
    public Table {
      Objects.requireNonNull(name, "name");
      columns = List.copyOf(columns);
    }
  }

  public BackupManifest {
    tables = List.copyOf(tables);
  }

  public long rows(String table) {
    return tables.stream().filter(t -> t.name().equals(table)).mapToLong(Table::rows).findFirst().orElse(0);
  }

  byte[] toJson() {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static BackupManifest fromJson(byte[] json) {
    BackupManifest manifest;
    try {
      manifest = JSON.readValue(json, BackupManifest.class);
    } catch (java.io.IOException e) {
      throw new BackupException("the backup's manifest cannot be read: " + e.getMessage(), e);
    }
    if (!FORMAT.equals(manifest.format()) || manifest.formatVersion() != FORMAT_VERSION) {
      throw new BackupException("not a CRM backup of a format this version reads (" + manifest.format() + " "
          + manifest.formatVersion() + ")");
    }
    return manifest;
  }
}
