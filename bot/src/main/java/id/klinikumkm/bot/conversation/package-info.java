/**
 * The channel-agnostic conversation engine: the router, the flow contract, the conversation state and the
 * ports the rest of the service plugs into.
 *
 * <p>{@link id.klinikumkm.bot.conversation.ConversationEngine} routes each input: global commands, then the
 * chat's active {@link id.klinikumkm.bot.conversation.Flow} (consent and delete confirmation live here; features
 * add theirs), then buttons to their {@link id.klinikumkm.bot.conversation.ButtonHandler} and typed text to the
 * {@link id.klinikumkm.bot.conversation.IntentClassifier} and the {@link id.klinikumkm.bot.conversation.TopicAnswers}.
 * Ports: {@link id.klinikumkm.bot.conversation.ConversationStore} (state and transcript, one transaction per
 * turn), the classifier and the topic answers. Button payloads follow
 * {@link id.klinikumkm.bot.conversation.Payload}; texts come from {@code texts.properties}.
 *
 * <p>Invariant: this package imports only the JDK and itself (checked by the architecture test).
 */
package id.klinikumkm.bot.conversation;
