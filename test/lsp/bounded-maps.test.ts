/**
 * The server's maps keyed by document or file stay bounded: the URI map
 * forgets a document when it closes and keeps at most a few thousand URIs
 * of other files (least recently used go first), so opening and closing
 * thousands of documents, or thousands of file events, leave it small.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from "vscode-languageserver-protocol";
import { MAX_REMEMBERED_URIS } from "../../server/lsp/limits.js";
import { UriMap } from "../../server/lsp/uris.js";
import { LspClient } from "../support/lsp-client.js";

describe("the URI map", () => {
  it("gives back the client's spelling of a URI, and a file URI for a path it never saw", () => {
    const uris = new UriMap();
    const path = uris.toPath("file:///C%3A/Scripts/Main.crm");
    expect(uris.toUri(path)).toBe("file:///C%3A/Scripts/Main.crm");
    expect(uris.toUri("/elsewhere/lib.crm")).toBe("file:///elsewhere/lib.crm");
    expect(uris.toPath("untitled:Untitled-1")).toBe("/untitled/Untitled-1");
    expect(uris.toUri("/untitled/Untitled-1")).toBe("untitled:Untitled-1");
  });

  it("keeps the most recently used URIs of files that are not open, up to its limit", () => {
    const uris = new UriMap(3);
    for (const name of ["a", "b", "c"]) uris.toPath(`untitled:${name}`);
    uris.toUri("/untitled/a");
    uris.toPath("untitled:d");
    expect(uris.size).toBe(3);
    expect(uris.toUri("/untitled/a")).toBe("untitled:a");
    expect(uris.toUri("/untitled/b")).toBe("file:///untitled/b");
  });

  it("keeps open documents' URIs beyond the limit until they close", () => {
    const uris = new UriMap(2);
    for (let index = 0; index < 5; index++) uris.opened(`untitled:open${index}`);
    for (let index = 0; index < 5; index++) uris.toPath(`untitled:other${index}`);
    expect(uris.size).toBe(7);
    expect(uris.toUri("/untitled/open0")).toBe("untitled:open0");
    for (let index = 0; index < 5; index++) uris.closed(`untitled:open${index}`);
    expect(uris.size).toBe(2);
    expect(uris.toUri("/untitled/open0")).toBe("file:///untitled/open0");
  });
});

describe("a server that opened and closed thousands of documents", () => {
  let client: LspClient;

  beforeAll(async () => {
    client = await LspClient.startInProcess();
  });

  afterAll(async () => {
    await client?.stop();
  });

  /** Waits until the server has handled every notification sent so far (it handles messages in order). */
  const settled = (uri: string): Promise<unknown> => client.request("textDocument/foldingRange", { textDocument: { uri } });

  it("remembers only the documents still open", async () => {
    const kept = "untitled:Kept";
    client.open(kept, "#setLanguageLevel 4;\nInteger kept = 1;\n");
    for (let index = 0; index < 3000; index++) {
      const uri = index % 2 === 0 ? `untitled:Untitled-${index}` : `file:///tmp/crmscript-bounded/script${index}.crm`;
      client.open(uri, `#setLanguageLevel 4;\nInteger n${index} = ${index};\n`);
      client.close(uri);
    }
    await settled(kept);
    const server = client.server;
    if (server === undefined) throw new Error("no server state");
    expect([...server.documents.all()].map((open) => open.uri)).toEqual([kept]);
    expect(server.uris.size).toBe(1);
  });

  it("keeps at most its limit of URIs of files that changed on disk", async () => {
    const changes: FileEvent[] = Array.from({ length: MAX_REMEMBERED_URIS + 2000 }, (_, index) => ({
      uri: `file:///tmp/crmscript-bounded/changed${index}.crm`,
      type: FileChangeType.Changed,
    }));
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    await settled("untitled:Kept");
    expect(client.server?.uris.size).toBeLessThanOrEqual(MAX_REMEMBERED_URIS + 1);
  });
});
