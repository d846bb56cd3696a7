package id.klinikumkm.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqPreview;
import id.klinikumkm.bot.http.Routes;
import java.util.List;

/** The staff pages' routes, the guard first, built from the features they show. */
public final class AdminPages {
    private AdminPages() {}

    public static List<Routes> routes(Accounts accounts, IntentClassifier classifier, FaqAdmin faq, FaqPreview preview,
                                      ObjectMapper json, int maxTextChars, boolean trustForwarded) {
        Pages pages = new Pages();
        StaffGuard guard = new StaffGuard(accounts, pages, trustForwarded);
        return List.of(guard,
                new LoginController(accounts, pages, guard, trustForwarded),
                new HomeController(pages),
                new FaqController(faq, preview, pages),
                new ClassifyController(classifier, json, maxTextChars, pages));
    }
}
