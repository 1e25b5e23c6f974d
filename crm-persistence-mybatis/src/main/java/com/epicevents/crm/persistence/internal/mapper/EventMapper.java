package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in EventMapper.xml. */
public interface EventMapper {
  EventRow findById(@Param("id") long id);

  Stamp insert(EventRow row);

  /** Null when no row has this id and version. */
  Stamp update(EventRow row);

  List<EventRow> list(
      @Param("contractId") Long contractId, @Param("supportContactId") Long supportContactId,
      @Param("unassigned") Boolean unassigned, @Param("salesContactId") Long salesContactId,
      @Param("from") Instant from, @Param("to") Instant to,
      @Param("after") long after, @Param("limit") int limit);
}
