// The words that make a search a question ("is yoga good for back pain", "what works best for migraine"):
// no page needs to hold them, nor are they misspellings.
export const QUESTION_WORDS = new Set([
  'good', 'best', 'better', 'help', 'helps', 'helpful', 'work', 'works', 'effective', 'useful', 'worth',
  'really', 'does', 'should', 'could', 'would', 'what', 'which', 'when', 'there', 'safe', 'okay',
  // Whose pain it is ("acupuncture for my mum's knee", "what helps my husbands back"): pages speak of
  // people and patients, not of a reader's family. Children are a subject of their own and stay.
  'i', 'im', "i'm", 'me', 'my', 'mine', 'myself', 'our', 'his', 'her', 'their',
  'mum', 'mom', 'mother', 'dad', 'father', 'husband', 'wife', 'partner', 'grandma', 'grandmother', 'grandad', 'grandfather', 'nan', 'gran',
]);

// "Work" is also what back pain keeps people from ("return to work"): it stays in the query.
const SUBJECT_WORDS = new Set(['work']);
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
// "mum's", "husbands" (a possessive typed without its apostrophe); not "is".
const POSSESSIVE = /['’]?s$/u;

const isQuestionWord = (token: string) => {
  const word = token.replace(EDGE_PUNCTUATION, '').toLocaleLowerCase('en');
  const asked = (candidate: string) => QUESTION_WORDS.has(candidate) && !SUBJECT_WORDS.has(candidate);
  const owner = word.replace(POSSESSIVE, '');
  return asked(word.replaceAll('’', "'")) || (owner.length >= 3 && owner !== word && asked(owner));
};

/**
 * The query without the words that only make it a question. Pagefind finds only pages that hold every
 * word, so "best treatment for knee osteoarthritis" found the one page that happens to say "best", not
 * the summary on knee osteoarthritis. Undefined when the query has none, is nothing else, or is a quoted phrase.
 */
export function withoutQuestionWords(term: string): string | undefined {
  if (term.includes('"')) return undefined;
  const tokens = term.trim().split(/\s+/u);
  const rest = tokens.filter((token) => !isQuestionWord(token));
  return rest.length < tokens.length && rest.some((token) => /[\p{L}\p{N}]/u.test(token)) ? rest.join(' ') : undefined;
}
