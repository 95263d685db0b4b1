// <webcallback-button>: a phone field, the callback options the page author allows, and the
// outcome in plain words. It sends with fetch (JSON mode) or as a form navigation with back.
import { ENDPOINT_PATH, type Region } from "@webcallback/core";
import { delayText, refusalText, TEXT, unknownCodeText } from "./button-text.js";
import { baseUrlOf, buildCallbackParams, checkCallback, createWebCallbackClient, type Method } from "./client.js";
import { WebCallbackAnswerError } from "./errors.js";
import type { CallbackInput } from "./input.js";
import type { CallbackRefused } from "./result.js";
import { knownCode, refused } from "./result.js";

/** Marks a back URL as this button's own (its id, or 1), so a return without ctl_error reads as success. */
export const SENT_MARK = "webcallback_sent";

/**
 * Offered choices when the page says nothing.
 * @default "now"
 */
export const DEFAULT_OPTIONS = "now";
/**
 * Delays offered for the "delay" option, in seconds.
 * @default "300"
 */
export const DEFAULT_DELAYS = "300";

const STYLE = `
:host{display:block;font:var(--webcallback-font,inherit);color:var(--webcallback-text,inherit)}
:host([hidden]),[hidden]{display:none!important}
form{display:grid;gap:var(--webcallback-gap,.5rem);max-width:var(--webcallback-max-width,22rem)}
input[type=tel]{font:inherit;padding:.4rem .5rem;border:1px solid var(--webcallback-border,#767676);border-radius:var(--webcallback-radius,.25rem)}
fieldset{border:0;margin:0;padding:0;display:grid;gap:.25rem}
legend{padding:0;margin-bottom:.25rem}
button{font:inherit;padding:.5rem 1rem;border:0;border-radius:var(--webcallback-radius,.25rem);background:var(--webcallback-accent,#0b57d0);color:var(--webcallback-accent-text,#fff);cursor:pointer}
button[disabled]{opacity:.6;cursor:not-allowed}
[aria-busy=true] button{cursor:progress}
:focus-visible{outline:2px solid var(--webcallback-focus,#0b57d0);outline-offset:2px}
[part~=outcome]:empty{display:none}
[data-state=accepted]{color:var(--webcallback-success,#146c2e)}
[data-state=refused]{color:var(--webcallback-error,#b3261e)}
`;

let counter = 0;

export class WebCallbackButton extends HTMLElement {
  static readonly observedAttributes = ["options", "delays"];
  private readonly root: ShadowRoot;
  private readonly form: HTMLFormElement;
  private readonly phone: HTMLInputElement;
  private readonly choices: HTMLFieldSetElement;
  private readonly submit: HTMLButtonElement;
  private readonly outcome: HTMLElement;
  /** Set once a request was accepted: the form then sends nothing more (a second call). */
  private done = false;

