/* store.h - sessions in SQLite: the only code that talks to the database.
 *
 * Every answer is written in its own transaction the moment it is given, and
 * is durable when the call returns. A session keeps the exact criteria text it
 * was answered against, stored once per distinct text, so it can be rebuilt
 * and rescored after the criteria file has changed or gone.
 *
 * Functions that can fail return 0, or -1 with store_error() saying what
 * happened and what to do, as a struct verror (verror.h): VERROR_INPUT for a
 * session (or a revision) that is not there, VERROR_STORAGE for a failure of
 * the database, naming its file. A failed write changes nothing: its
 * transaction is rolled back and every earlier answer stays as it was.
 *
 * Sessions are records. Ids are never reused, even after a delete. Before an
 * edit changes a complete session (any save but store_save_step), the store
 * keeps its answers as a revision (1, 2, ... per session), unless a revision
 * already holds exactly them, so nothing answered is lost; store_revert()
 * brings a revision back. store_copy() makes a new session from an old one.
 *
 * Ownership: a struct store is the caller's from store_open() until
 * store_close(); it holds the connection and its prepared statements, and is
 * used by one thread at a time. Strings passed in are copied into the
 * database, never kept. What store_load() and store_revision_load() return
 * belongs to the caller (stored_session_free()); what store_list() and
 * store_revisions() pass to their callbacks belongs to the store and lives
 * only during the call.
 *
 * Environment: VERDICT_DB (see store_path), VERDICT_BUSY_TIMEOUT_MS (how long
 * to wait for another process's lock, in milliseconds, 0 to 3600000; default
 * 5000; any other value makes store_open() fail),
 * VERDICT_NOW (the clock used for created/updated times, see clock.h).
 * docs/storage.md describes the file, its schema and every fault. */
#ifndef VERDICT_STORE_H
#define VERDICT_STORE_H

#include <stddef.h>
#include <time.h>

#include "verror.h"

struct store;

/* The database path: FLAG (from --db) if given, else $VERDICT_DB, else
 * $XDG_DATA_HOME/verdict/sessions.db, else ~/.local/share/verdict/sessions.db.
 * Writes it into BUF. Returns 0, or -1 with ERR (VERROR_STORAGE) when HOME is
 * not set or the path does not fit in LEN bytes. */
int store_path(const char *flag, char *buf, size_t len, struct verror *err);

/* Opens (creating directories with mode 0700, file and schema as needed) and
 * migrates the database at PATH, for reading and writing. A new file is made
 * with mode 0600 (and so are its -wal and -shm), whatever the umask. The file
 * is checked first (PRAGMA quick_check, its application_id and schema
 * version, in one read transaction): a file that is damaged, another
 * program's, newer than this verdict, read-only, unreadable or not a regular
 * file (a FIFO, a device) is refused and left exactly as it was. The checks
 * and the migration retry a busy file until the busy timeout is spent. Returns
 * 0, or -1 with *OUT NULL and ERR (VERROR_STORAGE) saying why. Also sets
 * SIGXFSZ to be ignored (when it is at its default), so that a file-size
 * limit fails a write instead of killing the process. */
int store_open(const char *path, struct store **out, struct verror *err);

/* Flags for store_open_flags(). */
#define STORE_OPEN_READ_ONLY 0x1u  /* read only: creates, migrates and writes
                                    * nothing. A missing or empty file reads as
                                    * holding no sessions; writes then fail
                                    * with the read-only message. A file in a
                                    * directory this process may not write is
                                    * read without locks (SQLite's immutable
                                    * mode), as nobody here can change it; so
                                    * is one beside which nothing can be
                                    * written (a full disk), when no
                                    * write-ahead log holds anything. A file
                                    * of an older schema is read as it is. */
/* store_open() with FLAGS (0 is store_open()). */
int store_open_flags(const char *path, unsigned flags, struct store **out, struct verror *err);
void store_close(struct store *st);
/* The last failure: its kind, and for a person what went wrong, with the
 * file, and what to do. Lives as long as ST, until the next failure. */
const struct verror *store_error(const struct store *st);
/* The database file's path, as given to store_open(). */
const char *store_file(const struct store *st);

enum session_status {
	SESSION_IN_PROGRESS,
	SESSION_COMPLETE,
};

/* Creates a session answered against CRITERIA_TEXT (LEN bytes), whose source
 * was CRITERIA_NAME and whose model has CRITERIA_ID and TITLE. PROJECT and
 * RESPONDENT may be NULL. Stores the new id in *ID. */
int store_create(struct store *st, const char *criteria_name, const char *criteria_text,
                 size_t len, const char *criteria_id, const char *title,
                 const char *project, const char *respondent, long long *id);

