package id.klinikumkm.bot.nlu;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One row of {@code nlu_models}: a retraining run and its cross-validated figures (null while unknown), without
 * the model bytes.
 *
 * @param status {@code running}, {@code serving}, {@code refused} or {@code failed}
 * @param reason Indonesian, for admins
 */
public record ModelRun(long version, String status, String reason, int exampleCount, Double accuracy,
                       Double inScopeAccuracy, Double oosRecall, String trainedBy, String seedHash,
                       OffsetDateTime startedAt, OffsetDateTime finishedAt) {

    /** The figures, when the run got as far as cross-validating. */
    public Optional<Figures> figures() {
        return accuracy == null || inScopeAccuracy == null || oosRecall == null
                ? Optional.empty()
                : Optional.of(new Figures(accuracy, inScopeAccuracy, oosRecall));
    }

    /** Cross-validated quality, scored on the decision (see {@link Evaluation}). */
    public record Figures(double accuracy, double inScopeAccuracy, double oosRecall) {
        static Figures of(Evaluation evaluation) {
            return new Figures(evaluation.accuracy(), evaluation.inScopeAccuracy(), evaluation.oosRecall());
        }
    }
}
