-- Headless Neovim formatting CRMScript through crmscript-language-server (Neovim 0.7 and later).
-- Usage: nvim --headless -n -i NONE -u neovim-format.lua MESSY.crm BROKEN.crm
-- Env: CRMSCRIPT_SERVER (the server executable). Indents with tabs of 8 (shiftwidth, tabstop, noexpandtab),
-- which the server must ignore, formats the first file with vim.lsp.buf.format() (formatting_sync() before
-- Neovim 0.8) and writes it, then formats the second, which has a syntax error. Writes one JSON object to
-- stdout: the formatting options Neovim sends, the lines of both buffers afterwards and the messages the
-- server showed; exits 0 when both requests were answered.
local server = os.getenv('CRMSCRIPT_SERVER')
local version = vim.version()
local result = { nvim = version.major .. '.' .. version.minor .. '.' .. version.patch, shown = {} }

local function finish(ok, err)
  result.ok = ok
  result.error = err
  io.stdout:write(vim.fn.json_encode(result) .. '\n')
  vim.cmd(ok and 'qall!' or 'cquit! 1')
end

vim.cmd('autocmd BufRead,BufNewFile *.crm setfiletype crmscript')
-- What the server shows the user, kept instead of printed.
vim.lsp.handlers['window/showMessage'] = function(_, message) table.insert(result.shown, message.message) end

local function format_buffer()
  vim.bo.shiftwidth = 8
  vim.bo.tabstop = 8
  vim.bo.expandtab = false
  -- What the requests below send as their options.
  local options = vim.lsp.util.make_formatting_params().options
  result.options = { tabSize = options.tabSize, insertSpaces = options.insertSpaces }
  if vim.lsp.buf.format then
    result.api = 'vim.lsp.buf.format'
    vim.lsp.buf.format({ timeout_ms = 15000 })
  else
    result.api = 'vim.lsp.buf.formatting_sync'
    vim.lsp.buf.formatting_sync(nil, 15000)
  end
end

local function run()
  local config = { name = 'crmscript', cmd = { server, '--stdio' }, root_dir = vim.fn.getcwd() }
  local client_id = vim.lsp.start_client(config)
  if not client_id then return finish(false, 'the client did not start') end
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.buf_attach_client(0, client_id)
  if not vim.wait(30000, function() return client.initialized end, 50) then return finish(false, 'not initialized within 30 s') end

  format_buffer()
  result.formatted = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  vim.cmd('write')

  vim.cmd('next')
  if vim.bo.filetype ~= 'crmscript' then return finish(false, 'filetype is not crmscript') end
  vim.lsp.buf_attach_client(0, client_id)
  format_buffer()
  result.broken = vim.api.nvim_buf_get_lines(0, 0, -1, false)
  -- The warning arrives as a notification with the (empty) answer.
  vim.wait(5000, function() return #result.shown > 0 end, 50)
  finish(true)
end

vim.api.nvim_create_autocmd('VimEnter', { callback = function() vim.schedule(run) end })
