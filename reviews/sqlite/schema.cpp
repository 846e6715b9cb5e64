// schema.cpp - the project schema as a list of migrations.
#include "schema.h"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace medloc::reviews {

namespace {

constexpr std::pair<State, std::int64_t> kStateCodes[] = {
    {State::new_, 0}, {State::needs_translation, 1}, {State::translated, 2}, {State::revised, 3}, {State::approved, 4}};

}  // namespace

std::int64_t state_code(State state) {
    for (const auto& [known, code] : kStateCodes)
        if (known == state) return code;
    throw std::logic_error("a state without a stored code");
}

std::optional<State> state_of_code(std::int64_t code) {
    for (const auto& [state, known] : kStateCodes)
        if (known == code) return state;
    return std::nullopt;
}

std::string state_name_sql(const std::string& column) {
    std::string sql = "CASE " + column;
    for (const auto& [state, code] : kStateCodes)
        sql += " WHEN " + std::to_string(code) + " THEN '" + to_string(state) + "'";
    return sql + " ELSE CASE WHEN " + column + " IS NULL THEN '' ELSE 'state ' || " + column + " END END";
}

namespace {

// The code of the state named in `column`, for migration 15: NULL for "",
// and -1 for a name no medloc writes (only a forged entry has one), which
// reads back as no state, so that entry still fails its hash.
std::string state_code_sql(const std::string& column) {
    std::string sql = "CASE " + column + " WHEN '' THEN NULL";
    for (const auto& [state, code] : kStateCodes)
        sql += " WHEN '" + std::string(to_string(state)) + "' THEN " + std::to_string(code);
    return sql + " ELSE -1 END";
}

// The log's columns from `role` on, the same in every schema.
constexpr const char* kEventColumns = R"sql(
        role          TEXT NOT NULL,
        meaning       TEXT NOT NULL,
        state         TEXT NOT NULL,
        source        TEXT NOT NULL,
        target        TEXT,
        comment       TEXT NOT NULL,
        origin        TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash          TEXT NOT NULL UNIQUE
    ) STRICT;
)sql";

// What makes the log fast to read and append-only; every schema that
// rebuilds the table makes them again.
constexpr const char* kEventGuards = R"sql(
    CREATE INDEX event_by_segment ON event(segment_id, locale);
    CREATE INDEX event_by_document ON event(document_id, locale);
    CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
)sql";

// What keeps the translation memory append-only; made again with the table.
constexpr const char* kMemoryGuards = R"sql(
    CREATE TRIGGER memory_is_append_only_update BEFORE UPDATE ON memory_unit
        BEGIN SELECT RAISE(ABORT, 'the translation memory is append-only'); END;
    CREATE TRIGGER memory_is_append_only_delete BEFORE DELETE ON memory_unit
        BEGIN SELECT RAISE(ABORT, 'the translation memory is append-only'); END;
)sql";

