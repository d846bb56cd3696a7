package id.klinikumkm.bot.intake;

import id.klinikumkm.bot.conversation.Button;
import id.klinikumkm.bot.conversation.Channel;
import id.klinikumkm.bot.conversation.Payload;
import id.klinikumkm.bot.conversation.Reply;
import id.klinikumkm.bot.conversation.TurnContext;
import java.util.ArrayList;
import java.util.List;

/** The intake's questions as the user sees them: text and the buttons of each step. */
final class IntakeQuestions {
    static final String ID = IntakeFlow.ID;
    private static final int KECAMATAN_COUNT = Kecamatans.ALL.size();

    private IntakeQuestions() {}

    /** The question of {@code field}, numbered ("3/7"), with its buttons. */
    static Reply ask(TurnContext turn, IntakeForm form, Field field) {
        String text = "%d/%d · %s".formatted(field.number(), Field.values().length, turn.text("intake.ask." + field.id()));
        return switch (field) {
            case BUSINESS -> Reply.of(text, new Button(turn.text("intake.skip"), Payload.of(ID, "skip")));
            case KECAMATAN -> new Reply(text, kecamatanButtons(turn));
            case PHONE -> turn.chat().channel() == Channel.TELEGRAM
                    ? Reply.of(text + "\n\n" + turn.text("intake.ask.phone.contact"), Button.shareContact(turn.text("intake.contact.button")))
                    : Reply.of(text);
            case NEEDS -> new Reply(text, needsButtons(turn, form));
            default -> Reply.of(text);
        };
    }

    private static List<Button> kecamatanButtons(TurnContext turn) {
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < KECAMATAN_COUNT; i++) {
            buttons.add(new Button(Kecamatans.ALL.get(i), Payload.of(ID, "kec", String.valueOf(i + 1))));
        }
        buttons.add(new Button(turn.text("intake.kec.outside"), Payload.of(ID, "kec", "out")));
        return buttons;
    }

    private static List<Button> needsButtons(TurnContext turn, IntakeForm form) {
        List<String> chosen = Needs.parse(form.value(Field.NEEDS));
        List<Button> buttons = new ArrayList<>();
        for (String need : Needs.ALL) {
            String mark = chosen.contains(need) ? "✅ " : "⬜ ";
            buttons.add(new Button(mark + turn.text("intake.need." + need), Payload.of(ID, "need", need)));
        }
        buttons.add(new Button(turn.text("intake.needs.done"), Payload.of(ID, "needs", "done")));
        return buttons;
    }

    static Reply consent(TurnContext turn, String privacyUrl) {
        return Reply.of(turn.text("intake.consent.ask").replace("{0}", privacyUrl),
                new Button(turn.text("intake.consent.yes"), Payload.of(ID, "consent", "yes")),
                new Button(turn.text("intake.consent.no"), Payload.of(ID, "consent", "no")));
    }

    static Reply reuse(TurnContext turn, IntakeForm form) {
        String details = form.reusingPrevious().lines(turn.texts(), List.of(Field.NAME, Field.BUSINESS, Field.PRODUCT, Field.KECAMATAN, Field.PHONE));
        return Reply.of(turn.text("intake.reuse.ask").replace("{0}", details),
                new Button(turn.text("intake.reuse.yes"), Payload.of(ID, "reuse", "yes")),
                new Button(turn.text("intake.reuse.no"), Payload.of(ID, "reuse", "no")));
    }

    static Reply confirmKecamatan(TurnContext turn, String suggestion) {
        return Reply.of(turn.text("intake.kec.confirm").replace("{0}", suggestion),
                new Button(turn.text("intake.kec.confirm.yes"), Payload.of(ID, "confirm", "yes")),
                new Button(turn.text("intake.kec.confirm.no"), Payload.of(ID, "confirm", "no")));
    }

    static Reply summary(TurnContext turn, IntakeForm form) {
        String text = turn.text("intake.summary.title") + "\n\n" + form.lines(turn.texts(), List.of(Field.values()))
                + "\n\n" + turn.text("intake.summary.footer");
        List<Button> buttons = new ArrayList<>();
        for (Field field : Field.values()) {
            buttons.add(new Button(turn.text("intake.edit." + field.id()), Payload.of(ID, "edit", field.id())));
        }
        buttons.add(new Button(turn.text("intake.send"), Payload.of(ID, "send", form.get(IntakeForm.SUBMISSION).orElseThrow())));
        buttons.add(new Button(turn.text("intake.cancel"), Payload.of(ID, "cancel")));
        return new Reply(text, buttons);
    }

    /** After the third unclear answer: try again, skip an optional question, or go on later. */
    static Reply stuck(TurnContext turn, Field field) {
        List<Button> buttons = new ArrayList<>();
        if (field.optional()) {
            buttons.add(new Button(turn.text("intake.skip"), Payload.of(ID, "skip")));
        }
        buttons.add(new Button(turn.text("intake.later"), Payload.of(ID, "later")));
        return new Reply(turn.text(field.optional() ? "intake.stuck.optional" : "intake.stuck"), buttons);
    }

    static Reply paused(TurnContext turn) {
        return Reply.of(turn.text("intake.paused"),
                new Button(turn.text("intake.resume.button"), Payload.of(ID, "resume")), turn.menuButton());
    }
}
