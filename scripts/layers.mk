# layers.mk - verdict's layers, lowest first: the one table of them, read by
# the Makefile (which links each unit test with its layer and those below)
# and by scripts/check-layers.sh (which fails on an include that goes up).
#
# A file of src/ is in the layer that names its stem: its path below src/
# without .c or .h; % stands for any text, as in make's patterns. Each file
# is in exactly one layer. A file includes only headers of its own layer or
# of those below, and calls only code there.
#
# A unit test (tests/unit/*.c, and its helpers) names its layer on its first
# line, as "/* layer: NAME */", and is linked with that layer and those below.

LAYERS = base model scoring storage records reports flow faces

# 0 base: text made safe and measured, its printf, the error record, the
# allocator, growing buffers, the clock.
LAYER_base = text text_print verror xalloc strbuf clock
# 1 model: positioned errors, YAML, the criteria, one person's answers
# (with the step numbering of a session), the glossary, and the arithmetic
# of comparisons in pairs (ahp: the answers file checks its scale).
LAYER_model = diag yaml_core yaml_arena yaml_text yaml_syntax yaml_span yaml_tree schema criteria criteria_load criteria_examples criteria_lookup criteria_groups session session_% answers glossary ahp
# 2 scoring: pure arithmetic of a result, its explanation, the calibration
# examples, and how its numbers are written; the group view of several
# respondents; the starter set of 'verdict new', which scores its own example;
# what differs between two sessions or criteria files, and by how much.
LAYER_scoring = score score_explain score_internal score_methods score_number score_pairwise score_weight examples selftest team starter diff diff_criteria diff_session diff_internal
# 3 storage: SQLite (store*), files on disk, telling database files apart.
LAYER_storage = store store_% files dbfile
# 4 records: criteria and sessions as they are read and kept, the results
# of old sessions filled in (and the built-in criteria, compiled in:
# build/default_criteria.c).
LAYER_records = criteria_source saved_session saved_results default_criteria
# 5 reports: the texts and files made of a result, and reports (and other
# databases) read back into sessions (import: it checks the audit hashes).
LAYER_reports = report export export_% score_format score_format_% team_report team_load diff_format import import_%
# 6 flow: the course of a session (steps, saving, resume, editing a finished
# one): no curses, no printing.
LAYER_flow = flow flow_%
# 7 faces: the command line, the walk-through, the plain face.
LAYER_faces = main cli cli_% cmd_% tui/% plain plain_%