// Each entry moves the schema one version on; user_version counts them.
const std::vector<std::string>& migrations() {
    static const std::vector<std::string> all = {
        // 1: documents, versions, segments, translations.
        R"sql(
    CREATE TABLE setting (
        name  TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE target_locale (
        tag TEXT PRIMARY KEY
    ) STRICT;
    CREATE TABLE document (
        id              TEXT PRIMARY KEY,
        format          TEXT NOT NULL,
        current_version INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE document_version (
        document_id   TEXT NOT NULL REFERENCES document(id),
        version       INTEGER NOT NULL,
        source_sha256 TEXT NOT NULL,
        source_bytes  INTEGER NOT NULL,
        skeleton      TEXT NOT NULL,
        extracted_at  TEXT NOT NULL,
        PRIMARY KEY (document_id, version)
    ) STRICT;
    CREATE TABLE segment (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document(id),
        source      TEXT NOT NULL,
        plain       TEXT NOT NULL,
        words       INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        context     TEXT NOT NULL,
        added_in    INTEGER NOT NULL,
        retired_in  INTEGER,
        replaces    TEXT REFERENCES segment(id)
    ) STRICT;
    CREATE INDEX segment_by_document ON segment(document_id, retired_in);
    CREATE TABLE version_segment (
        document_id TEXT NOT NULL,
        version     INTEGER NOT NULL,
        position    INTEGER NOT NULL,
        segment_id  TEXT NOT NULL REFERENCES segment(id),
        PRIMARY KEY (document_id, version, position),
        FOREIGN KEY (document_id, version) REFERENCES document_version(document_id, version)
    ) STRICT;
    CREATE TABLE translation (
        segment_id TEXT NOT NULL REFERENCES segment(id),
        locale     TEXT NOT NULL REFERENCES target_locale(tag),
        state      TEXT NOT NULL CHECK (state IN ('new', 'needs-translation', 'translated', 'revised', 'approved')),
        target     TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (segment_id, locale)
    ) STRICT;
    )sql",
        // 2: who made each translation, the stale translation kept for
        // reference, and the append-only, hash-chained event log.
        std::string(R"sql(
    ALTER TABLE translation ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
    ALTER TABLE translation ADD COLUMN previous_source TEXT;
    ALTER TABLE translation ADD COLUMN previous_target TEXT;
    CREATE TABLE event (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        document_id   TEXT NOT NULL REFERENCES document(id),
        segment_id    TEXT REFERENCES segment(id),
        locale        TEXT NOT NULL REFERENCES target_locale(tag),
        actor         TEXT NOT NULL,
)sql") + kEventColumns +
            kEventGuards + R"sql(    )sql",
        // 3: registered people and their keys, the signatures over the log,
        // failed sign-ins; the log takes changes of the people registry (no
        // document, no locale) and names the person behind each new entry.
        // The log is rebuilt to drop the NOT NULLs; its rows, ids and
        // hashes stay.
        std::string(R"sql(
    CREATE TABLE person (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        roles           TEXT NOT NULL,
        passphrase_hash TEXT NOT NULL,
        public_key      TEXT NOT NULL,
        sealed_key      TEXT NOT NULL,
        registered_at   TEXT NOT NULL,
        disabled_at     TEXT
    ) STRICT;
    CREATE TABLE failed_attempt (
        id      INTEGER PRIMARY KEY,
        at      TEXT NOT NULL,
        person  TEXT NOT NULL,
        command TEXT NOT NULL,
        reason  TEXT NOT NULL
    ) STRICT;
    CREATE TABLE event_v3 (
        id            INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        document_id   TEXT REFERENCES document(id),
        segment_id    TEXT REFERENCES segment(id),
        locale        TEXT REFERENCES target_locale(tag),
        actor         TEXT NOT NULL,
        actor_id      TEXT,
        for_id        TEXT,
)sql") + kEventColumns +
            R"sql(    INSERT INTO event_v3 (id, at, document_id, segment_id, locale, actor, role, meaning, state, source, target,
                          comment, origin, previous_hash, hash)
        SELECT id, at, document_id, segment_id, locale, actor, role, meaning, state, source, target,
               comment, origin, previous_hash, hash FROM event ORDER BY id;
    DROP TABLE event;
    ALTER TABLE event_v3 RENAME TO event;
)sql" + kEventGuards +
            R"sql(    CREATE TABLE signature (
        id         INTEGER PRIMARY KEY,
        last_event INTEGER NOT NULL UNIQUE REFERENCES event(id),
        signer     TEXT NOT NULL,
        signature  TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER signature_is_append_only_update BEFORE UPDATE ON signature
        BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
    CREATE TRIGGER signature_is_append_only_delete BEFORE DELETE ON signature
        BEGIN SELECT RAISE(ABORT, 'signatures are append-only'); END;
    CREATE TRIGGER failed_attempt_is_append_only BEFORE DELETE ON failed_attempt
        BEGIN SELECT RAISE(ABORT, 'failed attempts are kept'); END;
    )sql",
        // 4: where a document was extracted from, and documents retired from
        // publication (their history stays).
        R"sql(
    ALTER TABLE document ADD COLUMN folder TEXT;
    ALTER TABLE document ADD COLUMN retired_at TEXT;
    )sql",
        // 5: waivers of QA errors name the finding they waive.
        R"sql(
    ALTER TABLE event ADD COLUMN finding TEXT;
    )sql",
        // 6: the glossaries imported (TBX files), each with the log entry
        // that imported it; the newest is in force.
        R"sql(
    CREATE TABLE glossary (
        id      INTEGER PRIMARY KEY,
        event   INTEGER NOT NULL UNIQUE REFERENCES event(id),
        sha256  TEXT NOT NULL,
        content TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER glossary_is_append_only_update BEFORE UPDATE ON glossary
        BEGIN SELECT RAISE(ABORT, 'glossaries are kept as imported'); END;
    CREATE TRIGGER glossary_is_append_only_delete BEFORE DELETE ON glossary
        BEGIN SELECT RAISE(ABORT, 'glossaries are kept as imported'); END;
    )sql",
        // 7: the translation memory: approved translations and imported TMX
        // units, each with the log entry that brought it, found by exact
        // source text (an index of a 60-bit digest of it: short keys) or by
        // shared words (FTS5, with how many units hold each word); each
        // unit once (a digest of its languages, texts and context).
        std::string(R"sql(
    CREATE TABLE memory_unit (
        id              INTEGER PRIMARY KEY,
        event           INTEGER NOT NULL REFERENCES event(id),
        source_language TEXT NOT NULL,
        target_language TEXT NOT NULL,
        source          TEXT NOT NULL,
        plain           TEXT NOT NULL,
        plain_key       INTEGER NOT NULL,
        target          TEXT NOT NULL,
        translator      TEXT NOT NULL,
        translator_id   TEXT NOT NULL,
        approver        TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        changed_at      TEXT NOT NULL,
        document_id     TEXT NOT NULL,
        context         TEXT NOT NULL,
        origin          TEXT NOT NULL,
        tuid            TEXT NOT NULL,
        unit_key        INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX memory_by_text ON memory_unit(target_language, plain_key);
    CREATE UNIQUE INDEX memory_holds_once ON memory_unit(unit_key);
    CREATE VIRTUAL TABLE memory_words USING fts5(
        plain, content='memory_unit', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail='none');
    CREATE VIRTUAL TABLE memory_vocabulary USING fts5vocab(memory_words, 'row');
    CREATE TRIGGER memory_unit_indexed AFTER INSERT ON memory_unit
        BEGIN INSERT INTO memory_words(rowid, plain) VALUES (new.id, new.plain); END;
)sql") + kMemoryGuards +
            R"sql(    )sql",
        // 8: the segmentation rules set (SRX files; "" for medloc's own),
        // each with its log entry, the newest in force; each document
        // version names the rules its sentences were cut by.
        R"sql(
    CREATE TABLE segmentation_rules (
        id      INTEGER PRIMARY KEY,
        event   INTEGER NOT NULL UNIQUE REFERENCES event(id),
        sha256  TEXT NOT NULL,
        content TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER segmentation_rules_are_append_only_update BEFORE UPDATE ON segmentation_rules
        BEGIN SELECT RAISE(ABORT, 'segmentation rules are kept as set'); END;
    CREATE TRIGGER segmentation_rules_are_append_only_delete BEFORE DELETE ON segmentation_rules
        BEGIN SELECT RAISE(ABORT, 'segmentation rules are kept as set'); END;
    ALTER TABLE document_version ADD COLUMN segmentation_sha256 TEXT NOT NULL DEFAULT '';
    )sql",
        // 9: memory units are indexed for search by the store as their
        // transaction commits, all in one statement, not by a trigger a row
        // at a time.
        R"sql(
    DROP TRIGGER memory_unit_indexed;
    )sql",
        // 10: the log stores each distinct text once (text) and what every
        // entry of one act shares once (stamp): an entry is a row of
        // numbers that refer to them, its state and its hash as 32 bytes,
        // found by its first 6. The previous entry's hash is the one of the
        // row before. The view `log` shows the entries as they were written
        // and hashed (log_row.h); the hashes do not change. Memory units
        // refer to the same texts for their source and target (the plain
        // text stays, for the full-text index, whose row ids are kept).
        std::string(R"sql(
    CREATE TABLE text (
        id      INTEGER PRIMARY KEY,
        key     INTEGER NOT NULL,
        content TEXT NOT NULL
    ) STRICT;
    INSERT INTO text (key, content) SELECT medloc_text_key(content), content FROM (
        SELECT document_id AS content FROM event WHERE document_id IS NOT NULL
        UNION SELECT segment_id FROM event WHERE segment_id IS NOT NULL
        UNION SELECT locale FROM event WHERE locale IS NOT NULL
        UNION SELECT source FROM event
        UNION SELECT target FROM event WHERE target IS NOT NULL
        UNION SELECT source FROM memory_unit
        UNION SELECT target FROM memory_unit);
    CREATE INDEX text_by_key ON text(key);
    CREATE TABLE stamp (
        id       INTEGER PRIMARY KEY,
        at       TEXT NOT NULL,
        actor    TEXT NOT NULL,
        actor_id TEXT,
        for_id   TEXT,
        role     TEXT NOT NULL,
        meaning  TEXT NOT NULL,
        comment  TEXT NOT NULL,
        origin   TEXT NOT NULL
    ) STRICT;
    INSERT INTO stamp (at, actor, actor_id, for_id, role, meaning, comment, origin)
        SELECT at, actor, actor_id, for_id, role, meaning, comment, origin FROM event
        GROUP BY at, actor, actor_id, for_id, role, meaning, comment, origin ORDER BY MIN(id);
    CREATE INDEX stamp_by_time ON stamp(at);
    CREATE TABLE event_v10 (
        id       INTEGER PRIMARY KEY,
        stamp    INTEGER NOT NULL REFERENCES stamp(id),
        document INTEGER REFERENCES text(id),
        segment  INTEGER REFERENCES text(id),
        locale   INTEGER REFERENCES text(id),
        state    TEXT NOT NULL,
        source   INTEGER NOT NULL REFERENCES text(id),
        target   INTEGER REFERENCES text(id),
        finding  TEXT,
        hash     BLOB NOT NULL
    ) STRICT;
    INSERT INTO event_v10 (id, stamp, document, segment, locale, state, source, target, finding, hash)
        SELECT e.id,
               (SELECT s.id FROM stamp s WHERE s.at = e.at AND s.actor = e.actor AND s.actor_id IS e.actor_id
                    AND s.for_id IS e.for_id AND s.role = e.role AND s.meaning = e.meaning
                    AND s.comment = e.comment AND s.origin = e.origin),
               (SELECT id FROM text WHERE key = medloc_text_key(e.document_id) AND content = e.document_id),
               (SELECT id FROM text WHERE key = medloc_text_key(e.segment_id) AND content = e.segment_id),
               (SELECT id FROM text WHERE key = medloc_text_key(e.locale) AND content = e.locale),
               e.state,
               (SELECT id FROM text WHERE key = medloc_text_key(e.source) AND content = e.source),
               (SELECT id FROM text WHERE key = medloc_text_key(e.target) AND content = e.target),
               e.finding, medloc_unhex(e.hash)
        FROM event e ORDER BY e.id;
    DROP INDEX stamp_by_time;
    DROP TABLE event;
    ALTER TABLE event_v10 RENAME TO event;
    CREATE TABLE memory_unit_v10 (
        id              INTEGER PRIMARY KEY,
        event           INTEGER NOT NULL REFERENCES event(id),
        source_language TEXT NOT NULL,
        target_language TEXT NOT NULL,
        source          INTEGER NOT NULL REFERENCES text(id),
        plain           TEXT NOT NULL,
        plain_key       INTEGER NOT NULL,
        target          INTEGER NOT NULL REFERENCES text(id),
        translator      TEXT NOT NULL,
        translator_id   TEXT NOT NULL,
        approver        TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        changed_at      TEXT NOT NULL,
        document_id     TEXT NOT NULL,
        context         TEXT NOT NULL,
        origin          TEXT NOT NULL,
        tuid            TEXT NOT NULL,
        unit_key        INTEGER NOT NULL
    ) STRICT;
    INSERT INTO memory_unit_v10
        SELECT m.id, m.event, m.source_language, m.target_language,
               (SELECT id FROM text WHERE key = medloc_text_key(m.source) AND content = m.source), m.plain, m.plain_key,
               (SELECT id FROM text WHERE key = medloc_text_key(m.target) AND content = m.target), m.translator,
               m.translator_id, m.approver, m.created_at, m.changed_at, m.document_id, m.context, m.origin, m.tuid,
               m.unit_key
        FROM memory_unit m ORDER BY m.id;
    DROP TABLE memory_unit;
    ALTER TABLE memory_unit_v10 RENAME TO memory_unit;
    CREATE INDEX memory_by_text ON memory_unit(target_language, plain_key);
    CREATE UNIQUE INDEX memory_holds_once ON memory_unit(unit_key);
)sql") + kMemoryGuards +
            R"sql(    CREATE INDEX event_by_segment ON event(segment, locale);
    CREATE INDEX event_by_document ON event(document, locale);
    CREATE INDEX event_by_hash ON event(substr(hash, 1, 6));
    CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER text_is_append_only_update BEFORE UPDATE ON text
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER text_is_append_only_delete BEFORE DELETE ON text
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER stamp_is_append_only_update BEFORE UPDATE ON stamp
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER stamp_is_append_only_delete BEFORE DELETE ON stamp
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE VIEW log AS SELECT
        e.id, s.at, d.content AS document_id, g.content AS segment_id, l.content AS locale, s.actor, s.role,
        s.meaning, e.state, src.content AS source, tgt.content AS target, s.comment, s.origin,
        lower(hex(e.hash)) AS hash, s.actor_id, s.for_id, e.finding,
        e.document AS document_ref, e.segment AS segment_ref, e.locale AS locale_ref
        FROM event e JOIN stamp s ON s.id = e.stamp JOIN text src ON src.id = e.source
        LEFT JOIN text d ON d.id = e.document LEFT JOIN text g ON g.id = e.segment
        LEFT JOIN text l ON l.id = e.locale LEFT JOIN text tgt ON tgt.id = e.target;
    )sql",
        // 11: a translation's state is checked by comparisons: SQLite built
        // a temporary table of the five states for `state IN (...)` on
        // every write of a translation, twice for an upsert, and that was a
        // tenth of approving. A document version's segments are kept in the
        // order of their key (WITHOUT ROWID): the table and its key's index
        // held the same columns twice.
        R"sql(
    CREATE TABLE translation_v11 (
        segment_id      TEXT NOT NULL REFERENCES segment(id),
        locale          TEXT NOT NULL REFERENCES target_locale(tag),
        state           TEXT NOT NULL CHECK (state = 'new' OR state = 'needs-translation' OR state = 'translated'
                                             OR state = 'revised' OR state = 'approved'),
        target          TEXT,
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL DEFAULT '',
        previous_source TEXT,
        previous_target TEXT,
        PRIMARY KEY (segment_id, locale)
    ) STRICT;
    INSERT INTO translation_v11 (segment_id, locale, state, target, updated_at, updated_by, previous_source,
                                 previous_target)
        SELECT segment_id, locale, state, target, updated_at, updated_by, previous_source, previous_target
        FROM translation ORDER BY rowid;
    DROP TABLE translation;
    ALTER TABLE translation_v11 RENAME TO translation;
    CREATE TABLE version_segment_v11 (
        document_id TEXT NOT NULL,
        version     INTEGER NOT NULL,
        position    INTEGER NOT NULL,
        segment_id  TEXT NOT NULL REFERENCES segment(id),
        PRIMARY KEY (document_id, version, position),
        FOREIGN KEY (document_id, version) REFERENCES document_version(document_id, version)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO version_segment_v11 SELECT document_id, version, position, segment_id FROM version_segment;
    DROP TABLE version_segment;
    ALTER TABLE version_segment_v11 RENAME TO version_segment;
    )sql",
        // 12: segments, translations and memory units refer to the texts
        // the log keeps once (source, plain text, context; target and the
        // stale pair; a unit's plain text): each text was stored again in
        // every row, a quarter of the project file. Rows keep their order
        // and ids; the memory's word index reads the units' plain texts
        // through a view and is built again. An exact match is found by
        // the plain text's id, no longer by a digest of its own.
        std::string(R"sql(
    INSERT INTO text (key, content) SELECT medloc_text_key(n.content), n.content FROM (
        SELECT plain AS content FROM memory_unit
        UNION SELECT source FROM segment
        UNION SELECT plain FROM segment
        UNION SELECT context FROM segment
        UNION SELECT target FROM translation WHERE target IS NOT NULL
        UNION SELECT previous_source FROM translation WHERE previous_source IS NOT NULL
        UNION SELECT previous_target FROM translation WHERE previous_target IS NOT NULL) n
        WHERE NOT EXISTS (SELECT 1 FROM text t WHERE t.key = medloc_text_key(n.content) AND t.content = n.content);
    CREATE TABLE segment_v12 (
        id          TEXT PRIMARY KEY,
        document_id TEXT NOT NULL REFERENCES document(id),
        source      INTEGER NOT NULL REFERENCES text(id),
        plain       INTEGER NOT NULL REFERENCES text(id),
        words       INTEGER NOT NULL,
        kind        TEXT NOT NULL,
        context     INTEGER NOT NULL REFERENCES text(id),
        added_in    INTEGER NOT NULL,
        retired_in  INTEGER,
        replaces    TEXT REFERENCES segment(id)
    ) STRICT;
    INSERT INTO segment_v12 (id, document_id, source, plain, words, kind, context, added_in, retired_in, replaces)
        SELECT s.id, s.document_id,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(s.source) AND content = s.source),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(s.plain) AND content = s.plain),
               s.words, s.kind,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(s.context) AND content = s.context),
               s.added_in, s.retired_in, s.replaces
        FROM segment s ORDER BY s.rowid;
    DROP TABLE segment;
    ALTER TABLE segment_v12 RENAME TO segment;
    CREATE INDEX segment_by_document ON segment(document_id, retired_in);
    CREATE TABLE translation_v12 (
        segment_id      TEXT NOT NULL REFERENCES segment(id),
        locale          TEXT NOT NULL REFERENCES target_locale(tag),
        state           TEXT NOT NULL CHECK (state = 'new' OR state = 'needs-translation' OR state = 'translated'
                                             OR state = 'revised' OR state = 'approved'),
        target          INTEGER REFERENCES text(id),
        updated_at      TEXT NOT NULL,
        updated_by      TEXT NOT NULL DEFAULT '',
        previous_source INTEGER REFERENCES text(id),
        previous_target INTEGER REFERENCES text(id),
        PRIMARY KEY (segment_id, locale)
    ) STRICT;
    INSERT INTO translation_v12 (segment_id, locale, state, target, updated_at, updated_by, previous_source,
                                 previous_target)
        SELECT t.segment_id, t.locale, t.state,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(t.target) AND content = t.target),
               t.updated_at, t.updated_by,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(t.previous_source) AND content = t.previous_source),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(t.previous_target) AND content = t.previous_target)
        FROM translation t ORDER BY t.rowid;
    DROP TABLE translation;
    ALTER TABLE translation_v12 RENAME TO translation;
    CREATE TABLE memory_unit_v12 (
        id              INTEGER PRIMARY KEY,
        event           INTEGER NOT NULL REFERENCES event(id),
        source_language TEXT NOT NULL,
        target_language TEXT NOT NULL,
        source          INTEGER NOT NULL REFERENCES text(id),
        plain           INTEGER NOT NULL REFERENCES text(id),
        target          INTEGER NOT NULL REFERENCES text(id),
        translator      TEXT NOT NULL,
        translator_id   TEXT NOT NULL,
        approver        TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        changed_at      TEXT NOT NULL,
        document_id     TEXT NOT NULL,
        context         TEXT NOT NULL,
        origin          TEXT NOT NULL,
        tuid            TEXT NOT NULL,
        unit_key        INTEGER NOT NULL
    ) STRICT;
    INSERT INTO memory_unit_v12
        SELECT m.id, m.event, m.source_language, m.target_language, m.source,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.plain) AND content = m.plain), m.target,
               m.translator, m.translator_id, m.approver, m.created_at, m.changed_at, m.document_id, m.context,
               m.origin, m.tuid, m.unit_key
        FROM memory_unit m ORDER BY m.id;
    DROP TABLE memory_vocabulary;
    DROP TABLE memory_words;
    DROP TABLE memory_unit;
    ALTER TABLE memory_unit_v12 RENAME TO memory_unit;
    CREATE INDEX memory_by_text ON memory_unit(target_language, plain);
    CREATE UNIQUE INDEX memory_holds_once ON memory_unit(unit_key);
)sql") + kMemoryGuards +
            R"sql(    CREATE VIEW memory_plain AS SELECT m.id AS id, t.content AS plain FROM memory_unit m JOIN text t ON t.id = m.plain;
    CREATE VIRTUAL TABLE memory_words USING fts5(
        plain, content='memory_plain', content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail='none');
    CREATE VIRTUAL TABLE memory_vocabulary USING fts5vocab(memory_words, 'row');
    INSERT INTO memory_words (rowid, plain) SELECT id, plain FROM memory_plain;
    )sql",
        // 13: no index of every entry's hash. It was a twentieth of the
        // project file and a write on every event, for the few entries a
        // bundle's manifest cites, which one walk of the log finds.
        R"sql(
    DROP INDEX event_by_hash;
    )sql",
        // 14: a memory unit's languages, people, dates, document, origin
        // and tuid refer to the texts the log keeps once, as its texts do
        // since 12: they were the same few strings again in every unit, a
        // sixth of the project file. Units keep their ids and plain texts,
        // so the word index stays as it is. Only the unit's own texts are
        // foreign keys: checking ten more on every approval cost a third
        // of writing the unit, and the store takes each of them from
        // text_id, which only gives ids of texts it holds.
        std::string(R"sql(
    DROP VIEW memory_plain;
    INSERT INTO text (key, content) SELECT medloc_text_key(n.content), n.content FROM (
        SELECT source_language AS content FROM memory_unit
        UNION SELECT target_language FROM memory_unit
        UNION SELECT translator FROM memory_unit
        UNION SELECT translator_id FROM memory_unit
        UNION SELECT approver FROM memory_unit
        UNION SELECT created_at FROM memory_unit
        UNION SELECT changed_at FROM memory_unit
        UNION SELECT document_id FROM memory_unit
        UNION SELECT origin FROM memory_unit
        UNION SELECT tuid FROM memory_unit) n
        WHERE NOT EXISTS (SELECT 1 FROM text t WHERE t.key = medloc_text_key(n.content) AND t.content = n.content);
    CREATE TABLE memory_unit_v14 (
        id              INTEGER PRIMARY KEY,
        event           INTEGER NOT NULL REFERENCES event(id),
        source_language INTEGER NOT NULL,
        target_language INTEGER NOT NULL,
        source          INTEGER NOT NULL REFERENCES text(id),
        plain           INTEGER NOT NULL REFERENCES text(id),
        target          INTEGER NOT NULL REFERENCES text(id),
        translator      INTEGER NOT NULL,
        translator_id   INTEGER NOT NULL,
        approver        INTEGER NOT NULL,
        created_at      INTEGER NOT NULL,
        changed_at      INTEGER NOT NULL,
        document_id     INTEGER NOT NULL,
        context         TEXT NOT NULL,
        origin          INTEGER NOT NULL,
        tuid            INTEGER NOT NULL,
        unit_key        INTEGER NOT NULL
    ) STRICT;
    INSERT INTO memory_unit_v14
        SELECT m.id, m.event,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.source_language)
                   AND content = m.source_language),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.target_language)
                   AND content = m.target_language), m.source, m.plain, m.target,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.translator) AND content = m.translator),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.translator_id) AND content = m.translator_id),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.approver) AND content = m.approver),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.created_at) AND content = m.created_at),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.changed_at) AND content = m.changed_at),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.document_id)
                   AND content = m.document_id), m.context,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.origin) AND content = m.origin),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(m.tuid) AND content = m.tuid), m.unit_key
        FROM memory_unit m ORDER BY m.id;
    DROP TABLE memory_unit;
    ALTER TABLE memory_unit_v14 RENAME TO memory_unit;
    CREATE INDEX memory_by_text ON memory_unit(target_language, plain);
    CREATE UNIQUE INDEX memory_holds_once ON memory_unit(unit_key);
)sql") + kMemoryGuards +
            R"sql(    CREATE VIEW memory_plain AS
        SELECT m.id AS id, t.content AS plain FROM memory_unit m JOIN text t ON t.id = m.plain;
    )sql",
        // 15: the same few strings no longer fill every row. An entry's
        // and a translation's state is a number (state_code); who changed
        // a translation, and when, refer to the texts the log keeps once,
        // as a memory unit's do since 14; a unit's context of two digests
        // is their 16 bytes. Together a tenth of the project file. Rows
        // keep their order and ids; the log view names the state again.
        std::string(R"sql(
    DROP VIEW log;
    CREATE TABLE event_v15 (
        id       INTEGER PRIMARY KEY,
        stamp    INTEGER NOT NULL REFERENCES stamp(id),
        document INTEGER REFERENCES text(id),
        segment  INTEGER REFERENCES text(id),
        locale   INTEGER REFERENCES text(id),
        state    INTEGER,
        source   INTEGER NOT NULL REFERENCES text(id),
        target   INTEGER REFERENCES text(id),
        finding  TEXT,
        hash     BLOB NOT NULL
    ) STRICT;
    INSERT INTO event_v15 (id, stamp, document, segment, locale, state, source, target, finding, hash)
        SELECT id, stamp, document, segment, locale, )sql") +
            state_code_sql("state") + R"sql(, source, target, finding, hash
        FROM event ORDER BY id;
    DROP TABLE event;
    ALTER TABLE event_v15 RENAME TO event;
    CREATE INDEX event_by_segment ON event(segment, locale);
    CREATE INDEX event_by_document ON event(document, locale);
    CREATE TRIGGER event_is_append_only_update BEFORE UPDATE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE TRIGGER event_is_append_only_delete BEFORE DELETE ON event
        BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;
    CREATE VIEW log AS SELECT
        e.id, s.at, d.content AS document_id, g.content AS segment_id, l.content AS locale, s.actor, s.role,
        s.meaning, )sql" +
            state_name_sql("e.state") +
            R"sql( AS state, src.content AS source, tgt.content AS target, s.comment, s.origin,
        lower(hex(e.hash)) AS hash, s.actor_id, s.for_id, e.finding,
        e.document AS document_ref, e.segment AS segment_ref, e.locale AS locale_ref
        FROM event e JOIN stamp s ON s.id = e.stamp JOIN text src ON src.id = e.source
        LEFT JOIN text d ON d.id = e.document LEFT JOIN text g ON g.id = e.segment
        LEFT JOIN text l ON l.id = e.locale LEFT JOIN text tgt ON tgt.id = e.target;
    INSERT INTO text (key, content) SELECT medloc_text_key(n.content), n.content FROM (
        SELECT updated_at AS content FROM translation UNION SELECT updated_by FROM translation) n
        WHERE NOT EXISTS (SELECT 1 FROM text t WHERE t.key = medloc_text_key(n.content) AND t.content = n.content);
    CREATE TABLE translation_v15 (
        segment_id      TEXT NOT NULL REFERENCES segment(id),
        locale          TEXT NOT NULL REFERENCES target_locale(tag),
        state           INTEGER NOT NULL CHECK (state BETWEEN 0 AND 4),
        target          INTEGER REFERENCES text(id),
        updated_at      INTEGER NOT NULL,
        updated_by      INTEGER NOT NULL,
        previous_source INTEGER REFERENCES text(id),
        previous_target INTEGER REFERENCES text(id),
        PRIMARY KEY (segment_id, locale)
    ) STRICT;
    INSERT INTO translation_v15 (segment_id, locale, state, target, updated_at, updated_by, previous_source,
                                 previous_target)
        SELECT t.segment_id, t.locale, )sql" +
            state_code_sql("t.state") + R"sql(, t.target,
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(t.updated_at) AND content = t.updated_at),
               (SELECT MIN(id) FROM text WHERE key = medloc_text_key(t.updated_by) AND content = t.updated_by),
               t.previous_source, t.previous_target
        FROM translation t ORDER BY t.rowid;
    DROP TABLE translation;
    ALTER TABLE translation_v15 RENAME TO translation;
    DROP VIEW memory_plain;
    CREATE TABLE memory_unit_v15 (
        id              INTEGER PRIMARY KEY,
        event           INTEGER NOT NULL REFERENCES event(id),
        source_language INTEGER NOT NULL,
        target_language INTEGER NOT NULL,
        source          INTEGER NOT NULL REFERENCES text(id),
        plain           INTEGER NOT NULL REFERENCES text(id),
        target          INTEGER NOT NULL REFERENCES text(id),
        translator      INTEGER NOT NULL,
        translator_id   INTEGER NOT NULL,
        approver        INTEGER NOT NULL,
        created_at      INTEGER NOT NULL,
        changed_at      INTEGER NOT NULL,
        document_id     INTEGER NOT NULL,
        context         ANY NOT NULL,
        origin          INTEGER NOT NULL,
        tuid            INTEGER NOT NULL,
        unit_key        INTEGER NOT NULL
    ) STRICT;
    INSERT INTO memory_unit_v15
        SELECT m.id, m.event, m.source_language, m.target_language, m.source, m.plain, m.target, m.translator,
               m.translator_id, m.approver, m.created_at, m.changed_at, m.document_id,
               medloc_packed_context(m.context), m.origin, m.tuid, m.unit_key
        FROM memory_unit m ORDER BY m.id;
    DROP TABLE memory_unit;
    ALTER TABLE memory_unit_v15 RENAME TO memory_unit;
    CREATE INDEX memory_by_text ON memory_unit(target_language, plain);
    CREATE UNIQUE INDEX memory_holds_once ON memory_unit(unit_key);
)sql" + kMemoryGuards +
            R"sql(    CREATE VIEW memory_plain AS
        SELECT m.id AS id, t.content AS plain FROM memory_unit m JOIN text t ON t.id = m.plain;
    )sql",
    };
    return all;
}

}  // namespace

std::int64_t schema_version() { return static_cast<std::int64_t>(migrations().size()); }

void migrate(Database& db, std::int64_t from, std::int64_t to) {
    for (std::int64_t version = from; version < to && version < schema_version(); ++version) {
        db.exec(migrations()[static_cast<std::size_t>(version)].c_str());
        db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str());
    }
}

}  // namespace medloc::reviews
