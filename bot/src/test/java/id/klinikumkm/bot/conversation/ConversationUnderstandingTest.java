package id.klinikumkm.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.conversation.Interpretation.IntentScore;
import id.klinikumkm.bot.testing.InMemoryConversationStore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed questions, with a scripted classifier: answer, ask back ("Maksud Bapak/Ibu ...?"), or fall back. */
class ConversationUnderstandingTest {
    private static final Map<String, Interpretation> SCRIPT = Map.of(
            "biaya nib brp", meaning(Decision.ANSWER, "legal.nib.cost", 0.9, "legal.nib.register", 0.05),
            "halal berapa", meaning(Decision.CLARIFY, "halal.cost", 0.45, "halal.duration", 0.4, "halal.register", 0.1),
            "halo kak", meaning(Decision.ANSWER, "smalltalk.greeting", 0.95, "clinic.info", 0.01),
            "makasih ya", meaning(Decision.CLARIFY, "smalltalk.thanks", 0.4, "handoff.request", 0.3),
            "mau ngobrol sama petugas", meaning(Decision.ANSWER, "handoff.request", 0.9, "clinic.info", 0.05),
            "kbli or something else", meaning(Decision.CLARIFY, "legal.kbli", 0.35, "out_of_scope", 0.3, "smalltalk.greeting", 0.2),
            "no topic to offer", meaning(Decision.CLARIFY, "out_of_scope", 0.35, "smalltalk.greeting", 0.3));

    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final BotTexts texts = BotTexts.load();
    private static final Map<String, String> TITLES = Map.of("legal.nib.cost", "Biaya NIB", "halal.cost", "Biaya halal",
            "halal.duration", "Lama proses halal", "halal.register", "Daftar halal", "legal.kbli", "KBLI");
    private final ConversationEngine engine = ConversationEngine.builder(store, texts)
            .classifier(text -> SCRIPT.getOrDefault(text, meaning(Decision.FALLBACK, "out_of_scope", 0.8, "legal.kbli", 0.05)))
            .topics(new FakeTopics(TITLES), List.of(new Button("Halal", "faq:topic:halal")))
            .build();
    private final ChatKey chat = new ChatKey(Channel.WEB, "understanding-test-0001");

    @org.junit.jupiter.api.BeforeEach
    void agree_to_storage() {
        // Unanswered questions keep their text only for chats that agreed; that is tested in ConversationEngineTest.
        engine.handle(InboundMessage.button(chat, "consent:yes"));
    }

    @Test
    void a_confident_topic_question_is_answered_with_that_topic() {
        OutboundMessage reply = only(engine.handle(InboundMessage.text(chat, "biaya nib brp")));
        assertThat(reply.text()).isEqualTo("ANSWER legal.nib.cost");
        assertThat(payloads(reply)).containsExactly(ConversationEngine.CONSULTANT, ConversationEngine.MENU);
        assertThat(store.unanswered(chat)).isEmpty();
    }

    @Test
    void two_close_topics_are_offered_as_buttons_and_kept_as_unanswered() {
        OutboundMessage reply = only(engine.handle(InboundMessage.text(chat, "halal berapa")));

        assertThat(reply.text()).startsWith("Maksud Bapak/Ibu Biaya halal atau Lama proses halal atau Daftar halal?");
        assertThat(payloads(reply)).containsExactly("intent:show:halal.cost", "intent:show:halal.duration",
                "intent:show:halal.register", ConversationEngine.MENU);
        assertThat(store.unanswered(chat)).singleElement().satisfies(question -> {
            assertEquals("halal berapa", question.text());
            assertEquals(UnansweredQuestion.CLARIFY, question.reason());
        });
    }

    @Test
    void pressing_an_offered_topic_answers_it() {
        engine.handle(InboundMessage.text(chat, "halal berapa"));
        OutboundMessage reply = only(engine.handle(InboundMessage.button(chat, "intent:show:halal.duration")));
        assertThat(reply.text()).isEqualTo("ANSWER halal.duration");
        assertThat(store.unanswered(chat)).hasSize(1);
    }

