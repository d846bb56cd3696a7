package id.klinikumkm.bot.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The statements of {@link PersonalData}: finding, exporting, locking and checking a person's chats. */
@RegisterConstructorMapper(PersonalDataDao.Target.class)
@RegisterRowMapper(PersonalDataDao.ChatRefMapper.class)
interface PersonalDataDao {
    /** A chat to erase or anonymise. */
    record Target(long id, String channel, String externalId) {}

    /** A chat with a case not yet erased, every such case closed before the cutoff, and no message since. */
    String EXPIRED = """
            EXISTS (SELECT 1 FROM cases k WHERE k.chat_id = c.id AND k.erased_at IS NULL)
            AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.chat_id = c.id AND k.erased_at IS NULL
                            AND (k.status <> 'closed' OR k.closed_at IS NULL OR k.closed_at >= :cutoff))
            AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.chat_id = c.id AND m.created_at >= :cutoff)
            """;

    /** The chats with a case of this number, or a case with this phone number (+628...); newest first. */
    @SqlQuery("""
            SELECT c.id, c.channel, c.display_name,
                   array(SELECT number FROM cases WHERE chat_id = c.id ORDER BY id) AS case_numbers,
                   (SELECT count(*) FROM messages WHERE chat_id = c.id) AS messages,
                   (SELECT max(created_at) FROM messages WHERE chat_id = c.id) AS last_message_at
            FROM chats c
            WHERE c.id IN (SELECT chat_id FROM cases WHERE number = :number OR phone = :phone)
            ORDER BY c.id DESC
            """)
    List<PersonalData.ChatRef> find(String number, String phone);

    /** Everything stored about the chat as one JSON object (Indonesian keys); empty for an unknown chat. */
    @SqlQuery(EXPORT)
    Optional<String> export(long chatId);

    @SqlQuery("SELECT id, channel, external_id FROM chats WHERE id = :chatId FOR UPDATE")
    Optional<Target> lock(long chatId);

    /** Up to {@code limit} chats whose cases were all closed before the cutoff, locked, skipping locked ones. */
    @SqlQuery("SELECT c.id, c.channel, c.external_id FROM chats c WHERE c.id IN (SELECT chat_id FROM cases "
            + "WHERE status = 'closed' AND erased_at IS NULL AND closed_at < :cutoff) AND " + EXPIRED
            + " ORDER BY c.id LIMIT :limit FOR UPDATE OF c SKIP LOCKED")
    List<Target> lockExpired(OffsetDateTime cutoff, int limit);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM chats c WHERE c.id = :chatId AND " + EXPIRED + ")")
    boolean stillExpired(long chatId, OffsetDateTime cutoff);

    String EXPORT = """
            SELECT json_build_object(
                'percakapan', json_build_object(
                    'saluran', c.channel, 'id_percakapan', c.external_id, 'nama', c.display_name,
                    'setuju_disimpan_sejak', c.consent_at, 'pertama_kali', c.created_at, 'terakhir_diubah', c.updated_at,
                    'alur_berjalan', json_build_object('alur', c.state_flow, 'langkah', c.state_step, 'isian', c.state_slots)),
                'pesan', coalesce((SELECT json_agg(json_build_object(
                        'id', m.id, 'waktu', m.created_at, 'dari', m.author, 'jenis', m.kind, 'isi', m.body,
                        'berkas', m.file_id IS NOT NULL, 'pengiriman', m.delivery) ORDER BY m.id)
                    FROM messages m WHERE m.chat_id = c.id), '[]'::json),
                'kasus', coalesce((SELECT json_agg(json_build_object(
                        'nomor', k.number, 'status', k.status, 'dibuka', k.created_at, 'kebutuhan', k.needs,
                        'kecamatan', k.kecamatan, 'di_luar_kabupaten', k.outside_place, 'nama_lengkap', k.full_name,
                        'nama_usaha', k.business_name, 'produk', k.product, 'nomor_hp', k.phone,
                        'uraian', k.description, 'formulir', k.intake, 'balasan_pertama', k.first_reply_at,
                        'selesai', k.resolved_at, 'ditutup', k.closed_at, 'nilai', k.rating,
                        'komentar_nilai', k.rating_comment, 'dihapus', k.erased_at,
                        'riwayat', coalesce((SELECT json_agg(json_build_object('waktu', e.at, 'jenis', e.kind,
                                'dari_status', e.from_status, 'ke_status', e.to_status, 'keterangan', e.detail) ORDER BY e.id)
                            FROM case_events e WHERE e.case_id = k.id), '[]'::json),
                        'catatan_petugas', coalesce((SELECT json_agg(json_build_object('waktu', n.created_at, 'isi', n.body)
                                ORDER BY n.id) FROM case_notes n WHERE n.case_id = k.id), '[]'::json)) ORDER BY k.id)
                    FROM cases k WHERE k.chat_id = c.id), '[]'::json),
                'pertanyaan_belum_terjawab', coalesce((SELECT json_agg(json_build_object(
                        'waktu', u.created_at, 'teks', u.text, 'alasan', u.reason) ORDER BY u.id)
                    FROM unanswered_questions u WHERE u.chat_id = c.id), '[]'::json),
                'penilaian_jawaban', coalesce((SELECT json_agg(json_build_object(
                        'waktu', v.created_at, 'jawaban', v.intent_key, 'membantu', v.helpful) ORDER BY v.id)
                    FROM faq_votes v WHERE v.chat_id = c.id), '[]'::json)
            )::text
            FROM chats c WHERE c.id = :chatId
            """;

    final class ChatRefMapper implements RowMapper<PersonalData.ChatRef> {
        @Override
        public PersonalData.ChatRef map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PersonalData.ChatRef(rs.getLong("id"), rs.getString("channel"), rs.getString("display_name"),
                    List.of((String[]) rs.getArray("case_numbers").getArray()), rs.getLong("messages"),
                    rs.getObject("last_message_at", OffsetDateTime.class));
        }
    }
}
