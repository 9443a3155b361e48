# bash completion for lstudio (also works in zsh after `autoload bashcompinit; bashcompinit`,
# though scripts/completion/_lstudio is the native zsh one).
#
#   source /path/to/lstudio/scripts/completion/lstudio.bash      # e.g. in ~/.bashrc
#
# Completes subcommands, options (each subcommand's own), *.groovy files where a script is
# expected, directories after --state-dir, machine slugs after --machine and --start, and Studio
# and teamspace names from the lists lstudio keeps on disk (never a network call on TAB: a list
# missing or older than LSTUDIO_COMPLETION_TTL minutes, default 10, is refreshed in the
# background by `lstudio studios` or `lstudio teamspaces` for the next TAB). Words after a script
# are left to the shell's file completion (they are the script's own arguments). Kept in step
# with `lstudio --help` by dev.lstudio.docs.CompletionScriptSpec.

_lstudio_global_opts='--teamspace --json --debug -q --quiet --emulator --lock --no-lock -h --help -V --version'
_lstudio_emulator_opts='--port --state-dir --user-id --api-key --username --teamspace --start-delay --stop-delay
  --switch-delay --fork-delay --detach-after --fault --seed --strict --no-teammate --time-scale --url-ttl -v --verbose
  -h --help -V --version'
_lstudio_commands='run repl cleanup emulator studios status start stop restart switch exec create delete machines teamspaces cp ls rm'
# The commands that act on Studios by name, and their own options.
_lstudio_named='status start stop restart switch exec delete'
_lstudio_command_opts() {
    case $1 in
        studios) echo '--running --all-teamspaces' ;;
        start) echo '-m --machine --spot --max-runtime --create --no-wait' ;;
        switch) echo '-m --machine' ;;
        exec) echo '--start' ;;
        delete) echo '-y --yes' ;;
        machines) echo '--gpu' ;;
        cp) echo '-r --recursive --parallel --no-skip --no-ignore' ;;
        ls) echo '-r --recursive' ;;
        rm) echo '-r --recursive -y --yes' ;;
    esac
}
# As `lstudio machines` lists them (checked by the spec).
_lstudio_machines='cpu-2 cpu-4 cpu-8 cpu-16 data-prep-mid data-prep-max-large data-prep-ultra-extra-large
  lit-t4-1-small lit-t4-1 lit-t4-2 lit-t4-4 lit-t4-8 lit-l4-1 lit-l4-2 lit-l4-4 lit-l4-8 lit-l40s-1 lit-l40s-2
  lit-l40s-4 lit-l40s-8 lit-rtx-6000-pro-1 lit-rtx-6000-pro-2 lit-rtx-6000-pro-4 lit-rtx-6000-pro-8 lit-a100-1
  lit-a100-2 lit-a100-4 lit-a100-8 lit-a100-40gb-1 lit-a100-40gb-2 lit-a100-40gb-4 lit-a100-40gb-8 lit-a100-80gb-1
  lit-a100-80gb-2 lit-a100-80gb-4 lit-a100-80gb-8 lit-h100-1 lit-h100-2 lit-h100-4 lit-h100-8 lit-h200x-1
  lit-h200x-8 lit-b200x-8'

# The names lstudio listed last (studios or teamspaces), one per line, from its cache folder
# (as lstudio's Dirs finds it); a missing or stale list is refreshed in the background.
_lstudio_names() {
    local dir file
    if [[ -n ${LSTUDIO_HOME:-} ]]; then dir=$LSTUDIO_HOME/cache; else dir=${XDG_CACHE_HOME:-$HOME/.cache}/lstudio; fi
    file=$dir/completion/$1
    if [[ ! -f $file || -n $(find "$file" -mmin +"${LSTUDIO_COMPLETION_TTL:-10}" 2>/dev/null) ]] \
            && command -v lstudio >/dev/null 2>&1; then
        (lstudio "$1" >/dev/null 2>&1 &)
    fi
    [[ -f $file ]] && cat "$file"
}

# Options that take a value, so that the value is not taken for the script or a subcommand.
_lstudio_takes_value() {
    case $1 in
        --teamspace|-e|--port|--state-dir|--user-id|--api-key|--username|--start-delay|--stop-delay|\
        --switch-delay|--fork-delay|--detach-after|--fault|--seed|--host|--timeout|--grace|--time-scale|--url-ttl|\
        -m|--machine|\
        --max-runtime|--start|--parallel) return 0 ;;
    esac
    return 1
}

