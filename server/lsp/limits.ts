/**
 * The server's memory bounds in one place: how many files the analysis host
 * keeps parsed and analysed, and how many client spellings of URIs of
 * documents that are not open the server remembers.
 */

/**
 * Files the host keeps parsed and analysed; the least recently used beyond
 * this are analysed again on demand. At most an eighth of them (8) may be
 * scripts nothing includes (`AnalysisCache`): the rest is for included
 * scripts, whose eviction would cost their includers' analyses too.
 */
export const MAX_ANALYZED_FILES = 64;

/** URIs remembered for files that are not open (open documents' URIs are kept until they close). */
export const MAX_REMEMBERED_URIS = 4096;
