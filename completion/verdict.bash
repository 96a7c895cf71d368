# bash completion for verdict: its commands, each command's options, the
# values of --format and a few other options, and saved session ids where a
# command takes one (from `verdict list --ids`, newest first, in the
# database that --db on the line, VERDICT_DB or the default names).
#
# Installed by `make install` as
# $(PREFIX)/share/bash-completion/completions/verdict; to try it without
# installing: `. completion/verdict.bash`.

# The commands, as `verdict help` lists them, and help.
_verdict_commands="run check score list show delete export copy revert decide review
	import team diff schema new selftest help"

# _verdict_options CMD: CMD's long options.
_verdict_options()
{
	case $1 in
	run) echo "--plain --criteria --resume --project --respondent --help" ;;
	check) echo "--format --help" ;;
	score) echo "--criteria --answers --format --save --prepared-by --prepared-for --logo" \
		"--paper --brief --excel --help" ;;
	list) echo "--project --format --ids --help" ;;
	show) echo "--format --draft --revisions --help" ;;
	delete) echo "--yes --help" ;;
	export) echo "--format --output --draft --prepared-by --prepared-for --logo --paper" \
		"--brief --excel --help" ;;
	copy) echo "--project --help" ;;
	decide) echo "--chose --note --help" ;;
	review) echo "--outcome --rating --help" ;;
	import) echo "--from-db --help" ;;
	team) echo "--project --format --help" ;;
	diff) echo "--criteria --examples --format --exit-code --help" ;;
	new) echo "--options --criteria --help" ;;
	revert | schema | selftest) echo "--help" ;;
	esac
}

# _verdict_formats CMD: the values of CMD's --format.
_verdict_formats()
{
	case $1 in
	check) echo "text json github" ;;
	score) echo "text json md html csv pdf" ;;
	list | diff) echo "text json" ;;
	show) echo "text json md" ;;
	export) echo "md html json csv pdf" ;;
	team) echo "text json md html" ;;
	esac
}

# _verdict_takes_value CMD OPTION: whether OPTION of CMD is followed by its
# value (a word of its own).
_verdict_takes_value()
{
	case $2 in
	--db | --format | -f | --project | -p | --resume | --respondent | --answers | -a | \
		--output | -o | --prepared-by | --prepared-for | --logo | --paper | --chose | \
		--note | --outcome | --rating | --from-db | --options)
		return 0 ;;
	--criteria | -c)
		# diff --criteria OLD NEW takes two files as operands.
		[ "$1" != diff ] ;;
	*) return 1 ;;
	esac
}

_verdict()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev="" i w cmd="" opt=""
	local -a db=() operands=()
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	# The words before the cursor: --db and its path, the command, the
	# operands given so far (an option's value is none).
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db)
			# --db PATH, or --db=PATH split by bash into three words.
			if [ "${COMP_WORDS[i + 1]}" = = ]; then
				db=(--db "${COMP_WORDS[i + 2]}")
				((i += 2))
			else
				db=(--db "${COMP_WORDS[i + 1]}")
				((i++))
			fi
			continue
			;;
		-) ;;
		-*)
			if [ "${COMP_WORDS[i + 1]}" = = ]; then
				((i += 2))
				continue
			fi
			if [ -n "$cmd" ] && _verdict_takes_value "$cmd" "$w"; then
				((i++))
			fi
			continue
			;;
		esac
		if [ -z "$cmd" ]; then
			cmd=$w
		else
			operands+=("$w")
		fi
	done

	# --option=VALUE: bash splits the word at '='.
	if [ "$cur" = = ] || [ "$prev" = = ]; then
		[ "$cur" = = ] && opt=$prev || opt=${COMP_WORDS[COMP_CWORD - 2]}
		[ "$cur" = = ] && cur=""
	elif [ "${prev#-}" != "$prev" ] && _verdict_takes_value "$cmd" "$prev"; then
		opt=$prev
	fi
	if [ -n "$opt" ]; then
		case $opt in
		--format | -f) COMPREPLY=($(compgen -W "$(_verdict_formats "$cmd")" -- "$cur")) ;;
		--paper) COMPREPLY=($(compgen -W "a4 letter" -- "$cur")) ;;
		--rating) COMPREPLY=($(compgen -W "1 2 3 4 5" -- "$cur")) ;;
		--resume) COMPREPLY=($(compgen -W "$(_verdict_ids)" -- "$cur")) ;;
		--db | --answers | -a | --output | -o | --logo | --from-db | --criteria | -c)
			[ "$cmd" = new ] && return 0
			compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$cur"))
			;;
		esac
		return 0
	fi

	if [ -z "$cmd" ]; then
		case $cur in
		-*) COMPREPLY=($(compgen -W "--db --no-color --help --version" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "$_verdict_commands" -- "$cur")) ;;
		esac
		return 0
	fi
	case $cur in
	-*)
		COMPREPLY=($(compgen -W "$(_verdict_options "$cmd") --db" -- "$cur"))
		return 0
		;;
	esac

	local n=${#operands[@]} ids=0
	case $cmd in
	help) [ "$n" -eq 0 ] && COMPREPLY=($(compgen -W "$_verdict_commands" -- "$cur")) ;;
	schema) [ "$n" -eq 0 ] && COMPREPLY=($(compgen -W "criteria answers" -- "$cur")) ;;
	show | delete | export | copy | decide | review | revert) [ "$n" -eq 0 ] && ids=1 ;;
	team) ids=1 ;;
	diff)
		case " ${COMP_WORDS[*]} " in
		*" --criteria "*) compopt -o filenames 2>/dev/null
			COMPREPLY=($(compgen -f -- "$cur")) ;;
		*) [ "$n" -lt 2 ] && ids=1 ;;
		esac
		;;
	check | import | new)
		compopt -o filenames 2>/dev/null
		COMPREPLY=($(compgen -f -- "$cur"))
		;;
	esac
	[ "$ids" = 1 ] && COMPREPLY=($(compgen -W "$(_verdict_ids)" -- "$cur"))
	return 0
}

# The saved sessions' ids, newest first, from the database the line names.
# compgen -W keeps their order; the completion is not sorted (-o nosort).
_verdict_ids()
{
	"${COMP_WORDS[0]}" "${db[@]}" list --ids 2>/dev/null
}

complete -o nosort -F _verdict verdict
