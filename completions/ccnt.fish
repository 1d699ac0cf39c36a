# fish completion for ccnt, the China Carbon Neutrality Tracker tool.
# Install: ccnt completion fish > ~/.config/fish/completions/ccnt.fish
# The candidates come from `ccnt __complete`, which reads the registries of the
# data tree in use, so region and sector names stay true when schemas/ changes.

function __ccnt_complete
    set -l tokens (commandline -opc)
    set -l current (commandline -ct)
    set -l output ($tokens[1] __complete $tokens[2..-1] "$current" 2>/dev/null)
    switch "$output[1]"
        case :files
            __fish_complete_path "$current"
        case :dirs
            __fish_complete_directories "$current"
        case '*'
            printf '%s\n' $output
    end
end

complete -c ccnt -f -a '(__ccnt_complete)'
