// <webcallback-button> in real Chromium (Debian's `chromium`, driven by playwright-core):
// a page of the partner-site example embeds the button; the test types a phone number,
// clicks, and sees the outcome; the call is looked up in GET /sim/calls. Screenshots of each
// state go to test-results/. Without Chromium the tests are skipped, except under CI=true.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CATALOGUE } from "@webcallback/core";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Site, startPartnerSite } from "../../../examples/partner-site/serve.ts";
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, HAS_CHROMIUM } from "../../../test/support/chromium.ts";
import { REPO_ROOT, type ServerProcess, startServer } from "../../../test/support/server-process.ts";
import { expectCustomerCall } from "../../../test/support/sim-calls.ts";

const SCREENSHOTS = join(REPO_ROOT, "test-results");
const PHONE = "16505551212";
const hasChromium = HAS_CHROMIUM;
const MISSING = CHROMIUM_MISSING;

/** What the tests use of an HTMLFormElement (the test's types have no DOM). */
interface FormLike {
  readonly elements: Iterable<{ readonly disabled?: boolean }>;
  requestSubmit(): void;
}

/** A page like the example's, with a token the server refuses. */
const WRONG_TOKEN_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>wrong token</title>
<script type="module" src="/webcallback-button.js"></script></head><body><main>
<webcallback-button id="fetch-button" base-url="http://127.0.0.1:8080" tenant="Acme" token="not-the-token"
  channel-number="18006661212"></webcallback-button>
<webcallback-button id="navigate-button" mode="navigate" base-url="http://127.0.0.1:8080" tenant="Acme" token="not-the-token"
  channel-number="18006661212"></webcallback-button>
