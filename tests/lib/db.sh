# db.sh - reading and writing a database behind verdict's back, with
# python3's sqlite3 module, and fingerprints of files.

# sql FILE STATEMENTS: runs SQL statements on FILE.
sql() {
	python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.executescript(sys.argv[2])
c.commit()' "$1" "$2"
}
# sql_value FILE QUERY: prints the first column of the first row.
sql_value() {
	python3 -c 'import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}
# digest FILE: FILE's sha256.
digest() { sha256sum "$1" | cut -d' ' -f1; }
