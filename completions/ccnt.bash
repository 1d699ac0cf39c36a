# bash completion for ccnt, the China Carbon Neutrality Tracker tool.
# Install: source it from ~/.bashrc (source <(ccnt completion bash)), or copy it
# to /usr/share/bash-completion/completions/ccnt.
# The candidates come from `ccnt __complete`, which reads the registries of the
# data tree in use, so region and sector names stay true when schemas/ changes.

_ccnt() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local -a words=("${COMP_WORDS[@]:1:COMP_CWORD}")
  # After `--region=` bash has split off `=` as a word of its own: complete after it.
  [[ $cur == "=" ]] && { cur=""; words+=(""); }
  local program=${COMP_WORDS[0]}
  command -v -- "$program" >/dev/null 2>&1 || program=ccnt
  local output
  output=$("$program" __complete "${words[@]}" 2>/dev/null) || return 0
  COMPREPLY=()
  case $output in
    :files)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      ;;
    :dirs)
      compopt -o filenames 2>/dev/null
      mapfile -t COMPREPLY < <(compgen -d -- "$cur")
      ;;
    *)
      local line
      while IFS= read -r line; do
        [[ -n $line ]] && COMPREPLY+=("${line%%$'\t'*}")
      done <<<"$output"
      ;;
  esac
  return 0
}

complete -F _ccnt ccnt
