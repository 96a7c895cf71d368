# schema.sh - the JSON Schemas of docs/schema: what 'verdict schema' prints,
# and that they agree with 'verdict check' on the default set, on every
# fixture that is valid, and on every invalid fixture whose fault a schema
# can say.
. "$(dirname "$0")/../lib/verdict.sh"

ROOT=$(cd "$(dirname "$0")/../.." && pwd)

for kind in criteria answers; do
	run "$VERDICT" schema $kind
	expect_rc "verdict schema $kind exits 0" 0
	if cmp -s "$T/out" "$ROOT/docs/schema/$kind.schema.json"; then
		ok "verdict schema $kind is docs/schema/$kind.schema.json byte for byte"
	else
		not_ok "verdict schema $kind is docs/schema/$kind.schema.json byte for byte"
	fi
done
run "$VERDICT" schema
expect_rc "verdict schema without a kind is a usage error" 2
run "$VERDICT" schema criterion
expect_rc "verdict schema of an unknown kind is a usage error" 2
expect_err "an unknown kind is named, with the kinds there are" \
	"verdict schema: unknown kind of file 'criterion'; use criteria or answers"
run "$VERDICT" help schema
expect_out "verdict help schema shows how to name the schema in a file" \
	"# yaml-language-server: \$schema=criteria.schema.json"


if ! python3 -c 'import jsonschema, yaml' 2>/dev/null; then
	skip "the schemas agree with verdict check" "python3's jsonschema or yaml module is missing (scripts/deps.sh test installs them)"
	exit 0
fi

# Python reads YAML as YAML 1.1 does; verdict, and yaml-language-server, as
# YAML 1.2's core schema does. The loader below reads 1.2: 0o17 and 0x1F
# are numbers, 1_000, yes, no, on and off are text, and a date is text.
# (Python's reader also refuses a plain "X?" inside a flow mapping, which
# YAML 1.2 allows: the fixtures quote it there.)
python3 - "$ROOT" "$FIX" <<'PY'
import glob, os, re, sys
import jsonschema, yaml

root, fix = sys.argv[1], sys.argv[2]

class Yaml12(yaml.SafeLoader):
    pass
Yaml12.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
              r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
]:
    Yaml12.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(pattern),
                                 list(first) + ([""] if tag == "null" else []))

def construct_int(loader, node):
    v = loader.construct_scalar(node)
    if v.startswith("0o"):
        return int(v[2:], 8)
    if v.startswith("0x"):
        return int(v[2:], 16)
    return int(v)

def construct_float(loader, node):
    v = loader.construct_scalar(node).lower()
    if v.endswith(".inf"):
        return float("-inf") if v.startswith("-") else float("inf")
    if v == ".nan":
        return float("nan")
    return float(v)

Yaml12.add_constructor("tag:yaml.org,2002:int", construct_int)
Yaml12.add_constructor("tag:yaml.org,2002:float", construct_float)
Yaml12.add_constructor("tag:yaml.org,2002:bool",
                       lambda loader, node: loader.construct_scalar(node).lower() == "true")

import json
schemas = {}
for kind in ("criteria", "answers"):
    with open(os.path.join(root, "docs", "schema", kind + ".schema.json")) as f:
        schema = json.load(f)
    jsonschema.Draft7Validator.check_schema(schema)
    schemas[kind] = jsonschema.Draft7Validator(schema)
print("ok - the schemas are valid draft-07 schemas")

def load(path):
    with open(path, "rb") as f:
        return yaml.load(f, Loader=Yaml12)

def errors(kind, path):
    return sorted(schemas[kind].iter_errors(load(path)), key=lambda e: list(e.path))

def short(path):
    return os.path.relpath(path, root)

# Valid files validate.
good = [("criteria", p) for p in sorted(glob.glob(os.path.join(root, "criteria", "**", "*.yaml"),
                                                  recursive=True))]
good += [("criteria", p) for p in sorted(glob.glob(os.path.join(fix, "criteria", "*.yaml")))]
good += [("answers", p) for p in sorted(glob.glob(os.path.join(fix, "answers", "*.yaml")))]
for kind, path in good:
    errs = errors(kind, path)
    if errs:
        print("not ok - %s validates against the %s schema" % (short(path), kind))
        for e in errs[:5]:
            print("#   %s: %s" % ("/".join(map(str, e.path)), e.message[:200]))
    else:
        print("ok - %s validates against the %s schema" % (short(path), kind))

# The invalid fixtures whose fault no JSON Schema can say, and why. Each of
# these must indeed pass the schema, or fail to be read as YAML at all (a
# fault of the YAML, found before any schema is applied); any other invalid
# fixture must fail the schema.
cannot = {
    "alias-undefined": "YAML: an alias of an anchor that is not there; the YAML reader refuses it before any schema",
    "duplicate-id": "uniqueness of an id among a list's items: JSON Schema's uniqueItems compares whole items, not one key",
    "duplicate-key": "YAML: a repeated key is lost when the file is read into a mapping",
    "invalid-utf8": "YAML: the file is not UTF-8 text",
    "key-not-text": "YAML: a key that is a list cannot be read into a mapping",
    "labels": "the labels' count depends on the scale's min and max",
    "multi-doc": "YAML: a second document in one file",
    "no-colon": "YAML: a syntax error",
    "nul-byte": "YAML: a NUL byte in the file",
    "nul-escape": "YAML: a NUL character in a value, which the YAML reader accepts and verdict refuses",
    "scale-order": "min must be below max: a relation between two values",
    "syntax": "YAML: a syntax error",
    "tab-indent": "YAML: a tab in the indentation",
    "tabs": "YAML: tabs in the indentation",
    "indent-dash": "YAML: a syntax error (the indentation)",
    "indent-key": "YAML: a syntax error (the indentation)",
    "indent-key-out": "YAML: a syntax error (the indentation)",
    "colon-in-value": "YAML: a syntax error (': ' in a value)",
    "list-on-key-line": "YAML: a syntax error (a list item on its key's line)",
    "unclosed-quote": "YAML: a syntax error (a quote not closed)",
    "at-sign": "YAML: a syntax error (text starting with '@')",
    "tag": "YAML: a tag verdict refuses, which the YAML reader applies",
    "unknown-option": "a reference: a rating names an option the file lacks",
    "misspelt-option": "references: ratings, reasons and an example name options the file lacks",
}
bad = sorted(glob.glob(os.path.join(fix, "bad", "*.yaml")))
for path in bad:
    name = os.path.splitext(os.path.basename(path))[0]
    try:
        errs = errors("criteria", path)
        read = True
    except (yaml.YAMLError, UnicodeDecodeError, ValueError):
        errs, read = [], False
    if name in cannot:
        if read and errs:
            print("not ok - bad/%s is listed as beyond a schema, but the schema finds it: %s"
                  % (name, errs[0].message[:160]))
        else:
            print("ok - bad/%s is beyond a schema: %s" % (name, cannot[name]))
    elif errs:
        print("ok - bad/%s fails the schema too" % name)
    else:
        print("not ok - bad/%s fails verdict check but passes the schema%s"
              % (name, "" if read else " (it cannot be read as YAML: list it, with why)"))
for name in sorted(cannot):
    if not os.path.exists(os.path.join(fix, "bad", name + ".yaml")):
        print("not ok - the list of fixtures beyond a schema names bad/%s, which is not there" % name)
PY