/* One answer each, saved durably as it is given: each is one BEGIN IMMEDIATE
 * transaction, committed with synchronous=FULL before the call returns, and
 * sets the session's updated time. CHOICE NULL clears the question's answer;
 * store_clear_weight forgets the person's weight. A weight must be finite. */
int store_save_choice(struct store *st, long long id, const char *question, const char *choice);
int store_save_weight(struct store *st, long long id, const char *criterion, double weight);
int store_clear_weight(struct store *st, long long id, const char *criterion);
int store_save_notes(struct store *st, long long id, const char *notes);
/* How the person weighs: "ratings" or "pairwise" (enum weighting). */
int store_save_weighting(struct store *st, long long id, const char *weighting);
/* One comparison, A over B = VALUE (finite, > 0), at LEVEL "criteria" or
 * "groups"; A and B are criterion ids or group names. It replaces the
 * pair's comparison given either way round. store_clear_judgment forgets
 * the pair's comparison, whichever way round. */
int store_save_judgment(struct store *st, long long id, const char *level, const char *a,
                        const char *b, double value);
int store_clear_judgment(struct store *st, long long id, const char *level, const char *a,
                         const char *b);
int store_save_names(struct store *st, long long id, const char *project, const char *respondent);
/* The walk-through's step reached, to resume there. */
int store_save_step(struct store *st, long long id, int step);
/* Marks the session complete (or back in progress), with the winner's name
 * (NULL for a tie) kept for listing. */
int store_save_status(struct store *st, long long id, enum session_status status,
                      const char *winner_name);
/* Marks the session complete with its result, kept for listing: the
 * winner's name (NULL for a tie), the margin (points between the first and
 * the second, score.h) and the strength, "clear", "leaning" or "too-close"
 * (strength_name()). A STRENGTH that is none of these stores neither it nor
 * MARGIN (they are then not known, as for a session saved by
 * store_save_status()). MARGIN must be finite. */
int store_save_result(struct store *st, long long id, const char *winner_name, double margin,
                      const char *strength);

struct stored_choice {
	char *question;
	char *choice;
};

struct stored_weight {
	char *criterion;
	double weight;
};

struct stored_judgment {
	const char *level;      /* "criteria" or "groups" (static) */
	char *a, *b;            /* criterion ids or group names */
	double value;           /* a over b */
};

struct stored_session {
	long long id;
	char *criteria_name;
	char *criteria_text;
	size_t criteria_len;
	char *criteria_id;
	char *criteria_title;
	char *project;          /* NULL when not given */
	char *respondent;       /* NULL when not given */
	char *notes;            /* NULL when not given */
	char *winner_name;      /* NULL when not complete or a tie */
	enum session_status status;
	/* A complete session's result as saved (store_save_result()): STRENGTH
	 * "clear", "leaning" or "too-close", a static string, and MARGIN; NULL
	 * (and MARGIN 0) when not complete or not known. */
	const char *strength;
	double margin;
	int step;
	time_t created;
	time_t updated;         /* when these answers were last changed */
	long long copied_from;  /* the session this one was copied from, or 0 */
	long long revision;     /* store_revision_load(): the revision; else 0 */
	size_t nchoices;
	struct stored_choice *choices;
	size_t nweights;
	struct stored_weight *weights;
	const char *weighting;  /* "ratings" or "pairwise" (static; "ratings" for a session
	                         * stored before there was a choice) */
	size_t njudgments;
	struct stored_judgment *judgments; /* in the order first given */
	/* Schema 5: where the session came from, and its journal. */
	char *uid;              /* 32 lowercase hex digits, made at random when the
	                         * session was created (a copy gets its own); it
	                         * travels with the session to every file it is
	                         * imported into. NULL only in a file of an older
	                         * schema read without migrating it. */
	char *origin;           /* NULL for a session made in this file; for an
	                         * imported one, where it came from, as given to
	                         * store_import_session() ("alice.json") */
	time_t imported;        /* when it was imported; 0 when it was not */
	time_t kept;            /* store_revision_load(): when the revision was
	                         * kept; else 0 */
	size_t njournal;
	struct journal_entry *journal; /* oldest first; revisions have none */
};

/* One entry of a session's decision journal: the option actually chosen
 * (a decision) or, later, how it turned out (a review). Entries are never
 * changed or removed, except with their session: a new decision supersedes
 * the last one, which stays in the journal. */
struct journal_entry {
	long long id;           /* unique in the file, in the order written */
	const char *kind;       /* "decision" or "review" (static) */
	time_t at;              /* when it was recorded (the clock, clock.h) */
	char *option;           /* decision: the id of the option chosen; else NULL */
	char *option_name;      /* decision: that option's name; else NULL */
	char *advised;          /* decision: the name of the winner the advice gave
	                         * when it was recorded; NULL for a tie or a session
	                         * not complete; review: NULL */
	char *note;             /* decision: why (NULL when not given);
	                         * review: the outcome */
	int rating;             /* review: 1 to 5, or 0 when not given; decision: 0 */
};

