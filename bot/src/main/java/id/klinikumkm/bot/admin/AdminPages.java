package id.klinikumkm.bot.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.klinikumkm.bot.accounts.Accounts;
import id.klinikumkm.bot.cases.AttachmentSource;
import id.klinikumkm.bot.cases.CaseWork;
import id.klinikumkm.bot.cases.ConsultantDesk;
import id.klinikumkm.bot.cases.WorkspaceDao;
import id.klinikumkm.bot.conversation.IntentClassifier;
import id.klinikumkm.bot.faq.FaqAdmin;
import id.klinikumkm.bot.faq.FaqPreview;
import id.klinikumkm.bot.inbox.UnansweredInbox;
import id.klinikumkm.bot.nlu.Retrainer;
import id.klinikumkm.bot.nlu.TrainingExamples;
import id.klinikumkm.bot.privacy.PersonalDataRequests;
import id.klinikumkm.bot.reports.Reports;
import id.klinikumkm.bot.http.Routes;
import java.time.Duration;
import java.util.List;

/** The staff pages' routes, the guard first, built from the features they show. */
public final class AdminPages {
    private AdminPages() {}

    /** The features the staff pages show. */
    public record Features(Accounts accounts, IntentClassifier classifier, FaqAdmin faq, FaqPreview preview,
                           UnansweredInbox inbox, TrainingExamples examples, Retrainer retrainer, CaseWork work,
                           WorkspaceDao cases, ConsultantDesk desk, AttachmentSource files, Duration unclaimedAfter,
                           Reports reports, PersonalDataRequests personalData) {}

    public static List<Routes> routes(Features features, ObjectMapper json, int maxTextChars, boolean trustForwarded) {
        Pages pages = new Pages();
        StaffGuard guard = new StaffGuard(features.accounts(), pages, trustForwarded);
        return List.of(guard,
                new LoginController(features.accounts(), pages, guard, trustForwarded),
                new HomeController(pages),
                new FaqController(features.faq(), features.preview(), features.examples(), pages),
                new LearningController(features.inbox(), features.examples(), features.retrainer(), features.faq(), pages),
                new ClassifyController(features.classifier(), json, maxTextChars, pages),
                new ReportsController(features.reports(), pages),
                new PersonalDataController(features.personalData(), pages),
                new AdminApiController(features.faq(), features.inbox(), features.examples(), features.retrainer(), json),
                new WorkspaceController(features.work(), features.cases(), features.desk(), features.files(), features.unclaimedAfter(),
                        json, pages));
    }
}