_lstudio_scripts() {
    local IFS=$'\n'
    compopt -o filenames 2>/dev/null
    COMPREPLY+=($(compgen -d -- "$1") $(compgen -f -X '!*.groovy' -- "$1"))
}

_lstudio() {
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    local sub='' script='' code='' i word
    COMPREPLY=()

    # What has been said so far: the subcommand, whether a script (or -e CODE) was given.
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if [[ -n $script ]]; then
            break
        elif _lstudio_takes_value "$word"; then
            [[ $word == -e ]] && code=1
            ((i++))
        elif [[ $word == -* ]]; then
            continue
        elif [[ -z $sub && -z $code && " $_lstudio_commands " == *" $word "* ]]; then
            sub=$word
        elif [[ $sub == exec && $word == -- ]]; then
            return 0 # the remote command: nothing here to complete it from
        elif [[ -n $sub && $sub != run ]]; then
            continue
        else
            script=$word
        fi
    done

    # Words after the script (or after -e CODE) are the script's arguments.
    if [[ -n $script || ( -n $code && $prev != -e ) ]]; then
        compopt -o default 2>/dev/null
        return 0
    fi

    case $prev in
        -e|--port|--user-id|--api-key|--username|--fault|--seed|--host|--max-runtime|--timeout|--time-scale|--parallel) return 0 ;;
        --grace)
            COMPREPLY=($(compgen -W '0s 1m 5m 15m' -- "$cur")); return 0 ;;
        --teamspace)
            [[ $sub == emulator ]] && return 0
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$(_lstudio_names teamspaces)" -- "$cur")); return 0 ;;
        -m|--machine|--start)
            COMPREPLY=($(compgen -W "$_lstudio_machines" -- "$cur")); return 0 ;;
        --start-delay|--stop-delay|--switch-delay|--fork-delay|--detach-after)
            COMPREPLY=($(compgen -W '0s 500ms 1s 2s 10s 1m' -- "$cur")); return 0 ;;
        --url-ttl)
            COMPREPLY=($(compgen -W '10s 1m 15m 1h' -- "$cur")); return 0 ;;
        --state-dir)
            compopt -o filenames 2>/dev/null
            COMPREPLY=($(compgen -d -- "$cur")); return 0 ;;
    esac

    case $sub in
        emulator)
            COMPREPLY=($(compgen -W "$_lstudio_emulator_opts" -- "$cur")) ;;
        repl)
            COMPREPLY=($(compgen -W "$_lstudio_global_opts" -- "$cur")) ;;
        cleanup)
            COMPREPLY=($(compgen -W "--dry-run --host --all-hosts --yes --timeout --shared --grace $_lstudio_global_opts" -- "$cur")) ;;
        studios|status|start|stop|restart|switch|exec|create|delete|machines|teamspaces)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$(_lstudio_command_opts "$sub") $_lstudio_global_opts" -- "$cur"))
            elif [[ " $_lstudio_named " == *" $sub "* ]]; then
                local IFS=$'\n'
                COMPREPLY=($(compgen -W "$(_lstudio_names studios)" -- "$cur"))
            fi ;;
        cp|ls|rm)
            # Studio names as NAME: (the path after the colon is the Studio's: no listing on TAB),
            # and for cp local files too.
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$(_lstudio_command_opts "$sub") $_lstudio_global_opts" -- "$cur"))
            elif [[ $cur != *:* ]]; then
                local IFS=$'\n'
                compopt -o nospace 2>/dev/null
                COMPREPLY=($(compgen -W "$(_lstudio_names studios | sed 's/$/:/')" -- "$cur"))
                if [[ $sub == cp ]]; then
                    compopt -o filenames 2>/dev/null
                    COMPREPLY+=($(compgen -f -- "$cur"))
                fi
            fi ;;
        run)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$_lstudio_global_opts -" -- "$cur"))
            else
                _lstudio_scripts "$cur"
            fi ;;
        *)
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "$_lstudio_global_opts -e" -- "$cur"))
            else
                COMPREPLY=($(compgen -W "$_lstudio_commands" -- "$cur"))
                _lstudio_scripts "$cur"
            fi ;;
    esac
    return 0
}

complete -F _lstudio lstudio
