package id.klinikumkm.bot.testing;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A conversation store in memory, for engine tests without a database. */
public final class InMemoryConversationStore implements ConversationStore {
    private final Map<ChatKey, ConversationState> states = new HashMap<>();
    private final Map<ChatKey, List<Object>> transcripts = new HashMap<>();
    private final Map<ChatKey, List<UnansweredQuestion>> unanswered = new HashMap<>();
    private final java.util.Set<Long> handledUpdates = new java.util.HashSet<>();
    private final java.util.Set<ChatKey> consented = new java.util.HashSet<>();
    private long nextId = 1;

    @Override
    public synchronized <T> T inChat(ChatKey chat, Function<ChatSession, T> work) {
        return work.apply(new ChatSession() {
            @Override
            public ConversationState state() {
                return states.getOrDefault(chat, ConversationState.idle());
            }

            @Override
            public boolean hasConsent() {
                return consented.contains(chat);
            }

            @Override
            public void setConsent(boolean given) {
                if (given) {
                    consented.add(chat);
                } else {
                    consented.remove(chat);
                }
            }

            @Override
            public boolean markUpdateHandled(long updateId) {
                return handledUpdates.add(updateId);
            }

            @Override
            public void saveState(ConversationState state) {
                states.put(chat, state);
            }

            @Override
            public void recordInbound(Sender sender, Input input) {
                transcript(chat).add(input);
            }

            @Override
            public List<OutboundMessage> recordOutbound(List<Reply> replies) {
                List<OutboundMessage> out = new ArrayList<>();
                for (Reply reply : replies) {
                    var message = new OutboundMessage(nextId++, chat, reply.text(), reply.buttons(), Instant.now());
                    transcript(chat).add(message);
                    out.add(message);
                }
                return out;
            }

            @Override
            public void recordUnanswered(UnansweredQuestion question) {
                unanswered.computeIfAbsent(chat, k -> new ArrayList<>()).add(question);
            }

            @Override
            public java.util.Optional<String> lastTypedText() {
                List<Object> items = transcript(chat);
                for (int i = items.size() - 1; i >= 0; i--) {
                    if (items.get(i) instanceof Input.Text text && !text.text().startsWith("/")) {
                        return java.util.Optional.of(text.text());
                    }
                }
                return java.util.Optional.empty();
            }

            @Override
            public long transcriptMark() {
                return transcript(chat).size();
            }

            @Override
            public void forgetTranscriptAfter(long mark) {
                List<Object> items = transcript(chat);
                items.subList((int) Math.min(mark, items.size()), items.size()).clear();
            }

            @Override
            public <T> T repository(Class<T> type) {
                throw new UnsupportedOperationException("the in-memory store has no repositories; test features with a database");
            }

            @Override
            public void eraseAll() {
                unanswered.remove(chat);
                transcripts.remove(chat);
                states.remove(chat);
                consented.remove(chat);
            }
        });
    }

    @Override
    public synchronized List<OutboundMessage> outboundAfter(ChatKey chat, long afterId, int limit) {
        return transcript(chat).stream()
                .filter(OutboundMessage.class::isInstance).map(OutboundMessage.class::cast)
                .filter(m -> m.id() > afterId).limit(limit).toList();
    }

    @Override
    public synchronized List<TranscriptEntry> history(ChatKey chat, int limit) {
        List<TranscriptEntry> entries = new ArrayList<>();
        long inboundId = 0;
        for (Object item : transcript(chat)) {
            if (item instanceof OutboundMessage message) {
                entries.add(new TranscriptEntry(message.id(), "bot", message.text(), message.buttons(), message.createdAt()));
            } else if (item instanceof Input.Text text) {
                entries.add(new TranscriptEntry(--inboundId, "user", text.text(), List.of(), Instant.EPOCH));
            } else if (item instanceof Input.ButtonPress press) {
                entries.add(new TranscriptEntry(--inboundId, "user", press.payload(), List.of(), Instant.EPOCH));
            }
        }
        return entries.subList(Math.max(0, entries.size() - limit), entries.size());
    }

    /** Everything stored for a chat, inputs and outbound messages in order. */
    public synchronized List<Object> transcript(ChatKey chat) {
        return transcripts.computeIfAbsent(chat, k -> new ArrayList<>());
    }

    /** The questions kept as unanswered for a chat, oldest first. */
    public synchronized List<UnansweredQuestion> unanswered(ChatKey chat) {
        return List.copyOf(unanswered.getOrDefault(chat, List.of()));
    }

    public synchronized ConversationState state(ChatKey chat) {
        return states.getOrDefault(chat, ConversationState.idle());
    }
}
