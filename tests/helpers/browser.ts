/**
 * A headless Chromium for the browser tests: Debian's `chromium` package (`.ci/run` installs it),
 * or the browser CHROMIUM_PATH names. Nothing is downloaded. Without a browser the tests fail,
 * saying how to install one.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

export async function launchChromium(): Promise<Browser> {
  const path =
    process.env["CHROMIUM_PATH"] ?? CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path) {
    throw new Error(
      "No Chromium for the browser tests: `apt-get install chromium`, or set CHROMIUM_PATH.",
    );
  }
  return chromium.launch({ executablePath: path, args: ["--no-sandbox"] });
}