/* The journal (schema 5). A decision: OPTION (an option id) and its
 * OPTION_NAME, chosen for session ID, with ADVISED (the winner the advice
 * gave then, NULL for none) and NOTE (may be NULL). A review: the OUTCOME
 * (not NULL, not empty) and RATING (1 to 5, or 0 for none). Each is one
 * transaction, durable when the call returns; the entry's id goes into
 * *ENTRY (may be NULL). Neither changes the session's answers, its updated
 * time or its revisions. No such session is VERROR_INPUT. */
int store_decide(struct store *st, long long id, const char *option, const char *option_name,
                 const char *advised, const char *note, long long *entry);
int store_review(struct store *st, long long id, const char *outcome, int rating,
                 long long *entry);

/* Loads session ID whole. Free with stored_session_free(). */
int store_load(struct store *st, long long id, struct stored_session *out);
void stored_session_free(struct stored_session *s);

/* Creates a whole session at once, in one transaction, from IN: its criteria
 * name, text, id and title, project, respondent, notes, status, winner name,
 * step, choices and weights, weighting (NULL is "ratings") and comparisons,
 * in their order (IN's id and dates are ignored: the session gets a new id,
 * stored in *ID, and the clock's time). Nothing is stored unless everything
 * is (a malformed comparison or weighting stores nothing). For `verdict
 * score --save`. */
int store_create_whole(struct store *st, const struct stored_session *in, long long *id);

struct session_summary {
	long long id;
	const char *project;    /* NULL when not given */
	const char *respondent; /* NULL when not given */
	const char *criteria_title;
	enum session_status status;
	const char *winner_name;/* NULL when not complete or a tie */
	time_t updated;
	const char *strength;   /* as in struct stored_session: "clear", "leaning",
	                         * "too-close" (static), or NULL when not known */
	double margin;          /* when STRENGTH is not NULL */
	/* The lengths in bytes of PROJECT, RESPONDENT, CRITERIA_TITLE and
	 * WINNER_NAME (0 for NULL), as SQLite gives them: a text that holds a
	 * NUL byte is longer than its strlen(). */
	size_t project_len, respondent_len, criteria_title_len, winner_name_len;
	/* Schema 5: ORIGIN as in struct stored_session (NULL for a session made
	 * here), and DECIDED, the name of the option chosen in the session's
	 * latest decision (NULL when none was recorded), with their lengths. */
	const char *origin;
	const char *decided;
	size_t origin_len, decided_len;
};

/* Calls EACH for every session, newest first, only those of PROJECT when it
 * is not NULL: the same name, whatever the case of its letters. An ASCII
 * PROJECT is matched through an index, its ASCII letters in any case; one
 * with other characters is matched row by row with every letter folded by
 * Unicode's simple case mapping (so 'CAFÉ' finds 'café'). The summary's
 * strings live only during the call. A non-zero return from EACH stops the
 * listing; that is not a failure (the caller's CTX says why it stopped). */
int store_list(struct store *st, const char *project,
               int (*each)(const struct session_summary *s, void *ctx), void *ctx);

/* The newest in-progress session, for "resume": its id in *ID, 0 when there
 * is none. With CRITERIA_ID (not NULL), only a session of the criteria set
 * of that id: a new session's set is the one offered to go on with. */
int store_latest_unfinished(struct store *st, const char *criteria_id, long long *id);

/* Deletes session ID with its answers and revisions (and its criteria text,
 * when no other session shares it). Its id is not used again. */
int store_delete(struct store *st, long long id);

/* ---- records: copies and revisions ---- */

/* Makes a new session (a new id, into *NEW_ID) from session ID: the same
 * criteria text, answers (weighting and comparisons, in their order,
 * included), names, notes, step, status and winner; PROJECT, when
 * not NULL, replaces the project name. The copy records ID as the session it
 * was copied from (stored_session.copied_from); its created and updated times
 * are the clock's; revisions are not copied. One transaction. The
 * walk-through calls it for "a new scenario". */
int store_copy(struct store *st, long long id, const char *project, long long *new_id);

/* Keeps the current answers of session ID (choices, weights, weighting and
 * comparisons, status, winner, step, notes, names) as revision *REV (1, 2, ... per session), before the
 * original is edited. When a revision already holds exactly these answers
 * (nothing has changed since it was kept or reverted to), *REV is that one
 * and nothing is written. Edits of a complete session keep a revision by
 * themselves; this is for a caller that wants the number, or wants an
 * in-progress session kept too. */
int store_revision_save(struct store *st, long long id, long long *rev);

