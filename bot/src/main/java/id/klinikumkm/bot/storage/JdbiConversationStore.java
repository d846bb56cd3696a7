package id.klinikumkm.bot.storage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.ChatKey;
import id.klinikumkm.bot.conversation.ChatSession;
import id.klinikumkm.bot.conversation.ConversationState;
import id.klinikumkm.bot.conversation.ConversationStore;
import id.klinikumkm.bot.conversation.Input;
import id.klinikumkm.bot.conversation.OutboundMessage;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.Sender;
import id.klinikumkm.bot.conversation.TranscriptEntry;
import id.klinikumkm.bot.conversation.UnansweredQuestion;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Conversation state and transcript in PostgreSQL; each turn is one transaction on a locked chat row. */
public final class JdbiConversationStore implements ConversationStore {
    private static final TypeReference<Map<String, String>> SLOTS = new TypeReference<>() {};
    private static final TypeReference<List<Button>> BUTTONS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final JsonColumns json;

    public JdbiConversationStore(Jdbi jdbi, ObjectMapper json) {
        this.jdbi = jdbi;
        this.json = new JsonColumns(json);
    }

    @Override
    public <T> T inChat(ChatKey chat, Function<ChatSession, T> work) {
        return turn(handle -> {
            ChatRow row = TurnStatements.lockChat(handle.getConnection(), chat.channel().id(), chat.externalId())
                    .orElseGet(() -> create(handle, chat));
            return run(new Session(handle, chat, row), work);
        });
    }

    /** One statement fewer per update than marking it handled in the turn: marked and locked at once. */
    @Override
    public <T> T inChatOnce(ChatKey chat, long updateId, Function<ChatSession, T> work, T repeated) {
        return turn(handle -> {
            Optional<Optional<ChatRow>> found = TurnStatements.markHandledAndLockChat(handle.getConnection(),
                    chat.channel().id(), chat.externalId(), updateId);
            if (found.isEmpty()) {
                return repeated;
            }
            ChatRow row = found.get().orElseGet(() -> create(handle, chat));
            return run(new Session(handle, chat, row), work);
        });
    }

    /** One transaction; a failure of the plain JDBC statements surfaces like jdbi's own. */
    private <T> T turn(org.jdbi.v3.core.HandleCallback<T, SQLException> callback) {
        return TurnStatements.unchecked(() -> jdbi.inTransaction(callback));
    }

    private static ChatRow create(Handle handle, ChatKey chat) {
        TurnDao dao = handle.attach(TurnDao.class);
        dao.ensureExists(chat.channel().id(), chat.externalId());
        return dao.lock(chat.channel().id(), chat.externalId()).orElseThrow();
    }

    private static <T> T run(Session session, Function<ChatSession, T> work) throws SQLException {
        T result = work.apply(session);
        session.flush();
        return result;
    }

    @Override
    public List<OutboundMessage> outboundAfter(ChatKey chat, long afterSeq, int limit) {
        return jdbi.withExtension(MessageDao.class,
                dao -> dao.outboundAfter(chat.channel().id(), chat.externalId(), afterSeq, limit)).stream()
                .map(row -> toOutbound(chat, row))
                .toList();
    }

    @Override
    public List<TranscriptEntry> history(ChatKey chat, int limit) {
        return jdbi.withExtension(MessageDao.class,
                dao -> dao.history(chat.channel().id(), chat.externalId(), limit)).stream()
                .map(row -> new TranscriptEntry(row.seq(), row.author(), row.text(), json.read(row.buttons(), BUTTONS),
                        row.createdAt().toInstant()))
                .toList();
    }

    private OutboundMessage toOutbound(ChatKey chat, StoredMessageRow row) {
        return new OutboundMessage(row.seq(), chat, row.body(), json.read(row.buttons(), BUTTONS), row.createdAt().toInstant(),
                row.author());
    }

    private final class Session implements ChatSession {
        private final Handle handle;
        private final ChatKey chat;
        private final ChatRow row;
        private TurnDao dao;
        /** The user's message waits here to be written with the answers, in one statement. */
        private final TurnMessages messages = new TurnMessages();
        private final ConversationState stored;
        private ConversationState state;
        private boolean consented;

