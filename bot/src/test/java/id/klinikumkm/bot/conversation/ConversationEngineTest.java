package id.klinikumkm.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;

import id.klinikumkm.bot.conversation.Interpretation.Decision;
import id.klinikumkm.bot.testing.InMemoryConversationStore;
import id.klinikumkm.bot.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's routing with an in-memory store: commands, flows, resume, buttons. No network, no database. */
class ConversationEngineTest {
    private final InMemoryConversationStore store = new InMemoryConversationStore();
    private final BotTexts texts = BotTexts.load();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T08:00:00Z"));
    /** Every text the classifier was asked about. */
    private final List<String> classified = new ArrayList<>();
    private final ConversationEngine engine = ConversationEngine.builder(store, texts)
            .classifier(text -> {
                classified.add(text);
                return new Interpretation(text, Decision.FALLBACK, List.of());
            })
            .topics(new FakeTopics(Map.of("legal.nib.cost", "Biaya NIB")), List.of(new Button("Legalitas", "faq:topic:legal")))
            .clock(clock)
            .build();
    private final ChatKey chat = new ChatKey(Channel.TELEGRAM, "12345");

    @Test
    void start_greets_and_asks_for_consent_before_showing_the_menu() {
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "/start"));

        assertEquals(2, replies.size());
        assertThat(replies.get(0).text()).isEqualTo(texts.get("welcome"));
        assertThat(replies.get(0).buttons()).isEmpty();
        assertThat(replies.get(1).text()).contains("UU No. 27 Tahun 2022");
        assertThat(payloads(replies.get(1))).containsExactly("consent:yes", "consent:no");
        assertEquals("consent", store.state(chat).flow());

        List<OutboundMessage> agreed = engine.handle(InboundMessage.button(chat, "consent:yes"));
        assertThat(onlyText(agreed)).isEqualTo(texts.get("consent.given"));
        assertThat(payloads(agreed.get(0))).containsExactly("faq:topic:legal", ConversationEngine.CONSULTANT);
        assertThat(store.state(chat).inFlow()).isFalse();
    }

    @Test
    void start_does_not_ask_again_once_consent_was_given() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "/start"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("welcome"));
        assertThat(payloads(replies.get(0))).contains("faq:topic:legal");
    }

    @Test
    void start_with_bot_name_and_deep_link_is_still_start() {
        assertThat(engine.handle(InboundMessage.text(chat, "/Start@KlinikUmkmBot promo")).get(0).text()).isEqualTo(texts.get("welcome"));
    }

    @Test
    void while_the_consent_question_is_open_typed_text_goes_to_it_and_not_to_the_classifier() {
        engine.handle(InboundMessage.text(chat, "/start"));

        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "cara bikin nib gimana"));

        assertThat(classified).isEmpty();
        assertThat(replies.get(0).text()).isEqualTo(texts.get("consent.hint"));
        assertThat(payloads(replies.get(1))).containsExactly("consent:yes", "consent:no");
        assertEquals("consent", store.state(chat).flow());

        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "Iya boleh!")))).isEqualTo(texts.get("consent.given"));
        assertThat(classified).isEmpty();
    }

    @Test
    void a_typed_yes_or_no_answers_the_consent_question() {
        engine.handle(InboundMessage.text(chat, "/privasi"));
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "Setuju.")))).isEqualTo(texts.get("consent.given"));
        engine.handle(InboundMessage.text(chat, "/privasi"));
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "gak mau")))).isEqualTo(texts.get("consent.refused"));
        assertThat(classified).isEmpty();
    }

    @Test
    void without_consent_typed_text_and_names_are_not_stored_but_still_answered() {
        var withName = new InboundMessage(chat, new Sender("12345", "Siti Aminah"), new Input.Text("nama saya Siti, hp 081234567890"));
        List<OutboundMessage> replies = engine.handle(withName);

        assertThat(replies).isNotEmpty();
        assertThat(store.transcript(chat)).contains(new Input.Text(ConversationEngine.NOT_STORED));
        assertThat(storedTexts()).doesNotContain("Siti").doesNotContain("0812");
        assertThat(store.unanswered(chat)).extracting(UnansweredQuestion::text).containsExactly("");
    }

    @Test
    void refusing_consent_after_giving_it_stops_storing_text() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        engine.handle(InboundMessage.text(chat, "boleh disimpan"));
        engine.handle(InboundMessage.button(chat, "consent:no"));
        engine.handle(InboundMessage.text(chat, "jangan disimpan"));

        assertThat(store.transcript(chat)).contains(new Input.Text("boleh disimpan")).doesNotContain(new Input.Text("jangan disimpan"));
    }

    @Test
    void while_the_delete_question_is_open_typed_text_goes_to_it_and_not_to_the_classifier() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        engine.handle(InboundMessage.text(chat, "/hapus"));

        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "Siti Aminah 0812 3456 789"));

        assertThat(classified).isEmpty();
        assertThat(replies.get(0).text()).isEqualTo(texts.get("delete.hint"));
        assertThat(payloads(replies.get(1))).containsExactly("delete:yes", "delete:no");
        assertEquals("delete", store.state(chat).flow());
    }

    @Test
    void hapus_then_a_typed_yes_erases_the_transcript() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        engine.handle(InboundMessage.text(chat, "nama saya Bu Siti, 0812-3456-7890"));
        assertThat(store.transcript(chat).toString()).contains("Siti");
        engine.handle(InboundMessage.text(chat, "/hapus"));

        List<OutboundMessage> done = engine.handle(InboundMessage.text(chat, "ya"));

        assertThat(onlyText(done)).isEqualTo(texts.get("delete.done"));
        assertThat(store.transcript(chat)).hasSize(1).allMatch(OutboundMessage.class::isInstance);
        assertThat(storedTexts()).doesNotContain("Siti").doesNotContain("0812");
        assertThat(store.state(chat).inFlow()).isFalse();
    }

    @Test
    void hapus_then_decline_keeps_everything() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        engine.handle(InboundMessage.text(chat, "halo"));
        engine.handle(InboundMessage.text(chat, "/hapus"));
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "delete:no")))).isEqualTo(texts.get("delete.cancelled"));
        assertThat(store.transcript(chat)).contains(new Input.Text("halo"));
    }

    @Test
    void an_old_delete_confirmation_pressed_outside_the_question_erases_nothing() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        engine.handle(InboundMessage.text(chat, "halo"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, "delete:yes"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("stale.button"));
        assertThat(store.transcript(chat)).contains(new Input.Text("halo"));
    }

    @Test
    void a_chat_that_returns_after_the_resume_window_is_asked_whether_to_continue() {
        engine.handle(InboundMessage.text(chat, "/hapus"));
        clock.advance(Duration.ofHours(2));

        List<OutboundMessage> asked = engine.handle(InboundMessage.text(chat, "ya"));

        assertThat(onlyText(asked)).contains(texts.get("flow.delete.title"));
        assertThat(payloads(asked.get(0))).containsExactly("resume:continue", "resume:restart", "resume:cancel");
        assertEquals("resume", store.state(chat).flow());
        assertThat(store.transcript(chat)).isNotEmpty();

        List<OutboundMessage> again = engine.handle(InboundMessage.button(chat, "resume:continue"));
        assertThat(onlyText(again)).isEqualTo(texts.get("delete.ask"));
        assertEquals("delete", store.state(chat).flow());
        assertEquals(clock.instant(), store.state(chat).enteredAt());
    }

    @Test
    void the_resume_question_can_start_again_or_cancel() {
        engine.handle(InboundMessage.text(chat, "/privasi"));
        clock.advance(Duration.ofDays(2));
        engine.handle(InboundMessage.text(chat, "halo"));
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "resume:restart")))).isEqualTo(texts.get("consent.ask"));
        clock.advance(Duration.ofDays(2));
        engine.handle(InboundMessage.text(chat, "halo"));
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "tidak")))).isEqualTo(texts.get("cancelled"));
        assertThat(store.state(chat).inFlow()).isFalse();
    }

    @Test
    void within_the_resume_window_the_flow_simply_continues() {
        engine.handle(InboundMessage.text(chat, "/hapus"));
        clock.advance(Duration.ofMinutes(10));
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "delete:no")))).isEqualTo(texts.get("delete.cancelled"));
    }

    @Test
    void batal_leaves_any_flow_and_says_so_when_there_was_none() {
        engine.handle(InboundMessage.text(chat, "/hapus"));
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "/batal")))).isEqualTo(texts.get("cancelled"));
        assertThat(store.state(chat).inFlow()).isFalse();
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "/batal")))).isEqualTo(texts.get("cancel.nothing"));
    }

    @Test
    void help_lists_every_command_and_keeps_the_open_flow() {
        engine.handle(InboundMessage.text(chat, "/hapus"));
        String help = engine.handle(InboundMessage.text(chat, "/help")).get(0).text();
        assertThat(help).contains("/menu", "/konsultasi", "/status", "/batal", "/privasi", "/hapus");
        assertEquals("delete", store.state(chat).flow());
    }

    @Test
    void unknown_commands_are_answered_politely() {
        assertThat(onlyText(engine.handle(InboundMessage.text(chat, "/resep")))).isEqualTo(texts.get("command.unknown"));
        assertThat(classified).isEmpty();
    }

    @Test
    void unknown_forged_or_malformed_buttons_get_a_polite_answer_and_the_menu() {
        for (String forged : List.of("drop table chats; --", "faq", "nosuch:thing", "intent:show:out_of_scope",
                "intent:show:no.such.key", "consent:maybe", "menu:main:" + "x".repeat(70), "<script>:x", "")) {
            List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, forged));
            assertThat(onlyText(replies)).as(forged).isEqualTo(forged.equals("intent:show:no.such.key")
                    ? texts.get("answer.missing") : texts.get("stale.button"));
        }
    }

    @Test
    void a_topic_without_an_answer_gets_the_consultant_offer_never_a_blank() {
        List<OutboundMessage> replies = engine.handle(InboundMessage.button(chat, "intent:show:legal.kbli"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("answer.missing"));
        assertThat(payloads(replies.get(0))).contains(ConversationEngine.CONSULTANT);
        assertThat(store.unanswered(chat)).extracting(UnansweredQuestion::reason).containsExactly(UnansweredQuestion.NO_ENTRY);
        assertThat(onlyText(engine.handle(InboundMessage.button(chat, "intent:show:legal.nib.cost")))).isEqualTo("ANSWER legal.nib.cost");
    }

    @Test
    void free_text_is_recorded_cleaned_and_without_an_answer_falls_back_to_the_menu() {
        engine.handle(InboundMessage.button(chat, "consent:yes"));
        List<OutboundMessage> replies = engine.handle(InboundMessage.text(chat, "gmn cara bikin nib\u0000 kak"));
        assertThat(onlyText(replies)).isEqualTo(texts.get("fallback"));
        assertThat(payloads(replies.get(0))).contains("faq:topic:legal", ConversationEngine.CONSULTANT);
        assertThat(classified).containsExactly("gmn cara bikin nib kak");
        assertThat(store.transcript(chat)).contains(new Input.Text("gmn cara bikin nib kak"));
        assertThat(store.unanswered(chat)).extracting(UnansweredQuestion::text).containsExactly("gmn cara bikin nib kak");
    }

    @Test
    void chats_do_not_share_state() {
        ChatKey other = new ChatKey(Channel.WEB, "session-aaaaaaaaaaaa");
        engine.handle(InboundMessage.text(chat, "/hapus"));
        engine.handle(InboundMessage.text(other, "/start"));
        assertEquals("delete", store.state(chat).flow());
        assertEquals("consent", store.state(other).flow());
    }

    @Test
    void payloads_fit_telegrams_64_bytes_and_have_one_shape() {
        assertEquals("faq:vote:legal.nib.cost:2:up", Payload.of("faq", "vote", "legal.nib.cost", "2", "up"));
        assertThat(Payload.parse("faq:vote:legal.nib.cost:2:up")).get()
                .satisfies(p -> assertThat(p.args()).containsExactly("legal.nib.cost", "2", "up"));
        assertThatThrownBy(() -> Payload.of("faq", "show", "k".repeat(40), "x".repeat(30))).isInstanceOf(IllegalArgumentException.class);
        assertThat(Payload.parse("faq:show:ä")).isEmpty();
        assertThat(Payload.parse("faq::x")).isEmpty();
    }

    /** What the transcript holds as text: no timestamps, whose digits once happened to read "0812". */
    private String storedTexts() {
        return store.transcript(chat).stream()
                .map(entry -> entry instanceof OutboundMessage message ? message.text() + message.buttons() : entry.toString())
                .toList().toString();
    }

    private static String onlyText(List<OutboundMessage> replies) {
        assertEquals(1, replies.size(), () -> "replies: " + replies);
        return replies.get(0).text();
    }

    private static List<String> payloads(OutboundMessage message) {
        return message.buttons().stream().map(Button::payload).toList();
    }
}