struct revision_summary {
	long long rev;
	time_t kept;            /* when it was kept */
	time_t updated;         /* when its answers had last been changed */
	enum session_status status;
	const char *winner_name;/* NULL when not complete or a tie */
	const char *project;    /* NULL when not given */
	const char *respondent; /* NULL when not given */
	size_t nchoices, nweights, njudgments;
};

/* Calls EACH for every revision of session ID, oldest first. The summary's
 * strings live only during the call. A non-zero return from EACH stops the
 * listing, as for store_list(). */
int store_revisions(struct store *st, long long id,
                    int (*each)(const struct revision_summary *r, void *ctx), void *ctx);

/* Loads revision REV of session ID: the session (its id, criteria, created
 * time, copied_from) with the revision's answers, names, notes, status,
 * winner, step and updated time, and OUT->revision = REV. Free with
 * stored_session_free(). No such session or revision is VERROR_INPUT. */
int store_revision_load(struct store *st, long long id, long long rev,
                        struct stored_session *out);

/* Brings back revision REV of session ID: its answers, names, notes, status,
 * winner and step replace the current ones, which are first kept as a
 * revision themselves (its number in *KEPT; the revision that already holds
 * them when there is one), so nothing is lost. Sets the updated time. One
 * transaction. No such session or revision is VERROR_INPUT. */
int store_revert(struct store *st, long long id, long long rev, long long *kept);

/* ---- sessions from other files (verdict import) ---- */

/* The id in *ID of the session whose uid is UID, or 0 when there is none.
 * Not finding it is not a failure. */
int store_find_uid(struct store *st, const char *uid, long long *id);

/* An import is one transaction: store_import_begin() opens it (BEGIN
 * IMMEDIATE, waiting as writes do), store_import_session() adds sessions
 * within it, and store_import_end() commits when RC is 0 and otherwise (or
 * when the commit fails) rolls everything back, returning 0 only when
 * committed. So a failure anywhere leaves the file as it was.
 *
 * store_import_session() adds IN as a new session (a new local id into *ID)
 * keeping what IN says of it: its uid (required: 32 lowercase hex digits),
 * criteria name, text, id and title, names, notes, status, winner, margin
 * and strength, step, created and updated times, choices, weights,
 * weighting and comparisons, and its journal (entries' ids are new, their
 * dates kept). REVS[0..NREVS) are its revisions, each as
 * store_revision_load() gives one (revision number, kept time and answers
 * kept). ORIGIN (not NULL) is recorded with the clock's time as when it was
 * imported. copied_from is not kept (it names a session of another file).
 * A uid already in the file is VERROR_INPUT: the caller decides first, with
 * store_find_uid(), whether that is the same session again or a conflict. */
int store_import_begin(struct store *st);
int store_import_session(struct store *st, const struct stored_session *in,
                         const struct stored_session *revs, size_t nrevs, const char *origin,
                         long long *id);
int store_import_end(struct store *st, int rc);

/* ---- results not kept, filled in once by a writer ---- */

/* A complete session whose margin and strength are not kept (saved before
 * schema version 3, or reverted since), as store_unscored() found it: its id,
 * and what store_fill_result() checks so as to write only to a session not
 * changed since. In verdict, the answers of a complete session without a
 * result change only with its updated time, kept_rev or edited (an edit puts
 * it back in progress; finishing keeps a result; a revert sets kept_rev). */
struct unscored {
	long long id;
	long long updated;
	long long kept_rev;     /* 0 for none */
	int edited;
};

/* The complete sessions whose result is not kept, lowest id first: into
 * *FOUND, the caller's to free (NULL when there are none), and their count
 * into *N. A file of schema version 3 lists them from an index that holds
 * only them, so finding none costs next to nothing. */
int store_unscored(struct store *st, struct unscored **found, size_t *n);

/* Filling them in, all in one transaction. store_fill_begin() opens it
 * (BEGIN IMMEDIATE) without waiting: a lock another process holds fails it
 * at once, as a fill is a cache never worth a wait. store_fill_result() sets
 * the margin and strength of U's session, only when it is still as U says
 * and still complete without a result (*WRITTEN, may be NULL, says whether it
 * was: a session changed since is left, and that is not a failure). Its
 * updated time, winner, revisions and every other column stay as they are.
 * STRENGTH must be "clear", "leaning" or "too-close" and MARGIN finite, or
 * nothing is written (-1). store_fill_end(), after a store_fill_begin() that
 * succeeded, commits when RC is 0 and otherwise (or when the commit fails)
 * rolls everything back; it returns 0 when committed, else -1. */
int store_fill_begin(struct store *st);
int store_fill_result(struct store *st, const struct unscored *u, double margin,
                      const char *strength, int *written);
int store_fill_end(struct store *st, int rc);

#endif
