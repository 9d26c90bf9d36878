/**
 * SuperOffice in VS Code's Accounts menu: an authentication provider whose
 * sessions are the stored sign-ins, one per profile, so that several
 * tenants (and environments) are signed in side by side. Signing in runs
 * the browser sign-in (`sign-in.ts`); signing out forgets the profile's
 * tokens. Changes made by other windows reach it through SecretStorage's
 * change event.
 */
import * as vscode from "vscode";
import { logout, type StoredSignIn } from "../../server/tenant/auth/index.js";
import { showTenantError } from "./errors.js";
import { accountLabel } from "./labels.js";
import type { SecretTokenStore } from "./secret-token-store.js";
import { interactiveSignIn } from "./sign-in.js";

export const AUTH_PROVIDER_ID = "superoffice";
export const AUTH_PROVIDER_LABEL = "SuperOffice";
/** The scope every sign-in is made with (SuperId's `openid`); a request for a session names it too. */
export const SESSION_SCOPES: readonly string[] = ["openid"];

function sessionOf(profile: string, signIn: StoredSignIn): vscode.AuthenticationSession {
  return { id: profile, accessToken: signIn.accessToken, account: { id: profile, label: accountLabel(signIn) }, scopes: SESSION_SCOPES };
}

export class SuperOfficeAuthProvider implements vscode.AuthenticationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.AuthenticationProviderAuthenticationSessionsChangeEvent>();
  readonly onDidChangeSessions = this.changed.event;
  /** The sessions last reported, to tell what changed. */
  private known = new Map<string, vscode.AuthenticationSession>();

  constructor(
    private readonly store: SecretTokenStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async getSessions(): Promise<vscode.AuthenticationSession[]> {
    const sessions: vscode.AuthenticationSession[] = [];
    for (const profile of await this.store.profiles()) {
      const signIn = await this.store.get(profile);
      if (signIn !== undefined) sessions.push(sessionOf(profile, signIn));
    }
    return sessions;
  }

  /** Signs in; a failure is shown here (VS Code's callers are told only that it did not happen). */
  async createSession(): Promise<vscode.AuthenticationSession> {
    try {
      const { profile, signIn } = await interactiveSignIn(this.store, this.log);
      await this.storeChanged();
      return sessionOf(profile, signIn);
    } catch (error) {
      void showTenantError("Sign-in", error, this.log);
      throw new vscode.CancellationError();
    }
  }

  async removeSession(sessionId: string): Promise<void> {
    if (await logout(this.store, sessionId)) this.log.info(`Signed out of profile ${sessionId}`);
    await this.storeChanged();
  }

  /** Takes note of the stored sessions without reporting them (at start). */
  async load(): Promise<void> {
    this.known = new Map((await this.getSessions()).map((session) => [session.id, session]));
  }

  /** Tells VS Code which sessions were added, removed or changed since it was last told. */
  async storeChanged(): Promise<void> {
    const now = new Map((await this.getSessions()).map((session) => [session.id, session]));
    const added = [...now.values()].filter((session) => !this.known.has(session.id));
    const removed = [...this.known.values()].filter((session) => !now.has(session.id));
    const changed = [...now.values()].filter((session) => {
      const before = this.known.get(session.id);
      return before !== undefined && (before.accessToken !== session.accessToken || before.account.label !== session.account.label);
    });
    this.known = now;
    if (added.length + removed.length + changed.length > 0) this.changed.fire({ added, removed, changed });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
