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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
        return jdbi.inTransaction(handle -> {
            ChatDao chats = handle.attach(ChatDao.class);
            chats.ensureExists(chat.channel().id(), chat.externalId());
            ChatRow row = chats.lock(chat.channel().id(), chat.externalId());
            return work.apply(new Session(handle, chat, row));
        });
    }

    @Override
    public List<OutboundMessage> outboundAfter(ChatKey chat, long afterId, int limit) {
        return jdbi.withExtension(MessageDao.class,
                dao -> dao.outboundAfter(chat.channel().id(), chat.externalId(), afterId, limit)).stream()
                .map(row -> toOutbound(chat, row))
                .toList();
    }

    @Override
    public List<TranscriptEntry> history(ChatKey chat, int limit) {
        return jdbi.withExtension(MessageDao.class,
                dao -> dao.history(chat.channel().id(), chat.externalId(), limit)).stream()
                .map(row -> new TranscriptEntry(row.id(), row.author(), row.text(), json.read(row.buttons(), BUTTONS),
                        row.createdAt().toInstant()))
                .toList();
    }

    private OutboundMessage toOutbound(ChatKey chat, StoredMessageRow row) {
        return new OutboundMessage(row.id(), chat, row.body(), json.read(row.buttons(), BUTTONS), row.createdAt().toInstant(),
                row.author());
    }

    private final class Session implements ChatSession {
        private final Handle handle;
        private final ChatKey chat;
        private final ChatRow row;
        private final ChatDao chats;
        private final MessageDao messages;
        private final AuditDao audit;
        private final ProcessedUpdateDao updates;
        private final UnansweredDao unanswered;
        private ConversationState state;
        private boolean consented;

        Session(Handle handle, ChatKey chat, ChatRow row) {
            this.handle = handle;
            this.chat = chat;
            this.row = row;
            this.chats = handle.attach(ChatDao.class);
            this.messages = handle.attach(MessageDao.class);
            this.audit = handle.attach(AuditDao.class);
            this.updates = handle.attach(ProcessedUpdateDao.class);
            this.unanswered = handle.attach(UnansweredDao.class);
            this.state = new ConversationState(row.stateFlow(), row.stateStep(), json.read(row.stateSlots(), SLOTS),
                    row.stateEnteredAt().toInstant());
            this.consented = row.consented();
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
            chats.saveConsent(row.id(), given);
            consented = given;
        }

        @Override
        public boolean markUpdateHandled(long updateId) {
            return updates.markHandled(chat.channel().id(), updateId).isPresent();
        }

        @Override
        public void saveState(ConversationState next) {
            chats.saveState(row.id(), next.flow(), next.step(), json.write(next.slots()),
                    next.enteredAt().atOffset(java.time.ZoneOffset.UTC));
            state = next;
        }

        @Override
        public void recordInbound(Sender sender, Input input) {
            if (!sender.displayName().isBlank()) {
                chats.saveDisplayName(row.id(), sender.displayName());
            }
            if (input instanceof Input.Text text) {
                messages.insertInbound(row.id(), "text", text.text());
            } else if (input instanceof Input.ButtonPress press) {
                messages.insertInbound(row.id(), "button", press.payload());
            } else if (input instanceof Input.Contact contact) {
                messages.insertInbound(row.id(), "text", contact.phoneNumber());
            } else if (input instanceof Input.Attachment attachment) {
                // The file itself stays with the channel; a photo's or document's reference is kept for consultants.
                messages.insertInboundFile(row.id(), "[" + attachment.kind() + "]", attachment.fileId().orElse(null));
            }
        }

        @Override
        public List<OutboundMessage> recordOutbound(List<Reply> replies) {
            String delivery = chat.channel() == Channel.WEB ? null : "pending";
            List<OutboundMessage> stored = new ArrayList<>(replies.size());
            for (Reply reply : replies) {
                var consultant = reply.consultant();
                StoredMessageRow saved = messages.insertOutbound(row.id(), consultant.isPresent() ? OutboundMessage.CONSULTANT : OutboundMessage.BOT,
                        reply.text(), json.write(reply.buttons()), delivery,
                        consultant.map(Reply.Consultant::caseId).orElse(null), consultant.map(Reply.Consultant::accountId).orElse(null));
                stored.add(toOutbound(chat, saved));
            }
            return stored;
        }

        @Override
        public void recordUnanswered(UnansweredQuestion question) {
            unanswered.insert(row.id(), question.text(), question.reason(), json.write(question.top()));
        }

        @Override
        public java.util.Optional<String> lastTypedText() {
            return messages.lastTypedText(row.id());
        }

        @Override
        public long transcriptMark() {
            return messages.lastId(row.id());
        }

        @Override
        public void forgetTranscriptAfter(long mark) {
            messages.deleteAfter(row.id(), mark);
        }

        @Override
        public <T> T repository(Class<T> type) {
            return handle.attach(type);
        }

        @Override
        public void eraseAll() {
            messages.deleteForChat(row.id());
            chats.forgetCaseNotes(row.id());
            chats.forgetCases(row.id());
            unanswered.deleteForChat(row.id());
            chats.forgetVotes(row.id());
            chats.forgetProfile(row.id());
            state = ConversationState.idle();
            consented = false;
            audit.record("user", chat.toString(), "chat.erased", "chat:" + row.id());
        }
    }

}
