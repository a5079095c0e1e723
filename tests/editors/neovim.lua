-- Neovim as the editor of a grille file, run headless by
-- tests/it/editors.rs: `nvim --headless --clean -c "luafile neovim.lua"`
-- with GRILLE (the binary), FILE (the file to edit) and OUT (where to write
-- what Neovim got). Uses the client API of Neovim 0.7 and later.
local grille, file, out = os.getenv("GRILLE"), os.getenv("FILE"), os.getenv("OUT")
local lines = {}
local function say(...)
  table.insert(lines, table.concat({ ... }, " "))
end
local function finish()
  vim.fn.writefile(lines, out)
  vim.cmd("qall!")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = "grille",
  cmd = { grille, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
})
vim.lsp.buf_attach_client(buf, id)

-- Waits for the file's diagnostics to be `count` in number.
local function diagnostics(count)
  vim.wait(10000, function()
    return #vim.diagnostic.get(buf) == count
  end, 20)
  say("diagnostics", #vim.diagnostic.get(buf))
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    say("diagnostic", d.lnum .. ":" .. d.col, tostring(d.code or (d.user_data and d.user_data.lsp.code)), (d.message:gsub("\n", " | ")))
  end
end

local function request(method, params)
  local answers = vim.lsp.buf_request_sync(buf, method, params, 10000) or {}
  local answer = answers[id] or {}
  if answer.err then
    say("error", method, answer.err.message)
  end
  return answer.result
end

local function at(line, character)
  return { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = line, character = character } }
end

-- The typo of the file, its diagnostic and the quick fix.
diagnostics(1)
local d = vim.diagnostic.get(buf)[1]
if not d then
  say("no diagnostic")
  return finish()
end
local actions = request("textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
  context = { diagnostics = { d.user_data.lsp } },
}) or {}
say("actions", #actions, actions[1] and actions[1].title or "")
if actions[1] then
  -- Applied by Neovim: the buffer changes and Neovim sends the change.
  vim.lsp.util.apply_workspace_edit(actions[1].edit, "utf-16")
end
diagnostics(0)
say("line", d.lnum, vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, false)[1])

-- Hover and definition where the fixed id is used.
local hover = request("textDocument/hover", at(d.lnum, d.col))
say("hover", hover and (hover.contents.value:gsub("\n", " | ")) or "none")
local definition = request("textDocument/definition", at(d.lnum, d.col))
say("definition", definition and (definition.range.start.line .. ":" .. definition.range.start.character) or "none")

-- Typing in the buffer: incremental changes, a new diagnostic, then none.
vim.api.nvim_buf_set_text(buf, d.lnum, d.col, d.lnum, d.col, { "X" })
diagnostics(1)
vim.api.nvim_buf_set_text(buf, d.lnum, d.col, d.lnum, d.col + 1, {})
diagnostics(0)

-- Completion where the id is: the ids, with their labels.
local completion = request("textDocument/completion", at(d.lnum, d.col)) or {}
local labels = {}
for _, item in ipairs(completion.items or completion) do
  table.insert(labels, item.label)
end
say("completion", table.concat(labels, ","))

-- Formatting: Neovim applies the server's edits to the buffer.
if vim.lsp.buf.format then
  vim.lsp.buf.format({ async = false, timeout_ms = 10000 })
else
  vim.lsp.buf.formatting_sync(nil, 10000)
end
vim.cmd("write")
say("formatted")
vim.lsp.stop_client(id)
vim.wait(5000, function()
  return vim.lsp.get_client_by_id(id) == nil
end, 20)
say("stopped", tostring(vim.lsp.get_client_by_id(id) == nil))
finish()
