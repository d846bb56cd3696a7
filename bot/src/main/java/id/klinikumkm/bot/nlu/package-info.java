/**
 * Understanding Indonesian questions: the only package that uses Apache OpenNLP.
 *
 * <p>{@link id.klinikumkm.bot.nlu.NluService} implements the conversation's
 * {@link id.klinikumkm.bot.conversation.IntentClassifier} port: {@link id.klinikumkm.bot.nlu.TextNormaliser}
 * turns chat text into canonical tokens, {@link id.klinikumkm.bot.nlu.IntentModel} (an OpenNLP doccat
 * MaxEnt model over word and character n-grams, mixed with the BM25 {@link id.klinikumkm.bot.nlu.NearestExamples}
 * and, for a message that turns to another topic, with its asked clause alone) scores the intents, and
 * {@link id.klinikumkm.bot.nlu.DecisionPolicy} decides between answering, asking back and falling back.
 * {@link id.klinikumkm.bot.nlu.NluModels} owns the files in {@code nlu.models.dir} (data, lexicon, model and
 * the hash tying the model to its data); {@link id.klinikumkm.bot.nlu.NluCommands} is the command line
 * (train, evaluate, cross-validate, tune, benchmark). See {@code nlp-models/README.md}.
 *
 * <p>Retraining while the bot runs: admins add {@link id.klinikumkm.bot.nlu.TrainingExamples} (table
 * {@code training_examples}); the {@link id.klinikumkm.bot.nlu.Retrainer} trains on the file data plus those
 * examples and puts the model into service only when its cross-validated accuracy is not more than
 * {@code nlu.retrain.max.accuracy.drop} below the serving model's, recording every run in {@code nlu_models}. The
 * conversation uses a {@link id.klinikumkm.bot.nlu.ReloadableClassifier}, whose model the retrainer and the
 * {@link id.klinikumkm.bot.nlu.ModelWatcher} (which follows models retrained on other instances) swap atomically.
 *
 * <p>Invariants: no OpenNLP type appears in a public signature outside this package's own classes; the
 * service, the normaliser, the model and the policy are immutable and thread-safe.
 */
package id.klinikumkm.bot.nlu;
