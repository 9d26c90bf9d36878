/**
 * The server's memory bounds in one place: how many files the analysis host
 * keeps parsed and analysed (and how many of them may be scripts nothing
 * includes), and how many client spellings of URIs of documents that are not
 * open the server remembers.
 */

/**
 * Files the host keeps parsed and analysed; the least recently used beyond
 * this are analysed again on demand. Most of them are for included scripts,
 * whose eviction would cost their includers' analyses too.
 */
export const MAX_ANALYZED_FILES = 64;

/**
 * Of those, scripts nothing includes (`AnalysisCache`): only their own
 * features use their analyses again, and the open documents hold what those
 * need (`documents.ts`). Kept any longer, an analysis made while many
 * scripts are opened at once outlives a few young-generation collections,
 * moves to V8's old generation and dies there: with 8, opening 1,000 scripts
 * left the server at 195-205 MB resident in most runs; with 2, at 138 MB.
 */
export const MAX_LOOSE_FILES = 2;

/** The analysis host's bounds in the language server. */
export const SERVER_HOST_LIMITS = { maxAnalyzedFiles: MAX_ANALYZED_FILES, maxLooseFiles: MAX_LOOSE_FILES } as const;

/** URIs remembered for files that are not open (open documents' URIs are kept until they close). */
export const MAX_REMEMBERED_URIS = 4096;