        Session(Handle handle, ChatKey chat, ChatRow row) {
            this.handle = handle;
            this.chat = chat;
            this.row = row;
            this.stored = new ConversationState(row.stateFlow(), row.stateStep(), json.read(row.stateSlots(), SLOTS),
                    row.stateEnteredAt().toInstant());
            this.state = stored;
            this.consented = row.consented();
        }

        /**
         * Writes what is still gathered, and the state once, at the end of the turn and only when it changed
         * (most answers leave it idle).
         */
        void flush() throws SQLException {
            messages.writeTo(handle.getConnection(), row.id());
            if (!state.equals(stored)) {
                TurnStatements.saveState(handle.getConnection(), row.id(), state.flow(), state.step(),
                        json.write(state.slots()), state.enteredAt().atOffset(java.time.ZoneOffset.UTC));
            }
        }

        /** The statements a turn rarely needs, attached only when one is. */
        private TurnDao dao() {
            if (dao == null) {
                dao = handle.attach(TurnDao.class);
            }
            return dao;
        }

        @Override
        public ConversationState state() {
            return state;
        }

        @Override
        public boolean hasConsent() {
            return consented;
        }

        @Override
        public void setConsent(boolean given) {
            dao().saveConsent(row.id(), given);
            consented = given;
        }

        @Override
        public boolean markUpdateHandled(long updateId) {
            return dao().markHandled(chat.channel().id(), updateId).isPresent();
        }

        @Override
        public void saveState(ConversationState next) {
            state = next;
        }

        @Override
        public void recordInbound(Sender sender, Input input) {
            if (!sender.displayName().isBlank() && !sender.displayName().equals(row.displayName())) {
                dao().saveDisplayName(row.id(), sender.displayName());
            }
            if (input instanceof Input.Text text) {
                messages.inbound("text", text.text(), null);
            } else if (input instanceof Input.ButtonPress press) {
                messages.inbound("button", press.payload(), null);
            } else if (input instanceof Input.Contact contact) {
                messages.inbound("text", contact.phoneNumber(), null);
            } else if (input instanceof Input.Attachment attachment) {
                // The file itself stays with the channel; a photo's or document's reference is kept for consultants.
                messages.inbound("text", "[" + attachment.kind() + "]", attachment.fileId().orElse(null));
            }
        }

        @Override
        public List<OutboundMessage> recordOutbound(List<Reply> replies) {
            String delivery = chat.channel() == Channel.WEB ? null : "pending";
            for (Reply reply : replies) {
                var consultant = reply.consultant();
                messages.outbound(consultant.isPresent() ? OutboundMessage.CONSULTANT : OutboundMessage.BOT, reply.text(),
                        json.write(reply.buttons()), delivery, consultant.map(Reply.Consultant::caseId).orElse(null),
                        consultant.map(Reply.Consultant::accountId).orElse(null));
            }
            return TurnStatements.unchecked(() -> messages.writeTo(handle.getConnection(), row.id())).stream()
                    .map(saved -> toOutbound(chat, saved)).toList();
        }

        @Override
        public void recordUnanswered(UnansweredQuestion question) {
            TurnStatements.unchecked(() -> {
                TurnStatements.insertUnanswered(handle.getConnection(), row.id(), question.text(), question.reason(),
                        json.write(question.top()));
                return null;
            });
        }

        @Override
        public java.util.Optional<String> lastTypedText() {
            return dao().lastTypedText(row.id());
        }

        @Override
        public long transcriptMark() {
            return dao().lastId(row.id());
        }

        @Override
        public void forgetTranscriptAfter(long mark) {
            dao().deleteAfter(row.id(), mark);
        }

        @Override
        public <T> T repository(Class<T> type) {
            return handle.attach(type);
        }

        @Override
        public void eraseAll() {
            ChatErasure.erase(dao(), row.id(), chat.channel().id(), chat.externalId());
            state = ConversationState.idle();
            consented = false;
            dao().record("user", chat.toString(), "chat.erased", "chat:" + row.id());
        }
    }

}
