-- Headless Neovim as a real LSP client of crmscript-language-server (Neovim 0.7 and later).
-- Usage: nvim --headless -n -i NONE -u neovim-client.lua FILE.crm
-- Env: CRMSCRIPT_SERVER (the server executable), COMPLETE_AFTER (text after which to complete),
--      HOVER_ON (a word to hover). Writes one JSON object to stdout and exits 0 when all three answered.
local server = os.getenv('CRMSCRIPT_SERVER')
local complete_after = os.getenv('COMPLETE_AFTER')
local hover_on = os.getenv('HOVER_ON')
local version = vim.version()
local result = { nvim = version.major .. '.' .. version.minor .. '.' .. version.patch }
local started = vim.loop.hrtime()
local function elapsed() return math.floor((vim.loop.hrtime() - started) / 1e6) end

local function finish(ok, err)
  result.ok = ok
  result.error = err
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

-- The position (0-based line, UTF-16 column) just after the first occurrence of text, or at its start.
local function position_of(buf, text, after)
  for line, content in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local column = content:find(text, 1, true)
    if column then return { line = line - 1, character = column - 1 + (after and #text or 0) } end
  end
end

vim.cmd('autocmd BufRead,BufNewFile *.crm,*.crmscript setfiletype crmscript')

local function run()
  local buf = vim.api.nvim_get_current_buf()
  if vim.bo[buf].filetype ~= 'crmscript' then return finish(false, 'filetype is not crmscript') end
  local config = { name = 'crmscript', cmd = { server, '--stdio' }, root_dir = vim.fn.getcwd() }
  local client_id
  if vim.lsp.start then
    client_id = vim.lsp.start(config)
  else
    client_id = vim.lsp.start_client(config)
    if client_id then vim.lsp.buf_attach_client(buf, client_id) end
  end
  if not client_id then return finish(false, 'the client did not start') end

  if not vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) then
    return finish(false, 'no diagnostics within 30 s')
  end
  result.diagnostics_ms = elapsed()
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, { line = d.lnum, col = d.col, severity = d.severity, message = d.message, source = d.source,
      code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or nil })
  end

  local uri = vim.uri_from_bufnr(buf)
  local completion, err = vim.lsp.buf_request_sync(buf, 'textDocument/completion',
    { textDocument = { uri = uri }, position = position_of(buf, complete_after, true) }, 15000)
  if not completion then return finish(false, 'completion failed: ' .. tostring(err)) end
  result.completion = {}
  for _, response in pairs(completion) do
    local items = response.result and (response.result.items or response.result) or {}
    for _, item in ipairs(items) do table.insert(result.completion, item.label) end
  end

  local hover = vim.lsp.buf_request_sync(buf, 'textDocument/hover',
    { textDocument = { uri = uri }, position = position_of(buf, hover_on, false) }, 15000)
  for _, response in pairs(hover or {}) do
    if response.result and response.result.contents then result.hover = response.result.contents.value or response.result.contents end
  end
  result.total_ms = elapsed()
  if #result.completion == 0 then return finish(false, 'no completion items') end
  if not result.hover then return finish(false, 'no hover') end
  finish(true)
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
