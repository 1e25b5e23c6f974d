package com.epicevents.crm.persistence.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in ContractMapper.xml. */
public interface ContractMapper {
  ContractRow findById(@Param("id") long id);

  Stamp insert(ContractRow row);

  /** Null when no row has this id and version. */
  Stamp update(ContractRow row);

  List<ContractRow> list(
      @Param("clientId") Long clientId, @Param("signed") Boolean signed,
      @Param("fullyPaid") Boolean fullyPaid, @Param("salesContactId") Long salesContactId,
      @Param("after") long after, @Param("limit") int limit);
}
