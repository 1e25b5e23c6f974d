package com.epicevents.crm.persistence.internal.mapper;

import java.util.List;
import org.apache.ibatis.annotations.Param;

/** SQL in CollaboratorMapper.xml. */
public interface CollaboratorMapper {
  CollaboratorRow findById(@Param("id") long id);

  CollaboratorRow findByUsername(@Param("username") String username);

  boolean emailTaken(@Param("email") String email, @Param("except") Long except);

  Stamp insert(CollaboratorRow row);

  /** Null when no row has this id and version. */
  Stamp update(CollaboratorRow row);

  /** Locks the active managers' rows until the transaction ends (rule 7 under concurrency). */
  List<Long> lockActiveManagers();

  List<CollaboratorRow> list(
      @Param("team") String team, @Param("active") Boolean active,
      @Param("after") long after, @Param("limit") int limit);
}
