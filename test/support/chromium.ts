// The browser the browser tests drive: Debian's chromium package (WEBCALLBACK_CHROMIUM points
// elsewhere, and lets the missing case be tried), started headless with nothing that calls out.
import { existsSync } from "node:fs";

export const CHROMIUM = process.env.WEBCALLBACK_CHROMIUM ?? "/usr/bin/chromium";

/** Whether it is installed; without it a browser test skips, except under CI=true, where it fails. */
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export const CHROMIUM_MISSING = `Chromium is missing at ${CHROMIUM}: install the Debian package chromium (apt-get install -y chromium)`;

/** As root in a closed network: no sandbox, and none of Chromium's own background connections. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
