/**
 * The admins' inbox of questions the bot could not answer well ({@code unanswered_questions}): similar
 * questions grouped together ({@link id.klinikumkm.bot.inbox.UnansweredInbox}), and the two ways staff deal with
 * a group, dismissing it or marking it as added as a training example of a topic. Adding the example itself is
 * the NLU's job; this package only records that it was done. Questions of chats without consent were stored
 * without text and are shown as one group, never with text. Nothing here knows a channel or a page.
 */
package id.klinikumkm.bot.inbox;
