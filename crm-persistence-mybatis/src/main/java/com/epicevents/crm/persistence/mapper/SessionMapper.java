package com.epicevents.crm.persistence.mapper;

import org.apache.ibatis.annotations.Param;

/** SQL in SessionMapper.xml. */
public interface SessionMapper {
  Long insert(SessionRow row);

  SessionRow findByTokenHash(@Param("tokenHash") String tokenHash);

  int update(SessionRow row);

  int revoke(@Param("id") long id);

  int revokeAllOf(@Param("collaboratorId") long collaboratorId, @Param("exceptId") Long exceptId);
}
