// The clustering's knobs, apart from its code so that the request thread can
// check a threshold without loading the language model.

// Notes are short, so TF-IDF cosines run low: at 0.2 the fixture's five modes come out
// (adjusted Rand index 0.72), at 0.3 two of them split in two (0.56).
export const DEFAULT_THRESHOLD = 0.2;
export const MIN_THRESHOLD = 0.05;
export const MAX_THRESHOLD = 0.95;
// Smaller groups are noise, not a pattern.
export const MIN_GROUP_SIZE = 3;
