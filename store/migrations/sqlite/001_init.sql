-- The record: articles with provenance, their annotations, merged events and
-- the search index. JSON columns hold the exact article.* shapes; the flat
-- columns next to them exist for filtering and sorting.

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    ext_id        TEXT    NOT NULL DEFAULT '',
    title         TEXT    NOT NULL DEFAULT '',
    url           TEXT    NOT NULL DEFAULT '',
    published     TEXT    NOT NULL DEFAULT '',
    body          TEXT    NOT NULL,
    source        TEXT    NOT NULL DEFAULT '',
    source_key    TEXT    NOT NULL DEFAULT '',
    format        TEXT    NOT NULL DEFAULT '',
    byline        TEXT    NOT NULL DEFAULT '',
    canonical     TEXT    NOT NULL DEFAULT '',
    lang          TEXT    NOT NULL DEFAULT '',
    charset       TEXT    NOT NULL DEFAULT '',
    fetched       TEXT    NOT NULL DEFAULT '',
    ingested      TEXT    NOT NULL,
    content_hash  TEXT    NOT NULL UNIQUE,
    simhash       INTEGER NOT NULL,
    sh0           INTEGER NOT NULL,
    sh1           INTEGER NOT NULL,
    sh2           INTEGER NOT NULL,
    sh3           INTEGER NOT NULL,
    near_dup_of   INTEGER REFERENCES articles(id),
    extract_error TEXT    NOT NULL DEFAULT ''
);
-- Four 16-bit bands: two fingerprints within Hamming distance 3 share one.
CREATE INDEX articles_sh0 ON articles(sh0);
CREATE INDEX articles_sh1 ON articles(sh1);
CREATE INDEX articles_sh2 ON articles(sh2);
CREATE INDEX articles_sh3 ON articles(sh3);
CREATE INDEX articles_ext_id ON articles(ext_id);

CREATE TABLE merged_events (
    id          INTEGER PRIMARY KEY,
    type        TEXT    NOT NULL,
    modality    TEXT    NOT NULL,
    actors      TEXT    NOT NULL,
    recipients  TEXT    NOT NULL,
    codes       TEXT    NOT NULL,
    ev_date     TEXT,
    ev_date_end TEXT,
    day_lo      INTEGER,
    day_hi      INTEGER,
    day_sort    INTEGER NOT NULL,
    pub_week    INTEGER,
    location    TEXT,
    loc_name    TEXT    NOT NULL DEFAULT '',
    loc_country TEXT    NOT NULL DEFAULT '',
    mentions    INTEGER NOT NULL DEFAULT 0,
    sources     INTEGER NOT NULL DEFAULT 0,
    articles    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX merged_by_day ON merged_events(type, modality, day_lo);
CREATE INDEX merged_by_week ON merged_events(type, modality, pub_week);
CREATE INDEX merged_sort ON merged_events(day_sort, id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    type        TEXT    NOT NULL,
    mode        TEXT    NOT NULL DEFAULT '',
    context     TEXT    NOT NULL DEFAULT '[]',
    modality    TEXT    NOT NULL,
    actors      TEXT    NOT NULL,
    recipients  TEXT    NOT NULL,
    ev_date     TEXT,
    ev_date_end TEXT,
    day_lo      INTEGER,
    day_hi      INTEGER,
    day_sort    INTEGER NOT NULL,
    location    TEXT,
    loc_name    TEXT    NOT NULL DEFAULT '',
    loc_key     TEXT    NOT NULL DEFAULT '', -- lower-case loc_name, for the place filter
    loc_text    TEXT    NOT NULL DEFAULT '',
    loc_country TEXT    NOT NULL DEFAULT '',
    evidence    TEXT    NOT NULL,
    ev_start    INTEGER NOT NULL,
    ev_end      INTEGER NOT NULL,
    trig        TEXT    NOT NULL DEFAULT '',
    cameo       TEXT    NOT NULL DEFAULT '',
    score       REAL    NOT NULL DEFAULT 0,
    merged_id   INTEGER REFERENCES merged_events(id)
);
CREATE INDEX events_article ON events(article_id, seq);
-- day_hi rides along so that date-range filters are answered from the index.
CREATE INDEX events_sort ON events(day_sort, id, day_hi);
CREATE INDEX events_type ON events(type, day_sort);
CREATE INDEX events_merged ON events(merged_id);
-- Each term of the place filter's OR needs its own index.
CREATE INDEX events_place ON events(loc_key);
CREATE INDEX events_place_text ON events(loc_text);
CREATE INDEX events_country ON events(loc_country);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role     TEXT    NOT NULL, -- actor | recipient
    code     TEXT    NOT NULL,
    name     TEXT    NOT NULL DEFAULT '',
    surface  TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX event_actors_code ON event_actors(code, event_id);
CREATE INDEX event_actors_event ON event_actors(event_id, code);

-- Filled by the process engine: which peace process (and round) an event belongs to.
CREATE TABLE event_processes (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    process  TEXT    NOT NULL,
    round    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (event_id, process)
);
CREATE INDEX event_processes_process ON event_processes(process, event_id);

CREATE TABLE quotes (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,
    speaker_text TEXT    NOT NULL DEFAULT '',
    speaker_code TEXT    NOT NULL DEFAULT '',
    speaker_name TEXT    NOT NULL DEFAULT '',
    quote        TEXT    NOT NULL,
    direct       INTEGER NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id, seq);
CREATE INDEX quotes_speaker ON quotes(speaker_code);

CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    surface    TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    canonical  TEXT    NOT NULL DEFAULT '',
    code       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX entities_article ON entities(article_id, seq);
CREATE INDEX entities_canonical ON entities(canonical);

CREATE TABLE timexes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    surface    TEXT    NOT NULL,
    value      TEXT,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL
);
CREATE INDEX timexes_article ON timexes(article_id, seq);

-- One row per searchable document (an article or an event's evidence); the
-- indexed column holds normalised, clitic-stripped stems, not the surface text.
CREATE VIRTUAL TABLE search_fts USING fts5(
    stems,
    kind UNINDEXED,
    article_id UNINDEXED,
    event_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 0'
);
