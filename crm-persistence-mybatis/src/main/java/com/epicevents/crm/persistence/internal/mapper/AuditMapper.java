package com.epicevents.crm.persistence.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in AuditMapper.xml. */
public interface AuditMapper {
  /** Takes the transaction-scoped advisory lock that serialises appends to the chain. */
  Integer lockChain(@Param("key") long key);

  /** The hash of the last entry, or null when the trail is empty. */
  String lastHash();

  Long insert(AuditRow row);

  List<AuditRow> list(
      @Param("entityType") String entityType, @Param("entityId") Long entityId,
      @Param("actorId") Long actorId, @Param("after") long after, @Param("limit") int limit);
}
