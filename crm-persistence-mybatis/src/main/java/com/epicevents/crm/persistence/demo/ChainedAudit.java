package com.epicevents.crm.persistence.demo;

import com.epicevents.crm.domain.audit.AuditEntry;
import com.epicevents.crm.persistence.internal.mapper.AuditMapper;
import com.epicevents.crm.persistence.internal.mapper.InstantTypeHandler;
import com.epicevents.crm.persistence.internal.repository.MyBatisAuditTrail;
import com.epicevents.crm.persistence.internal.repository.MyBatisTransactions;
import java.sql.Connection;
import java.time.Instant;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.apache.ibatis.transaction.managed.ManagedTransactionFactory;

/**
 * Appends one audit entry with the application's own {@link MyBatisAuditTrail} (its chain lock,
 * its hashing, its SQL), but on a connection the caller holds in an open transaction, so that
 * the entry commits or rolls back together with the data it describes.
 *
 * <p>MyBatis's managed transactions leave commit, rollback and close to the caller; the session
 * factory below hands that one connection to every unit of work.
 */
final class ChainedAudit {
  private ChainedAudit() {}

  /** {@code dataSource}: only named in MyBatis's environment, never asked for a connection. */
  static void append(Connection inTransaction, DataSource dataSource, AuditEntry entry) {
    ManagedTransactionFactory callerManaged = new ManagedTransactionFactory();
    Properties properties = new Properties();
    properties.setProperty("closeConnection", "false");
    callerManaged.setProperties(properties);

    Configuration configuration = new Configuration(new Environment("demo-data", callerManaged, dataSource));
    configuration.setMapUnderscoreToCamelCase(true);
    configuration.setArgNameBasedConstructorAutoMapping(true);
    configuration.getTypeHandlerRegistry().register(Instant.class, new InstantTypeHandler());
    configuration.getTypeAliasRegistry().registerAliases("com.epicevents.crm.persistence.internal.mapper");
    configuration.addMapper(AuditMapper.class);

    DefaultSqlSessionFactory onThisConnection = new DefaultSqlSessionFactory(configuration) {
      @Override
      public SqlSession openSession(boolean autoCommit) {
        return openSession(inTransaction);
      }
    };
    new MyBatisAuditTrail(new MyBatisTransactions(onThisConnection)).append(entry);
  }
}
