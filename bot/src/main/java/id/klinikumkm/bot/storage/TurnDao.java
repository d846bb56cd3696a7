package id.klinikumkm.bot.storage;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;

/**
 * Everything one conversation turn writes, as one SqlObject: attaching a jdbi extension copies its
 * configuration, so a turn attaches this once instead of one DAO per aggregate (it was a sizeable share of a
 * turn's CPU under load). The statements still live with their aggregates' DAOs.
 */
@RegisterConstructorMapper(ChatRow.class)
@RegisterConstructorMapper(StoredMessageRow.class)
interface TurnDao extends ChatDao, MessageDao, ProcessedUpdateDao, UnansweredDao, AuditDao {}
