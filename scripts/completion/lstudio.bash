# bash completion for lstudio (also works in zsh after `autoload bashcompinit; bashcompinit`,
# though scripts/completion/_lstudio is the native zsh one).
#
#   source /path/to/lstudio/scripts/completion/lstudio.bash      # e.g. in ~/.bashrc
#
# Completes subcommands, options (each subcommand's own), *.groovy files where a script is
# expected, directories after --state-dir, and leaves the words after a script to the shell's
# file completion (they are the script's own arguments). Kept in step with `lstudio --help` by
# dev.lstudio.docs.CompletionScriptSpec.

_lstudio_global_opts='--teamspace --json --debug -q --quiet --emulator --lock --no-lock -h --help -V --version'
_lstudio_emulator_opts='--port --state-dir --user-id --api-key --username --teamspace --start-delay --stop-delay
  --switch-delay --fork-delay --detach-after --fault --seed --strict --no-teammate -v --verbose -h --help -V --version'
_lstudio_commands='run repl cleanup emulator'

# Options that take a value, so that the value is not taken for the script or a subcommand.
_lstudio_takes_value() {
    case $1 in
        --teamspace|-e|--port|--state-dir|--user-id|--api-key|--username|--start-delay|--stop-delay|\
        --switch-delay|--fork-delay|--detach-after|--fault|--seed|--host) return 0 ;;
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
        elif [[ $sub == emulator || $sub == repl || $sub == cleanup ]]; then
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
        -e|--teamspace|--port|--user-id|--api-key|--username|--fault|--seed|--host) return 0 ;;
        --start-delay|--stop-delay|--switch-delay|--fork-delay|--detach-after)
            COMPREPLY=($(compgen -W '0s 500ms 1s 2s 10s 1m' -- "$cur")); return 0 ;;
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
            COMPREPLY=($(compgen -W "--dry-run --host --all-hosts --yes $_lstudio_global_opts" -- "$cur")) ;;
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
