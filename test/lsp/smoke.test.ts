import { expect, it } from "vitest";
import { ensureServerBuilt, LspClient } from "../support/lsp-client.js";
it("smoke", async () => {
  ensureServerBuilt();
  const client = await LspClient.start({});
  const uri = "file:///tmp/smoke.crm";
  client.open(uri, "#setLanguageLevel 4;\nNSContactAgent agent;\nNSContactEntity c = agent.GetContactEntityy(1);\nagent.\n");
  const d = await client.waitForDiagnostics(uri);
  console.log(JSON.stringify(d.diagnostics.map((x) => [x.code, x.message, x.range, x.codeDescription])));
  const completion = await client.request<{ items: { label: string; detail?: string }[] }>("textDocument/completion", { textDocument: { uri }, position: { line: 3, character: 6 } });
  console.log(completion.items.length, completion.items.slice(0, 5));
  const hover = await client.request("textDocument/hover", { textDocument: { uri }, position: { line: 2, character: 30 } });
  console.log(JSON.stringify(hover));
  console.log(client.logs);
  expect(await client.stop()).toBe(0);
});
