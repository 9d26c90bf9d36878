/**
 * Snippets offered where a statement can start (LSP snippet syntax:
 * `${1:name}` placeholders, `$0` the final cursor), including the idioms
 * CRMScript code is full of: the SearchEngine loop and the Map iterator.
 */

export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
  /** Only where a function or struct may be defined (the top level of a script). */
  readonly topLevelOnly?: boolean;
}

export const snippets: readonly Snippet[] = [
  { label: "if", detail: "if statement", body: "if (${1:condition}) {\n\t$0\n}" },
  { label: "ifelse", detail: "if / else statement", body: "if (${1:condition}) {\n\t$2\n} else {\n\t$0\n}" },
  { label: "for", detail: "for loop over a counter", body: "for (Integer ${1:i} = 0; ${1:i} < ${2:count}; ${1:i}++) {\n\t$0\n}" },
  { label: "foreach", detail: "foreach loop over an array", body: "foreach (${1:String} ${2:item} in ${3:items}) {\n\t$0\n}" },
  { label: "while", detail: "while loop", body: "while (${1:condition}) {\n\t$0\n}" },
  { label: "try", detail: "try / catch (the message is in 'error')", body: "try {\n\t$1\n} catch {\n\t${0:printLine(error);}\n}" },
  { label: "struct", detail: "struct definition", body: "struct ${1:Name} {\n\t${2:String} ${3:field};\n};", topLevelOnly: true },
  { label: "function", detail: "function definition", body: "${1:Void} ${2:name}(${3}) {\n\t$0\n}", topLevelOnly: true },
  {
    label: "searchengine",
    detail: "SearchEngine query loop",
    body: 'SearchEngine ${1:se};\n${1:se}.addField("${2:ticket.id}");\n${1:se}.addCriteria("${3:ticket.status}", "Equals", "${4:1}");\nfor (${1:se}.execute(); !${1:se}.eof(); ${1:se}.next()) {\n\t$0\n}',
  },
  {
    label: "mapiterate",
    detail: "loop over a Map's keys and values",
    body: "for (${1:map}.first(); !${1:map}.eof(); ${1:map}.next()) {\n\tString ${2:key} = ${1:map}.getKey();\n\tString ${3:value} = ${1:map}.getVal();\n\t$0\n}",
  },
];
