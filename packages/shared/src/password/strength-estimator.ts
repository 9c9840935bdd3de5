import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as english from "@zxcvbn-ts/language-en";
import type { StrengthEstimator } from "./password-policy.ts";

/**
 * zxcvbn-ts with its maintained dictionaries: the common-password list and keyboard graphs
 * (language-common) and English words and names (language-en). About 1.6 MB of data, so the
 * browser imports this module lazily; the server builds it once.
 */
export function createStrengthEstimator(): StrengthEstimator {
  return new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...english.dictionary },
    graphs: common.adjacencyGraphs,
    translations: english.translations,
  });
}
