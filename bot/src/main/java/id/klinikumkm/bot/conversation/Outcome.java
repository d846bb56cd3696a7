package id.klinikumkm.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What one input leads to: the replies, where the chat goes next, and what else the turn must do
 * ({@link Effect}s), all committed together with the transcript.
 */
public record Outcome(List<Reply> replies, ConversationState next, List<Effect> effects) {
    public Outcome {
        replies = List.copyOf(replies);
        Objects.requireNonNull(next, "next");
        effects = List.copyOf(effects);
    }

    /** Replies, leaving any flow (the chat is idle afterwards). */
    public static Outcome idle(Reply... replies) {
        return new Outcome(List.of(replies), ConversationState.idle(), List.of());
    }

    /** Replies, with the chat in {@code next}. */
    public static Outcome then(ConversationState next, Reply... replies) {
        return new Outcome(List.of(replies), next, List.of());
    }

    /** This outcome with one more effect. */
    public Outcome with(Effect effect) {
        List<Effect> more = new ArrayList<>(effects);
        more.add(effect);
        return new Outcome(replies, next, more);
    }

    /** This outcome with {@code first} shown before its replies. */
    public Outcome withFirst(Reply first) {
        List<Reply> all = new ArrayList<>(List.of(first));
        all.addAll(replies);
        return new Outcome(all, next, effects);
    }

    /** This outcome's replies first, then {@code later}'s, ending where {@code later} ends. */
    public Outcome followedBy(Outcome later) {
        List<Reply> all = new ArrayList<>(replies);
        all.addAll(later.replies);
        List<Effect> allEffects = new ArrayList<>(effects);
        allEffects.addAll(later.effects);
        return new Outcome(all, later.next, allEffects);
    }
}