</main></body></html>`;

if (!hasChromium) {
  if (process.env.CI === "true") {
    it("Chromium is installed for the browser test", () => {
      expect.fail(MISSING);
    });
  } else {
    console.warn(`button-browser.test.ts skipped: ${MISSING}`);
  }
}

describe.skipIf(!hasChromium)("<webcallback-button> in Chromium", () => {
  let server: ServerProcess;
  let site: Site;
  let profile: string;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startServer();
    site = await startPartnerSite({ port: 0, api: server.url, extraPages: { "/wrong-token.html": WRONG_TOKEN_PAGE } });
    profile = await mkdtemp(join(tmpdir(), "wc-chromium-"));
    await mkdir(SCREENSHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 30_000,
    });
  });

  afterAll(async () => {
    await context?.close();
    await site?.close();
    await server?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    // The page and the API are both on loopback; nothing else may be asked for.
    await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => route.abort());
    await page.goto(`${site.url}${path}`);
    return page;
  }

  // The outcome is announced by the focus moving to it, so it is no live region (no role=status).
  const outcomeOf = (page: Page, id: string) => page.locator(`#${id}`).locator("[part~=outcome]");
  const isFocused = (locator: Locator) => locator.evaluate((el) => el === el.getRootNode().activeElement);

  /** Every request the page sends to the callback endpoint. */
  function endpointRequests(page: Page): string[] {
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().startsWith(`${server.url}/SC/webcallback.php`)) sent.push(request.method());
    });
    return sent;
  }

  /** Whether each control of the button's form (field, choices, submit) is disabled. */
  const controlsDisabled = (button: Locator) =>
    button.locator("form").evaluate((form) => [...(form as unknown as FormLike).elements].map((el) => el.disabled === true));

  it("fetch mode: a phone number, a click, the success message and the call", async () => {
    const page = await open("/button.html");
    const button = page.locator("#fetch-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    await button.getByRole("radio", { name: "Now" }).check();
    await button.getByRole("button", { name: "Call me back" }).click();
    const outcome = outcomeOf(page, "fetch-button");
    await expect.poll(() => outcome.textContent(), { timeout: 10_000 }).toMatch(/^Thank you\. We will call you back\./);
    await expect.poll(() => isFocused(outcome)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "webcallback-button-accepted.png") });
    const guid = /Your reference: (\S+)$/.exec((await outcome.textContent()) ?? "")?.[1] ?? "";
    await expectCustomerCall(server.url, guid, PHONE);
    await page.close();
  });

  it("fetch mode with a wrong token: the error in plain words", async () => {
    const page = await open("/wrong-token.html");
    const button = page.locator("#fetch-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    await button.getByRole("button", { name: "Call me back" }).click();
    const outcome = outcomeOf(page, "fetch-button");
    await expect.poll(() => outcome.textContent(), { timeout: 10_000 }).toContain(CATALOGUE[3].message);
    expect(await outcome.textContent()).toBe(`Sorry, we could not take your request. ${CATALOGUE[3].message} (error 3)`);
    await page.screenshot({ path: join(SCREENSHOTS, "webcallback-button-refused.png") });
    await page.close();
  });

  it("a phone number the server would refuse is stopped in the page, with focus back on the field", async () => {
    const page = await open("/button.html");
    const button = page.locator("#fetch-button");
    const field = button.getByLabel("Your phone number");
    await field.fill("12345678901234567");
    await button.getByRole("button", { name: "Call me back" }).click();
    await expect.poll(() => outcomeOf(page, "fetch-button").textContent()).toContain(CATALOGUE[17].message);
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    expect(await field.evaluate((el) => el === el.getRootNode().activeElement)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, "webcallback-button-phone.png") });
    await page.close();
  });

  it("navigate mode: the form goes to the API, which sends the visitor back to the outcome", async () => {
    const page = await open("/button.html");
    const button = page.locator("#navigate-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    await button.getByRole("radio", { name: "In 5 minutes" }).check();
    await Promise.all([page.waitForURL(/webcallback_sent=navigate-button/), button.getByRole("button", { name: "Call me back" }).click()]);
    await expect.poll(() => outcomeOf(page, "navigate-button").textContent()).toBe("Thank you. We will call you back.");
    await page.screenshot({ path: join(SCREENSHOTS, "webcallback-button-navigate-accepted.png") });

    const refused = await open("/wrong-token.html");
    const other = refused.locator("#navigate-button");
    await other.getByLabel("Your phone number").fill(PHONE);
    await Promise.all([refused.waitForURL(/ctl_error=3/), other.getByRole("button", { name: "Call me back" }).click()]);
    await expect.poll(() => outcomeOf(refused, "navigate-button").textContent()).toContain(CATALOGUE[3].message);
    await refused.screenshot({ path: join(SCREENSHOTS, "webcallback-button-navigate-refused.png") });
    await page.close();
    await refused.close();
  });

  it("fetch mode: once accepted, the form sends nothing more (the visitor is called once)", async () => {
    const page = await open("/button.html");
    const sent = endpointRequests(page);
    const button = page.locator("#fetch-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    await button.getByRole("button", { name: "Call me back" }).click();
    const outcome = outcomeOf(page, "fetch-button");
    await expect.poll(() => outcome.textContent(), { timeout: 10_000 }).toMatch(/^Thank you\. We will call you back\./);
    // Announced once: by focus, and not again by a live region.
    await expect.poll(() => isFocused(outcome)).toBe(true);
    expect(await outcome.getAttribute("role")).toBeNull();
    expect(await outcome.getAttribute("aria-live")).toBeNull();
    expect(await controlsDisabled(button)).not.toContain(false);
    expect(await button.getByLabel("Your phone number").inputValue()).toBe(PHONE);
    // A click on the disabled button, and a submit the page forces: neither sends.
    await button.getByRole("button", { name: "Call me back" }).click({ force: true });
    await button.locator("form").evaluate((form) => (form as unknown as FormLike).requestSubmit());
    await page.waitForTimeout(500);
    expect(sent).toEqual(["POST"]);
    expect(await outcome.textContent()).toMatch(/^Thank you\. We will call you back\./);
    await page.close();
  });

  it("fetch mode: a second submit while the first is under way sends nothing", async () => {
    const page = await open("/button.html");
    const sent = endpointRequests(page);
    const button = page.locator("#fetch-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    // Enter in the field submits too; the first request is still on its way when the second comes.
    await button.locator("form").evaluate((form) => {
      (form as unknown as FormLike).requestSubmit();
      (form as unknown as FormLike).requestSubmit();
    });
    await expect.poll(() => outcomeOf(page, "fetch-button").textContent(), { timeout: 10_000 }).toMatch(/^Thank you/);
    expect(sent).toEqual(["POST"]);
    await page.close();
  });

  it("fetch mode: an answer that cannot be read does not invite a resend", async () => {
    const page = await open("/button.html");
    // A 202 whose body is not JSON: the request may be in, so \"try again\" could call twice.
    await page.route(`${server.url}/SC/webcallback.php`, (route) =>
      route.fulfill({
        status: 202,
        headers: { "content-type": "application/json", "access-control-allow-origin": site.url },
        body: "{acc",
      }),
    );
    const button = page.locator("#fetch-button");
    await button.getByLabel("Your phone number").fill(PHONE);
    await button.getByRole("button", { name: "Call me back" }).click();
    const outcome = outcomeOf(page, "fetch-button");
    await expect.poll(() => outcome.textContent(), { timeout: 10_000 }).not.toBe("Sending your request…");
    expect(await outcome.textContent()).toBe(
      "We could not confirm your request; it may have been received. Please wait for our call before asking again.",
    );
    await page.close();
  });

  it("navigate mode: back with success, the form is disabled too", async () => {
    const page = await open("/button.html?webcallback_sent=navigate-button");
    const button = page.locator("#navigate-button");
    const outcome = outcomeOf(page, "navigate-button");
    await expect.poll(() => outcome.textContent()).toBe("Thank you. We will call you back.");
    expect(await controlsDisabled(button)).not.toContain(false);
    expect(await isFocused(outcome)).toBe(true);
    await page.close();
  });

  it.each([
    { given: "999", shown: "999" },
    { given: "abc", shown: "abc" },
    { given: "19x", shown: "19x" },
    { given: "<img src=x onerror=alert(1)>", shown: "<img src=x onerr…" },
  ])("navigate mode: back with an unknown ctl_error $given, named as returned", async ({ given, shown }) => {
    const page = await open(`/button.html?webcallback_sent=navigate-button&ctl_error=${encodeURIComponent(given)}`);
    const button = page.locator("#navigate-button");
    const outcome = outcomeOf(page, "navigate-button");
    const want = `Sorry, we could not take your request. The service answered with an unknown error code (error ${shown}).`;
    await expect.poll(() => outcome.textContent()).toBe(want);
    expect(await outcome.textContent()).not.toContain("error 19)");
    // Text only: nothing of the code became markup.
    expect(await outcome.evaluate((el) => el.children.length)).toBe(0);
    // Not a success: the visitor may try again.
    expect(await controlsDisabled(button)).not.toContain(true);
    await page.close();
  });

  it.each([
    { given: "constructor" },
    { given: "__proto__" },
    { given: "toString" },
    { given: "hasOwnProperty" },
    { given: "999" },
    { given: "abc" },
    { given: "03" },
  ])("the result page names an unknown ctl_error $given as given", async ({ given }) => {
    const page = await open(`/result.html?ctl_error=${encodeURIComponent(given)}`);
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe(`Sorry, we could not take your request. The service answered with an unknown error code (error ${given}).`);
    await page.close();
  });

  it("the result page reads the code the API appended last", async () => {
    const page = await open("/result.html?ctl_error=1&ctl_error=13");
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe(`Sorry, we could not take your request. ${CATALOGUE[13].message} (error 13)`);
    await page.close();
  });

  it("the plain HTML form, no script: the result page reads ctl_error", async () => {
    const page = await open("/");
    // Letters pass the browser's own check of a tel field; the API refuses them (17) and sends the visitor back.
    await page.getByLabel("Your phone number").fill("call me");
    await Promise.all([page.waitForURL(/result\.html\?ctl_error=17/), page.getByRole("button", { name: "Call me back" }).click()]);
    await expect.poll(() => page.getByRole("status").textContent()).toContain(CATALOGUE[17].message);
    await page.goto(`${site.url}/`);
    await page.getByLabel("Your phone number").fill(PHONE);
    await Promise.all([page.waitForURL(/result\.html$/), page.getByRole("button", { name: "Call me back" }).click()]);
    await expect.poll(() => page.getByRole("status").textContent()).toBe("Thank you. We will call you back.");
    await page.screenshot({ path: join(SCREENSHOTS, "partner-site-result.png") });
    await page.close();
  });
});
