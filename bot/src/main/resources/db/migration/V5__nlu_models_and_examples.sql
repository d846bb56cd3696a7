-- Guarded retraining of the intent classifier (nlp-models/README.md): admins add training examples, and each
-- retraining run is kept with its cross-validated figures, whether its model was put in service or not.

-- Examples admins added on top of nlp-models/intents-id.train; often an unanswered question relabelled.
-- Erasing the question's chat keeps the example (it is now training data) but unties it from the question.
CREATE TABLE training_examples (
    id             bigserial   PRIMARY KEY,
    intent_key     text        NOT NULL
                   CHECK (intent_key ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,3}$' AND length(intent_key) <= 40),
    text           text        NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    added_by       text        NOT NULL,
    unanswered_id  bigint      REFERENCES unanswered_questions (id) ON DELETE SET NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX training_examples_intent_idx ON training_examples (intent_key, id);

-- Every retraining run. The newest 'serving' row with a model is what every instance serves; a row of the
-- seed (trained_by 'seed', no model) only records the cross-validated figures of the model built from the files.
-- reason is Indonesian and shown to admins.
CREATE TABLE nlu_models (
    version            bigserial   PRIMARY KEY,
    model              bytea,                                 -- NULL unless a model went into service
    data_hash          text        NOT NULL,                  -- SHA-256 of the examples the model was trained on
    seed_hash          text        NOT NULL,                  -- hash of the training files (NluModels.Data.hash)
    example_count      integer     NOT NULL,
    accuracy           double precision,                      -- cross-validated, scored on the decision
    in_scope_accuracy  double precision,
    oos_recall         double precision,
    status             text        NOT NULL CHECK (status IN ('running', 'serving', 'refused', 'failed')),
    reason             text        NOT NULL DEFAULT '',
    trained_by         text        NOT NULL,
    started_at         timestamptz NOT NULL DEFAULT now(),
    finished_at        timestamptz
);
CREATE INDEX nlu_models_serving_idx ON nlu_models (version DESC) WHERE status = 'serving' AND model IS NOT NULL;
