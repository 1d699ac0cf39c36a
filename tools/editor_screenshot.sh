#!/usr/bin/env bash
# Makes docs/images/editor-completion.png, the screenshot of docs/editors.md: Neovim's own LSP
# client (Debian's neovim 0.7) talking to yaml-language-server (tests/editor, installed by
# tools/bootstrap.sh), in an xterm on a virtual X display, on a copy of the bundled data tree.
# In a new policy file, after typing `region: 浙`, omni completion (Ctrl-X Ctrl-O) lists what
# the editor schema offers, Ctrl-N chooses 浙江 (its description shows in the preview window at
# the top); the screen is then captured with ImageMagick's `import`.
# Needs (not installed by bootstrap.sh, which installs what the build and the tests need):
#   apt-get install xvfb xterm neovim fonts-wqy-microhei imagemagick
# Usage: tools/editor_screenshot.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
source_dir=$PWD
out=${1:-$source_dir/docs/images/editor-completion.png}
server=$source_dir/tests/editor/node_modules/yaml-language-server/bin/yaml-language-server
for program in Xvfb xterm nvim import node; do
  command -v "$program" >/dev/null || { echo "editor_screenshot: $program is not installed" >&2; exit 1; }
done
[[ -e $server ]] || { echo "editor_screenshot: run tools/bootstrap.sh first ($server)" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'kill "${xvfb_pid:-0}" 2>/dev/null || true; rm -rf "$scratch"' EXIT
cp -a policies schemas bulletins "$scratch/"
file=$scratch/policies/zhejiang/industry/zhejiang-energy-conservation-2023.yaml
printf '%s\n' \
  '# yaml-language-server: $schema=../../../schemas/policy.editor.schema.json' \
  'id: zhejiang-energy-conservation-2023' \
  'title: 浙江省节能减排工作方案' \
  'level: provincial' \
  'region: 浙' > "$file"

cat > "$scratch/init.lua" <<LUA
vim.o.termguicolors = false
vim.o.completeopt = "menuone,preview"
vim.o.previewheight = 3
vim.o.number = true
local client = vim.lsp.start_client({
  name = "yaml-language-server",
  cmd = { "node", "$server", "--stdio" },
  root_dir = "$scratch",
  settings = { yaml = { validate = true, completion = true, hover = true,
                        schemaStore = { enable = false } } },
})
vim.api.nvim_create_autocmd("FileType", { pattern = "yaml", callback = function(args)
  vim.lsp.buf_attach_client(args.buf, client)
  vim.bo[args.buf].omnifunc = "v:lua.vim.lsp.omnifunc"
end })
-- Once the server has read the schema: append at the end of the last line, ask for completion.
vim.defer_fn(function()
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("GA<C-x><C-o>", true, false, true), "n", false)
end, 4000)
-- Then move to the second item, 浙江, as a person choosing it would (Ctrl-N).
vim.defer_fn(function()
  vim.api.nvim_feedkeys(vim.api.nvim_replace_termcodes("<C-n>", true, false, true), "n", false)
end, 6000)
LUA

display=:97
Xvfb "$display" -screen 0 900x420x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
DISPLAY=$display xterm -geometry 90x18+0+0 -fa "WenQuanYi Micro Hei Mono" -fs 13 \
  -bg white -fg black -e nvim --clean -u "$scratch/init.lua" "$file" 2>/dev/null &
sleep 8
DISPLAY=$display import -window root -crop 900x420+0+0 "$out"
echo "wrote $out"