  constructor() {
    super();
    const id = `webcallback-${++counter}`;
    this.root = this.attachShadow({ mode: "open" });
    this.root.innerHTML = `<style>${STYLE}</style><form part="form" novalidate>
<label part="label" for="${id}-phone">${TEXT.phone}</label>
<input part="input" id="${id}-phone" name="phone" type="tel" autocomplete="tel" inputmode="tel" required aria-describedby="${id}-outcome">
<fieldset part="choices"><legend>${TEXT.when}</legend></fieldset>
<button part="button" type="submit">${TEXT.submit}</button>
<p part="outcome" id="${id}-outcome" tabindex="-1"></p>
</form>`;
    const $ = <T extends Element>(selector: string) => this.root.querySelector(selector) as T;
    this.form = $("form");
    this.phone = $("input");
    this.choices = $("fieldset");
    this.submit = $("button");
    this.outcome = $("p");
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.send();
    });
  }

  connectedCallback(): void {
    this.renderChoices();
    this.readReturn();
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.renderChoices();
  }

  private attr(name: string): string | undefined {
    return this.getAttribute(name)?.trim() || undefined;
  }

  /** One radio per allowed choice: now, each delay, when an agent is free; none when only one. */
  private renderChoices(): void {
    const options = (this.attr("options") ?? DEFAULT_OPTIONS).split(/[\s,]+/);
    const delays = (this.attr("delays") ?? DEFAULT_DELAYS)
      .split(/[\s,]+/)
      .map(Number)
      .filter((n) => n > 0);
    const choices: [value: string, label: string][] = [];
    if (options.includes("now")) choices.push(["now", TEXT.now]);
    if (options.includes("delay")) for (const d of delays) choices.push([`delay:${d}`, delayText(d)]);
    if (options.includes("agent")) choices.push(["agent", TEXT.agent]);
    const legend = this.choices.firstElementChild as HTMLLegendElement;
    this.choices.replaceChildren(legend);
    choices.forEach(([value, text], i) => {
      const label = document.createElement("label");
      const radio = document.createElement("input");
      Object.assign(radio, { type: "radio", name: "when", value, checked: i === 0 });
      label.append(radio, ` ${text}`);
      this.choices.append(label);
    });
    this.choices.hidden = choices.length < 2;
  }

  /** The request the visitor asked for, from the field and the chosen option. */
  private input(back?: string): CallbackInput {
    const when = (this.root.querySelector("input[name=when]:checked") as HTMLInputElement | null)?.value ?? "now";
    const common = { phone: this.phone.value.trim(), ...(back === undefined ? {} : { back }) };
    if (when === "agent") {
      const expiration = Number(this.attr("expiration") ?? 0);
      return { ...common, callbackType: 2, queueId: this.attr("queue-id") ?? "", ...(expiration > 0 ? { expiration } : {}) };
    }
    const delay = when.startsWith("delay:") ? Number(when.slice(6)) : 0;
    return { ...common, callbackType: 1, channelNumber: this.attr("channel-number") ?? "", ...(delay > 0 ? { callbackDelay: delay } : {}) };
  }

  private credentials() {
    return { tenant: this.attr("tenant") ?? "", token: this.attr("token") ?? "" };
  }

  private baseUrl(): { baseUrl: string } | { region: Region } {
    const region = this.attr("region");
    return region === undefined ? { baseUrl: this.attr("base-url") ?? location.origin } : { region: region as Region };
  }

  private async send(): Promise<void> {
    if (this.done || this.form.hasAttribute("aria-busy")) return;
    const navigate = this.attr("mode") === "navigate";
    const back = navigate ? this.backUrl() : undefined;
    const input = this.input(back);
    const local = checkCallback(input);
    if (local !== undefined) {
      this.showRefused(local);
      return;
    }
    const method = (this.attr("method")?.toUpperCase() as Method | undefined) ?? undefined;
    if (navigate) {
      this.navigate(input, method ?? "POST");
      return;
    }
    this.show("", TEXT.sending);
    this.submit.disabled = true;
    this.form.setAttribute("aria-busy", "true");
    try {
      const client = createWebCallbackClient({ ...this.baseUrl(), ...this.credentials(), ...(method ? { method } : {}) });
      const result = await client.requestCallback(input);
      if (result.ok) this.showAccepted(result.interactionGuid);
      else this.showRefused(result);
    } catch (error) {
      this.show("refused", error instanceof WebCallbackAnswerError ? TEXT.unconfirmed : TEXT.unreachable);
      this.outcome.focus();
    } finally {
      this.submit.disabled = this.done;
      this.form.removeAttribute("aria-busy");
    }
  }

  /** This page without the parameters a previous return added, marked as the button's own. */
  private backUrl(): string {
    const url = new URL(this.attr("back") ?? location.href);
    for (const name of ["ctl_error", "ctl_interaction_guid", SENT_MARK]) url.searchParams.delete(name);
    url.searchParams.set(SENT_MARK, this.id || "1");
    url.hash = this.id ? this.id : "";
    return url.href;
  }

  /** A plain form submission: the server answers with a redirect back to this page. */
  private navigate(input: CallbackInput, method: Method): void {
    const form = document.createElement("form");
    form.action = `${baseUrlOf(this.baseUrl())}${ENDPOINT_PATH}`;
    form.method = method.toLowerCase();
    form.hidden = true;
    for (const [name, value] of buildCallbackParams(this.credentials(), input)) {
      const field = document.createElement("input");
      Object.assign(field, { type: "hidden", name, value });
      form.append(field);
    }
    this.root.append(form);
    form.submit();
  }

  /** After a navigation: the server sent the visitor back here with the outcome in the query. */
  private readReturn(): void {
    const params = new URLSearchParams(location.search);
    if (params.get(SENT_MARK) !== (this.id || "1")) return;
    const text = params.get("ctl_error");
    const code = knownCode(text ?? undefined);
    if (text === null) this.showAccepted(params.get("ctl_interaction_guid") ?? undefined);
    else if (code === undefined) {
      this.show("refused", unknownCodeText(text));
      this.outcome.focus();
    } else this.showRefused(refused(code));
  }

  private show(state: "" | "accepted" | "refused", text: string): void {
    this.outcome.dataset.state = state;
    this.outcome.textContent = text;
  }

  private showAccepted(guid: string | undefined): void {
    this.show("accepted", guid ? `${TEXT.accepted} ${TEXT.reference} ${guid}` : TEXT.accepted);
    this.phone.removeAttribute("aria-invalid");
    // Accepted once is enough: every control stays disabled, so no click or Enter sends it again.
    this.done = true;
    for (const control of this.form.elements) if ("disabled" in control) control.disabled = true;
    // The outcome is no live region: focus moving to it is what announces it, once.
    this.outcome.focus();
    this.dispatchEvent(new CustomEvent("webcallback-accepted", { bubbles: true, composed: true, detail: { interactionGuid: guid } }));
  }

  private showRefused(failure: CallbackRefused): void {
    this.show("refused", refusalText(failure));
    const phoneProblem = failure.ctlError === 17;
    if (phoneProblem) this.phone.setAttribute("aria-invalid", "true");
    else this.phone.removeAttribute("aria-invalid");
    // Back to the field the visitor can fix, which names the message as its description (blurred
    // first, so a field that had focus is announced again); otherwise to the message itself.
    if (phoneProblem) this.phone.blur();
    (phoneProblem ? this.phone : this.outcome).focus();
    this.dispatchEvent(new CustomEvent("webcallback-refused", { bubbles: true, composed: true, detail: failure }));
  }
}
