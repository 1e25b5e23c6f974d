package com.epicevents.crm.persistence.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in AuditMapper.xml. */
public interface AuditMapper {
  /**
   * Takes the chain's transaction-scoped advisory lock, reads the last hash and inserts the entry
   * chained to it (crm.append_audit_entry, V9); returns the entry's id.
   */
  Long append(@Param("chainLock") long chainLock, @Param("at") java.time.Instant at, @Param("actorId") Long actorId,
      @Param("action") String action, @Param("entityType") String entityType, @Param("entityId") Long entityId,
      @Param("changes") String changes, @Param("canonical") String canonical);

  List<AuditRow> list(
      @Param("entityType") String entityType, @Param("entityId") Long entityId,
      @Param("actorId") Long actorId, @Param("after") long after, @Param("limit") int limit);
}
