package com.epicevents.crm.persistence.internal.mapper;

import java.time.Instant;
import org.apache.ibatis.annotations.Param;

/** SQL in SessionMapper.xml. */
public interface SessionMapper {
  Long insert(SessionRow row);

  SessionRow findByTokenHash(@Param("tokenHash") String tokenHash);

  CredentialRow findCredential(@Param("tokenHash") String tokenHash);

  int update(SessionRow row);

  int recordUse(@Param("id") long id, @Param("at") Instant at);

  int revoke(@Param("id") long id);

  int revokeAllOf(@Param("collaboratorId") long collaboratorId, @Param("exceptId") Long exceptId);

  /** Tells every process listening on {@code channel} (delivered when the transaction commits). */
  String announce(@Param("channel") String channel, @Param("payload") String payload);
}
