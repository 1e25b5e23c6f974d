package com.epicevents.crm.persistence.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in ClientMapper.xml. */
public interface ClientMapper {
  ClientRow findById(@Param("id") long id);

  Stamp insert(ClientRow row);

  /** Null when no row has this id and version. */
  Stamp update(ClientRow row);

  /** Until the transaction ends, plans every statement for its parameters' values (custom plans). */
  String planForTheseValues();

  /** {@code pattern}: an ILIKE pattern with wildcards already escaped, or null. */
  List<ClientRow> list(
      @Param("salesContactId") Long salesContactId, @Param("pattern") String pattern,
      @Param("after") long after, @Param("limit") int limit);
}
