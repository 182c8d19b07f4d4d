import type { Attributes } from "@/lib/ingest/span-input";
import { HELP_ARTICLES, HELP_ARTICLE_BY_ID, helpArticleUrl, type HelpArticle } from "./help-center-articles";
import type { Random } from "./random";
import type { SupportTurn } from "./support-topic";

export type RetrievedDocument = { article: HelpArticle; score: number };

const DAY_MS = 86_400_000;
const ARTICLES_UPDATED_FROM = Date.UTC(2026, 0, 12);

/**
 * Simulated vector search: the articles that answer the turn score high, the
 * rest of the 3–5 hits are near misses from the same category. Some searches
 * miss entirely and some rank a near miss first, so reviewers have real
 * relevance judgements to make.
 */
export function retrieveDocuments(random: Random, turn: SupportTurn, miss: boolean): RetrievedDocument[] {
  const count = random.int(3, 5);
  const relevant = miss ? [] : turn.articles.map((id) => HELP_ARTICLE_BY_ID.get(id)!).slice(0, count);
  const category = relevant[0]?.category ?? random.pick(HELP_ARTICLES).category;
  const others = random.shuffle(HELP_ARTICLES.filter((entry) => !turn.articles.includes(entry.id)));
  const nearMisses = [
    ...others.filter((entry) => entry.category === category),
    ...others.filter((entry) => entry.category !== category),
  ].slice(0, count - relevant.length);

  let score = relevant.length ? random.between(0.8, 0.93) : random.between(0.48, 0.62);
  const hits = relevant.map((article) => {
    const hit = { article, score };
    score -= random.between(0.02, 0.07);
    return hit;
  });
  score -= relevant.length ? random.between(0.08, 0.2) : 0;
  for (const article of nearMisses) {
    hits.push({ article, score: Math.max(0.05, score) });
    score -= random.between(0.02, 0.08);
  }
  if (relevant.length && random.chance(0.1)) {
    // A ranking mistake: the best near miss outscores the right article.
    hits[relevant.length].score = hits[0].score + random.between(0.005, 0.03);
  }
  return hits
    .map((hit) => ({ ...hit, score: Math.round(Math.min(hit.score, 0.99) * 10_000) / 10_000 }))
    .sort((a, b) => b.score - a.score);
}

export function retrieverAttributes(documents: RetrievedDocument[]): Attributes {
  const attributes: Attributes = {};
  documents.forEach(({ article, score }, position) => {
    const prefix = `retrieval.documents.${position}.document`;
    const index = HELP_ARTICLES.indexOf(article);
    attributes[`${prefix}.id`] = article.id;
    attributes[`${prefix}.content`] = article.content;
    attributes[`${prefix}.score`] = score;
    attributes[`${prefix}.metadata`] = JSON.stringify({
      title: article.title,
      url: helpArticleUrl(article),
      category: article.category,
      updated_at: new Date(ARTICLES_UPDATED_FROM + index * 9 * DAY_MS).toISOString().slice(0, 10),
    });
  });
  return attributes;
}
