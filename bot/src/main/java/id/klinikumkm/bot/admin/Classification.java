package id.klinikumkm.bot.admin;

import java.util.List;

/** How a message was understood, as the "Coba pertanyaan" page and API show it (public for the templates). */
public record Classification(String normalised, String decision, List<Score> top) {
    public record Score(String intent, double probability) {}
}
