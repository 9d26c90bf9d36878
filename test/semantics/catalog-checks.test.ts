/**
 * Checks that come from catalog facts (spec §8, D9, D11, D12): NetServer
 * agents CRMScript cannot use, on-site-only API on SuperOffice Online, and
 * API newer than the target version; silent unless a platform or a target
 * version is configured.
 */
import { describe, it } from "vitest";
import { checkFixture } from "../support/check.js";

describe("unavailable NetServer agents (E15, D9)", () => {
  it("reports every agent spec §8 lists, wherever its name is used as a type", () => {
    checkFixture(`
  NSCRMScriptAgent scripts;
//^^^^^^^^^^^^^^^^ error unavailable-netserver-class: cannot use this NetServer agent
  NSEmailAgent mail;
//^^^^^^^^^^^^ error unavailable-netserver-class
  NSDatabaseAgent database;
//^^^^^^^^^^^^^^^ error unavailable-netserver-class
NSContactAgent contacts;
`);
  });
});

describe("platform (D11)", () => {
  const source = `
String listing = runProgram("dir");
//               ^^^^^^^^^^ error onsite-only-api: not available on SuperOffice Online
String other = runProgram("dir", "utf-8");
StatLib stats;
stats.setSql("select 1");
//    ^^^^^^ error onsite-only-api
`;

  it("reports on-site-only API when the platform is online", () => {
    checkFixture(source, { settings: { platform: "online" } });
  });

  it("says nothing without a platform, or on site", () => {
    const silent = source.replace(/^\/\/.*onsite-only-api.*$/gm, "");
    checkFixture(silent);
    checkFixture(silent, { settings: { platform: "onsite" } });
  });
});

describe("target version (D12)", () => {
  const source = `
HTTP http;
http.getAsStream("https://example.com");
//   ^^^^^^^^^^^ warning api-newer-than-target: appeared in SuperOffice 8.5R08; the target version is 8.0
Byte[] page = http.get("https://example.com");
NSAppointmentAgent agent;
NSAppointmentEntity appointment = agent.GetAppointmentFromUID("uid");
//                                      ^^^^^^^^^^^^^^^^^^^^^ warning api-newer-than-target
`;

  it("warns about methods newer than the target", () => {
    checkFixture(source, { settings: { targetVersion: "8.0" } });
  });

  it("says nothing for a recent target or none", () => {
    const silent = source.replace(/^\/\/.*api-newer-than-target.*$/gm, "");
    checkFixture(silent, { settings: { targetVersion: "10.2" } });
    checkFixture(silent);
  });

  it("warns about classes newer than the target", () => {
    checkFixture(
      `
  EventDataDialogDefinition dialog;
//^^^^^^^^^^^^^^^^^^^^^^^^^ warning api-newer-than-target: 10.1.9
`,
      { settings: { targetVersion: "10.1" } },
    );
  });
});
