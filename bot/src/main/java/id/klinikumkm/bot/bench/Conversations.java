package id.klinikumkm.bot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What the simulated users say, as people in Probolinggo write to the clinic: a start and the consent button, then
 * greetings, FAQ questions with the usual abbreviations and typos, and thanks, over and over in an order of their
 * own. The same seed gives the same scripts, so the bare route and the service receive the same messages.
 */
final class Conversations {
    /** The consent button of ConsentFlow ("consent" flow, "yes" action). */
    static final String CONSENT_YES = "consent:yes";
    /** The prefix of the intake summary's send button (intake:send:TOKEN). */
    static final String INTAKE_SEND = "intake:send:";

    private static final List<String> GREETINGS = List.of(
            "halo min", "assalamualaikum", "selamat pagi kak", "permisi min mau tanya", "pagi min");
    private static final List<String> QUESTIONS = List.of(
            "brp biaya pirt?", "cara daftar nib gmn", "halal gratis ga", "label kemasan hrs ada apa aja",
            "syarat pirt apa aja min", "nib itu buat apa sih", "sertifikat halal brp lama jadinya",
            "bisa daftar halal online ga?", "kalo mau jual ke minimarket perlu izin apa", "pirt berlaku brp tahun");
    private static final List<String> THANKS = List.of("makasih min", "terima kasih banyak", "oke siap makasih");

    private Conversations() {}

    /** The steps before the loop: /start and the consent button. */
    static List<ChatStep> opening() {
        return List.of(ChatStep.say("/start"), ChatStep.press(CONSENT_YES));
    }

    /**
     * A consultation request through the intake form, as the tests' WebChatUser.openCase walks it: no business
     * name, a product, Kraksaan, a phone number, the needs, the question, and the send button of the summary.
     */
    static List<ChatStep> intake() {
        return List.of(ChatStep.press("consult:start"), ChatStep.say("Siti Aminah"), ChatStep.press("intake:skip"),
                ChatStep.say("sambal kemasan"), ChatStep.say("Kraksaan"), ChatStep.say("0812 3456 7890"),
                ChatStep.say("halal"), ChatStep.say("Mau daftar halal untuk sambal, mulai dari mana?"),
                ChatStep.pressOffered(INTAKE_SEND));
    }

    /** One user's repeating part: a greeting, three questions, thanks; drawn from the lists with its own seed. */
    static List<ChatStep> loop(long seed) {
        Random random = new Random(seed);
        List<ChatStep> steps = new ArrayList<>();
        steps.add(ChatStep.say(pick(GREETINGS, random)));
        for (int i = 0; i < 3; i++) {
            steps.add(ChatStep.say(pick(QUESTIONS, random)));
        }
        steps.add(ChatStep.say(pick(THANKS, random)));
        return steps;
    }

    private static String pick(List<String> choices, Random random) {
        return choices.get(random.nextInt(choices.size()));
    }
}
