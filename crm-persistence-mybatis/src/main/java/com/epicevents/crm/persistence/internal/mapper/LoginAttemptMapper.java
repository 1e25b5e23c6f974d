package com.epicevents.crm.persistence.internal.mapper;

import org.apache.ibatis.annotations.Param;

/** SQL in LoginAttemptMapper.xml. */
public interface LoginAttemptMapper {
  /** Makes sure a row exists so that {@link #lock} has something to lock. */
  int ensure(@Param("usernameKey") String usernameKey);

  LoginAttemptRow lock(@Param("usernameKey") String usernameKey);

  int upsert(LoginAttemptRow row);
}
