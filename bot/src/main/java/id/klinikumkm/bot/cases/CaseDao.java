package id.klinikumkm.bot.cases;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The cases aggregate; used inside the turn's transaction of the chat a case belongs to. */
@RegisterConstructorMapper(CaseSummary.class)
public interface CaseDao {

    /** The next number of {@code year}; the counter row stays locked until the transaction ends. */
    @SqlQuery("""
            INSERT INTO case_numbers (year, last) VALUES (:year, 1)
            ON CONFLICT (year) DO UPDATE SET last = case_numbers.last + 1
            RETURNING last
            """)
    int nextNumber(int year);

    @SqlUpdate("""
            INSERT INTO cases (number, chat_id, channel, submission, needs, kecamatan, outside_place,
                               full_name, business_name, product, phone, description, intake)
            SELECT :number, c.id, c.channel, :submission, CAST(:needs AS text[]), :kecamatan, :outsidePlace,
                   :fullName, :businessName, :product, :phone, :description, CAST(:intake AS jsonb)
            FROM chats c WHERE c.channel = :channel AND c.external_id = :externalId
            """)
    int insert(@Bind("channel") String channel, @Bind("externalId") String externalId, @Bind("number") String number,
               @Bind("submission") String submission, @Bind("needs") String[] needs, @Bind("kecamatan") String kecamatan,
               @Bind("outsidePlace") String outsidePlace, @Bind("fullName") String fullName,
               @Bind("businessName") String businessName, @Bind("product") String product, @Bind("phone") String phone,
               @Bind("description") String description, @Bind("intake") String intake);

    @SqlQuery("""
            SELECT k.number FROM cases k JOIN chats c ON c.id = k.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId AND k.submission = :submission
            """)
    Optional<String> numberOf(String channel, String externalId, String submission);

    /** The chat's cases, newest first. */
    @SqlQuery("""
            SELECT k.number, k.status, k.created_at, k.updated_at FROM cases k JOIN chats c ON c.id = k.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId
            ORDER BY k.created_at DESC, k.id DESC LIMIT :limit
            """)
    List<CaseSummary> ofChat(String channel, String externalId, int limit);

    /** The intake of the chat's newest case whose personal data was not erased, to offer it again. */
    @SqlQuery("""
            SELECT k.intake::text FROM cases k JOIN chats c ON c.id = k.chat_id
            WHERE c.channel = :channel AND c.external_id = :externalId AND k.erased_at IS NULL
            ORDER BY k.created_at DESC, k.id DESC LIMIT 1
            """)
    Optional<String> latestIntake(String channel, String externalId);
}
