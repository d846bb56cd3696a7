package id.klinikumkm.bot.nlu;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The {@code training_examples} table; validation is in {@link TrainingExamples}. */
@RegisterConstructorMapper(TrainingExample.class)
public interface TrainingExamplesDao {

    @SqlUpdate("""
            INSERT INTO training_examples (intent_key, text, added_by, unanswered_id)
            VALUES (:intentKey, :text, :addedBy, :unansweredId)
            """)
    @GetGeneratedKeys("id")
    long insert(String intentKey, String text, String addedBy, Long unansweredId);

    @SqlQuery("SELECT id, intent_key, text, added_by, unanswered_id, created_at FROM training_examples ORDER BY id")
    List<TrainingExample> all();

    @SqlUpdate("DELETE FROM training_examples WHERE id = :id")
    boolean delete(long id);
}