    @Test
    void forged_intent_buttons_are_stale() {
        assertThat(only(engine.handle(InboundMessage.button(chat, "intent:out_of_scope"))).text()).isEqualTo(texts.get("stale.button"));
        assertThat(only(engine.handle(InboundMessage.button(chat, "intent:show:Legal;drop"))).text()).isEqualTo(texts.get("stale.button"));
        assertThat(only(engine.handle(InboundMessage.button(chat, "intent:show:no.such.key"))).text()).isEqualTo(texts.get("answer.missing"));
    }

    @Test
    void nonsense_falls_back_to_the_menu_with_the_consultant_offer() {
        OutboundMessage reply = only(engine.handle(InboundMessage.text(chat, "qwerty asdf zxcv")));
        assertThat(reply.text()).isEqualTo(texts.get("fallback")).contains("Petugas");
        assertThat(payloads(reply)).contains(ConversationEngine.CONSULTANT);
        assertThat(store.unanswered(chat)).singleElement()
                .satisfies(question -> assertEquals(UnansweredQuestion.FALLBACK, question.reason()));
    }

    @Test
    void a_clarification_offers_topics_only_never_out_of_scope_or_small_talk() {
        OutboundMessage reply = only(engine.handle(InboundMessage.text(chat, "kbli or something else")));
        assertThat(payloads(reply)).containsExactly("intent:show:legal.kbli", ConversationEngine.MENU);
    }

    @Test
    void a_clarification_without_any_topic_to_offer_falls_back() {
        OutboundMessage reply = only(engine.handle(InboundMessage.text(chat, "no topic to offer")));
        assertThat(reply.text()).isEqualTo(texts.get("fallback"));
        assertThat(store.unanswered(chat)).hasSize(1);
    }

    @Test
    void greetings_and_thanks_get_a_natural_reply_and_are_not_unanswered() {
        assertThat(only(engine.handle(InboundMessage.text(chat, "halo kak"))).text()).isEqualTo(texts.get("smalltalk.greeting"));
        assertThat(only(engine.handle(InboundMessage.text(chat, "makasih ya"))).text()).isEqualTo(texts.get("smalltalk.thanks"));
        assertThat(store.unanswered(chat)).isEmpty();
    }

    @Test
    void asking_for_a_person_is_the_consultant_topic() {
        assertThat(only(engine.handle(InboundMessage.text(chat, "mau ngobrol sama petugas"))).text())
                .isEqualTo(texts.get("consultant.offer"));
    }

    @Test
    void commands_and_menu_buttons_bypass_the_classifier() {
        assertThat(engine.handle(InboundMessage.text(chat, "/start")).get(0).text()).isEqualTo(texts.get("welcome"));
        assertThat(only(engine.handle(InboundMessage.button(chat, ConversationEngine.MENU))).text()).isEqualTo(texts.get("menu.prompt"));
        assertThat(store.unanswered(chat)).isEmpty();
    }

    @Test
    void erasing_the_chat_also_erases_its_unanswered_questions() {
        engine.handle(InboundMessage.text(chat, "qwerty asdf zxcv"));
        engine.handle(InboundMessage.text(chat, "/hapus"));
        engine.handle(InboundMessage.button(chat, "delete:yes"));
        assertThat(store.unanswered(chat)).isEmpty();
    }

    private static Interpretation meaning(Decision decision, Object... keysAndProbabilities) {
        List<IntentScore> top = new java.util.ArrayList<>();
        for (int i = 0; i < keysAndProbabilities.length; i += 2) {
            top.add(new IntentScore((String) keysAndProbabilities[i], (Double) keysAndProbabilities[i + 1]));
        }
        return new Interpretation("normalised", decision, top);
    }

    private static OutboundMessage only(List<OutboundMessage> replies) {
        assertEquals(1, replies.size());
        return replies.get(0);
    }

    private static List<String> payloads(OutboundMessage message) {
        return message.buttons().stream().map(Button::payload).toList();
    }
}
