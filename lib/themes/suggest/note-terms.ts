import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import porter2 from "wink-porter2-stemmer";

// Text → terms for TF-IDF, with wink-nlp (tokenizer, stop words) and its small
// English model, which ships inside the npm package: nothing is downloaded at run
// time. Loading the model takes ~250 ms, so it is loaded once per thread, on first
// use. Stems come from wink's Porter2 stemmer (the one the model uses for its.stem)
// called once per distinct word: its.stem per token was the slowest step, 0.3–0.6 s
// of 5,000 notes.

let nlp: ReturnType<typeof winkNLP> | undefined;

function loadNlp() {
  // No pipeline steps (sentence boundaries, POS, NER…): tokens, stems and stop words are all we read.
  nlp ??= winkNLP(model, []);
  return nlp;
}

export type NoteTerms = {
  // Per note: its unigram stems and word bigrams ("refund polici"), with repeats (term frequency).
  terms: string[][];
  // Per term: how often each original (lower-cased) form was written, to show "policy", not "polici".
  surfaces: Map<string, Map<string, number>>;
};

const minLength = 2;

// Reviewers' replies to each other ("Agree.", "+1, same here", "Confirmed, seen it
// again") say nothing about what went wrong, yet as the only words left in a short
// reply they would pull replies on unrelated failures into one group.
const REVIEW_CHATTER = new Set([
  "agree", "agreed", "confirmed", "confirm", "yes", "yep", "same", "seen", "also", "again", "indeed", "exactly",
  "think", "thanks", "ok", "okay", "here", "one", "other", "another",
]);
const stems = new Map<string, string>();

function stemOf(word: string): string {
  // A long-lived worker meets new words forever; a bounded cache is enough.
  if (stems.size > 200_000) stems.clear();
  let stem = stems.get(word);
  if (stem === undefined) stems.set(word, (stem = porter2(word)));
  return stem;
}

export function noteTerms(texts: string[]): NoteTerms {
  const nlp = loadNlp();
  const its = nlp.its;
  const surfaces = new Map<string, Map<string, number>>();
  const count = (term: string, surface: string) => {
    let forms = surfaces.get(term);
    if (!forms) surfaces.set(term, (forms = new Map()));
    forms.set(surface, (forms.get(surface) ?? 0) + 1);
  };
  const terms = texts.map((text) => {
    const tokens = nlp.readDoc(text).tokens();
    const types = tokens.out(its.type) as string[];
    const normals = tokens.out(its.normal) as string[];
    const stop = tokens.out(its.stopWordFlag) as unknown as boolean[];
    const out: string[] = [];
    // The previous content word, for bigrams; punctuation, numbers and the like break a bigram, stop words do not.
    let prev: { stem: string; normal: string } | null = null;
    for (let i = 0; i < types.length; i++) {
      if (types[i] !== "word") {
        prev = null;
        continue;
      }
      if (stop[i]) continue;
      const normal = normals[i];
      // Apostrophe fragments ("'s") and one-letter words carry nothing.
      if (normal.length < minLength || !/^[a-z]/.test(normal) || REVIEW_CHATTER.has(normal)) continue;
      const stem = stemOf(normal);
      out.push(stem);
      count(stem, normal);
      if (prev) {
        const bigram = `${prev.stem} ${stem}`;
        out.push(bigram);
        count(bigram, `${prev.normal} ${normal}`);
      }
      prev = { stem, normal };
    }
    return out;
  });
  return { terms, surfaces };
}

/** The most written form of a term; ties go to the alphabetically first, so the name is deterministic. */
export function surfaceOf(surfaces: NoteTerms["surfaces"], term: string): string {
  const forms = surfaces.get(term);
  if (!forms) return term;
  let best = term;
  let bestCount = -1;
  for (const [form, n] of forms) {
    if (n > bestCount || (n === bestCount && form < best)) {
      best = form;
      bestCount = n;
    }
  }
  return best;
}
