# fish completion for verdict: its commands, each command's options, the
# values of --format and a few other options, and saved session ids where a
# command takes one (from `verdict list --ids`, newest first, in the
# database that --db on the line, VERDICT_DB or the default names).
#
# Installed by `make install` as
# $(PREFIX)/share/fish/vendor_completions.d/verdict.fish.

# The saved sessions' ids, newest first, from the database the line names.
function __verdict_ids
    set -l tokens (commandline -opc)
    set -l db
    set -l n (count $tokens)
    for i in (seq 2 $n)
        if test "$tokens[$i]" = --db; and test $i -lt $n
            set db --db $tokens[(math $i + 1)]
        else if string match -q -- '--db=*' $tokens[$i]
            set db $tokens[$i]
        end
    end
    $tokens[1] $db list --ids 2>/dev/null
end

# Whether the command on the line is CMD with fewer than N operands so far
# (an option's value is none).
function __verdict_operands_below -a cmd n
    set -l tokens (commandline -opc)
    set -l seen ''
    set -l count 0
    set -l skip 0
    for t in $tokens[2..-1]
        if test $skip = 1
            set skip 0
            continue
        end
        switch $t
            case --db --format --project --resume --respondent --criteria --answers --output \
                --prepared-by --prepared-for --logo --paper --chose --note --outcome --rating \
                --from-db --options -c -a -o -f -p
                if test "$seen" = diff; and test $t = --criteria
                    continue
                end
                set skip 1
            case '-*'
            case '*'
                if test -z "$seen"
                    set seen $t
                else
                    set count (math $count + 1)
                end
        end
    end
    test "$seen" = $cmd; and test $count -lt $n
end

set -l commands run check score list show delete export copy revert decide review import team diff schema new selftest help

complete -c verdict -f
complete -c verdict -l db -r -F -d 'the sessions database'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -l no-color -d 'no colours in the walk-through'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -s V -l version -d 'the version'
complete -c verdict -s h -l help -d help

complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a run -d 'the walk-through (the default)'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a check -d 'validate criteria files'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a score -d 'score an answers file'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a list -d 'list saved sessions'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a show -d 'show a saved session and its result'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a delete -d 'delete a saved session'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a export -d 'export a session as a report'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a copy -d 'make a new session from a saved one'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a revert -d "bring back a session's earlier answers"
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a decide -d 'record the option chosen'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a review -d 'record how a decision turned out'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a import -d 'add sessions from reports or another database'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a team -d "a group's combined result"
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a diff -d 'what differs between two sessions or criteria files'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a schema -d 'print the JSON Schema of a file format'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a new -d 'write a starter criteria file'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a selftest -d 'check the arithmetic against published cases'
complete -c verdict -n "not __fish_seen_subcommand_from $commands" -a help -d "a command's help"

# Each command's options and their values.
complete -c verdict -n '__fish_seen_subcommand_from run' -l plain -d 'the questions line by line'
complete -c verdict -n '__fish_seen_subcommand_from run score' -s c -l criteria -r -F -d 'a criteria file'
complete -c verdict -n '__fish_seen_subcommand_from run' -l resume -x -k -a '(__verdict_ids)' -d 'go on with a session'
complete -c verdict -n '__fish_seen_subcommand_from run list copy team' -l project -x -d 'the project'
complete -c verdict -n '__fish_seen_subcommand_from run' -l respondent -x -d 'who answers'
complete -c verdict -n '__fish_seen_subcommand_from check' -l format -x -a 'text json github'
complete -c verdict -n '__fish_seen_subcommand_from check import' -F
complete -c verdict -n '__fish_seen_subcommand_from score' -s a -l answers -r -F -d 'an answers file'
complete -c verdict -n '__fish_seen_subcommand_from score' -l format -x -a 'text json md html csv pdf'
complete -c verdict -n '__fish_seen_subcommand_from score' -l save -d 'keep it as a session'
complete -c verdict -n '__fish_seen_subcommand_from list' -l format -x -a 'text json'
complete -c verdict -n '__fish_seen_subcommand_from list' -l ids -d 'the ids alone'
complete -c verdict -n '__fish_seen_subcommand_from show' -l format -x -a 'text json md'
complete -c verdict -n '__fish_seen_subcommand_from show export' -l draft -d 'an unfinished session as it stands'
complete -c verdict -n '__fish_seen_subcommand_from show' -l revisions -d 'the answers before each change'
complete -c verdict -n '__fish_seen_subcommand_from delete' -l yes -d 'without asking'
complete -c verdict -n '__fish_seen_subcommand_from export' -l format -x -a 'md html json csv pdf'
complete -c verdict -n '__fish_seen_subcommand_from export' -s o -l output -r -F -d 'the file to write'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l prepared-by -x -d 'who prepared the report'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l prepared-for -x -d 'for whom'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l logo -r -F -d 'a PNG logo'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l paper -x -a 'a4 letter'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l brief -d 'the short report'
complete -c verdict -n '__fish_seen_subcommand_from export score' -l excel -d 'CSV for spreadsheets'
complete -c verdict -n '__fish_seen_subcommand_from decide' -l chose -x -d 'the option chosen'
complete -c verdict -n '__fish_seen_subcommand_from decide' -l note -x -d 'why'
complete -c verdict -n '__fish_seen_subcommand_from review' -l outcome -x -d 'how it turned out'
complete -c verdict -n '__fish_seen_subcommand_from review' -l rating -x -a '1 2 3 4 5'
complete -c verdict -n '__fish_seen_subcommand_from import' -l from-db -r -F -d 'another verdict database'
complete -c verdict -n '__fish_seen_subcommand_from team' -l format -x -a 'text json md html'
complete -c verdict -n '__fish_seen_subcommand_from diff' -l criteria -d 'two criteria files'
complete -c verdict -n '__fish_seen_subcommand_from diff' -l examples -d 'the examples that change'
complete -c verdict -n '__fish_seen_subcommand_from diff' -l format -x -a 'text json'
complete -c verdict -n '__fish_seen_subcommand_from diff' -l exit-code -d 'status 1 when anything differs'
complete -c verdict -n '__fish_seen_subcommand_from new' -l options -x -d 'the options, as "A,B,C"'
complete -c verdict -n '__fish_seen_subcommand_from new' -l criteria -x -d 'how many criteria'
complete -c verdict -n '__fish_seen_subcommand_from new' -F

# Operands: session ids, the schema's formats, the commands for help.
for c in show delete export copy revert decide review
    complete -c verdict -n "__verdict_operands_below $c 1" -k -a '(__verdict_ids)'
end
complete -c verdict -n '__verdict_operands_below team 1000000' -k -a '(__verdict_ids)'
complete -c verdict -n '__verdict_operands_below diff 2; and not __fish_contains_opt criteria' -k -a '(__verdict_ids)'
complete -c verdict -n '__fish_seen_subcommand_from diff; and __fish_contains_opt criteria' -F
complete -c verdict -n '__verdict_operands_below schema 1' -a 'criteria answers'
complete -c verdict -n '__verdict_operands_below help 1' -a "$commands"
