import path from "node:path";
import { test, type Page } from "@playwright/test";

export interface ShotOptions {
  /**
   * The whole page (the default) or only what the viewport shows — the latter for a dialog or an
   * open menu, which is what the picture is about.
   */
  fullPage?: boolean;
}

/**
 * Saves a screenshot for review: into `$SHOTS_DIR/<name>.png` when SHOTS_DIR is set, else into the
 * test's own output folder (test-results/…), so a plain run leaves nothing outside it.
 */
export async function shot(page: Page, name: string, options: ShotOptions = {}): Promise<void> {
  const fullPage = options.fullPage ?? true;
  // From the top: a full-page capture of a scrolled page repeats the sticky header mid-page.
  // A viewport capture stays where the test left it, on the dialog or menu it is about.
  if (fullPage) await page.evaluate("window.scrollTo(0, 0)");
  const dir = process.env.SHOTS_DIR;
  const file = `${name}.png`;
  await page.screenshot({
    path: dir ? path.join(dir, file) : test.info().outputPath(file),
    fullPage,
  });
}
