package id.klinikumkm.bot.conversation;

import java.util.Map;
import java.util.Optional;

/** Topic answers for engine tests: a fixed title per key, answered as "ANSWER key". */
final class FakeTopics implements TopicAnswers {
    private final Map<String, String> titles;

    FakeTopics(Map<String, String> titles) {
        this.titles = titles;
    }

    @Override
    public Optional<Outcome> answer(TurnContext turn, String key) {
        return Optional.ofNullable(titles.get(key)).map(title -> Outcome.idle(turn.withExits("ANSWER " + key, java.util.List.of())));
    }

    @Override
    public Optional<String> title(String key) {
        return Optional.ofNullable(titles.get(key));
    }
}
