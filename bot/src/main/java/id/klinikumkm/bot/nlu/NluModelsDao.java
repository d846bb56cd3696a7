package id.klinikumkm.bot.nlu;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.SingleValue;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code nlu_models} table: retraining runs, their figures, and the models in service. */
@RegisterConstructorMapper(ModelRun.class)
public interface NluModelsDao {
    String COLUMNS = """
            version, status, reason, example_count, accuracy, in_scope_accuracy, oos_recall, trained_by, seed_hash,
            started_at, finished_at
            """;

    /**
     * Runs {@code work} while holding the retraining lock, which is shared by every instance on the database.
     * The lock is a session-level advisory lock, so it is taken and released on one connection: on an on-demand
     * DAO, Jdbi keeps one handle for a default method and the DAO calls made from it on this thread. A crashed
     * instance's lock goes with its connection.
     *
     * @return false, without running {@code work}, when another run holds the lock
     */
    default boolean whileLocked(Runnable work) {
        if (!tryLock()) {
            return false;
        }
        try {
            work.run();
        } finally {
            unlock();
        }
        return true;
    }

    @SqlQuery("SELECT pg_try_advisory_lock(hashtext('klinik.nlu.retrain'))")
    boolean tryLock();

    @SqlQuery("SELECT pg_advisory_unlock(hashtext('klinik.nlu.retrain'))")
    boolean unlock();

    @SqlUpdate("""
            INSERT INTO nlu_models (data_hash, seed_hash, example_count, status, trained_by)
            VALUES (:dataHash, :seedHash, :exampleCount, 'running', :trainedBy)
            """)
    @GetGeneratedKeys("version")
    long insertRunning(String dataHash, String seedHash, int exampleCount, String trainedBy);

    /** Records the cross-validated figures of the seed model (built from the files), which has no row of its own. */
    @SqlUpdate("""
            INSERT INTO nlu_models (data_hash, seed_hash, example_count, accuracy, in_scope_accuracy, oos_recall,
                                    status, reason, trained_by, finished_at)
            VALUES (:seedHash, :seedHash, :exampleCount, :accuracy, :inScopeAccuracy, :oosRecall, 'serving', :reason,
                    'seed', now())
            """)
    void insertSeedFigures(String seedHash, int exampleCount, double accuracy, double inScopeAccuracy,
                           double oosRecall, String reason);

    @SqlQuery("SELECT " + COLUMNS + " FROM nlu_models WHERE trained_by = 'seed' AND seed_hash = :seedHash"
            + " AND accuracy IS NOT NULL ORDER BY version DESC LIMIT 1")
    Optional<ModelRun> seedFigures(String seedHash);

    @SqlUpdate("""
            UPDATE nlu_models SET accuracy = :accuracy, in_scope_accuracy = :inScopeAccuracy, oos_recall = :oosRecall
            WHERE version = :version
            """)
    void recordFigures(long version, double accuracy, double inScopeAccuracy, double oosRecall);

    /** Ends a run as {@code refused} or {@code failed}. */
    @SqlUpdate("UPDATE nlu_models SET status = :status, reason = :reason, finished_at = now() WHERE version = :version")
    void finish(long version, String status, String reason);

    @SqlUpdate("""
            UPDATE nlu_models SET status = 'serving', model = :model, reason = :reason, finished_at = now()
            WHERE version = :version
            """)
    void finishServing(long version, byte[] model, String reason);

    /** Runs left 'running' by an instance that stopped mid-run; call only while holding the lock. */
    @SqlUpdate("UPDATE nlu_models SET status = 'failed', reason = :reason, finished_at = now() WHERE status = 'running'")
    int failInterrupted(String reason);

    @SqlQuery("SELECT " + COLUMNS + " FROM nlu_models WHERE version = :version")
    Optional<ModelRun> find(long version);

    /** The newest model in service that was trained on top of these training files. */
    @SqlQuery("SELECT " + COLUMNS + " FROM nlu_models WHERE status = 'serving' AND model IS NOT NULL"
            + " AND seed_hash = :seedHash ORDER BY version DESC LIMIT 1")
    Optional<ModelRun> newestServing(String seedHash);

    /** The model bytes; {@code @SingleValue} because Jdbi would otherwise read a {@code byte[]} as one byte per row. */
    @SqlQuery("SELECT model FROM nlu_models WHERE version = :version")
    @SingleValue
    byte[] model(long version);

    @SqlQuery("SELECT " + COLUMNS + " FROM nlu_models ORDER BY version DESC LIMIT :limit")
    List<ModelRun> recent(int limit);
}
