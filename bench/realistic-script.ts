/**
 * Deterministic generator of realistic CRMScript (NetServer agents and
 * entities, SearchEngine loops, structs, foreach, try/catch, HTTP and JSON
 * helpers, comments) for benchmarks and load tests, plus an equivalent
 * TypeScript text of the same shape, the baseline for parser throughput.
 */

/** A small seeded PRNG (mulberry32), so every run generates the same text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface Unit {
  readonly crmscript: string;
  readonly typescript: string;
}

const entities = ["Contact", "Person", "Sale", "Project", "Appointment", "Document"] as const;
/** String properties each entity really has in the catalog (`Set<Field>(String)`). */
const fields: Record<(typeof entities)[number], readonly string[]> = {
  Contact: ["Name", "Department", "Number1", "Number2", "OrgNr", "Kananame"],
  Person: ["Firstname", "Lastname", "MiddleName", "Mrmrs", "PersonNumber", "Description"],
  Sale: ["Heading", "Number", "Postit", "SaleText"],
  Project: ["Name", "Description", "Postit", "ProjectNumber"],
  Appointment: ["Title", "Description", "Location", "Agenda"],
  Document: ["Header", "Name", "OurRef", "YourRef", "Attention"],
};

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function netServerUnit(id: number, random: () => number): Unit {
  const entity = pick(random, entities);
  const field = pick(random, fields[entity]);
  return {
    crmscript: `// Loads a ${entity.toLowerCase()} and updates its ${field.toLowerCase()}.
NS${entity}Entity update${entity}${id}(Integer ${entity.toLowerCase()}Id, String value) {
  NS${entity}Agent agent;
  NS${entity}Entity entity = agent.Get${entity}Entity(${entity.toLowerCase()}Id);
  if (entity.Get${entity}Id() == 0) {
    throw "${entity} " + ${entity.toLowerCase()}Id.toString() + " was not found";
  }
  entity.Set${field}(value.stripLeadingAndTrailing(" "));
  entity = agent.Save${entity}Entity(entity);
  printLine("Saved ${entity.toLowerCase()} " + entity.Get${entity}Id().toString());
  return entity;
}

`,
    typescript: `// Loads a ${entity.toLowerCase()} and updates its ${field.toLowerCase()}.
function update${entity}${id}(${entity.toLowerCase()}Id: number, value: string): NS${entity}Entity {
  const agent = new NS${entity}Agent();
  let entity: NS${entity}Entity = agent.Get${entity}Entity(${entity.toLowerCase()}Id);
  if (entity.Get${entity}Id() == 0) {
    throw "${entity} " + ${entity.toLowerCase()}Id.toString() + " was not found";
  }
  entity.Set${field}(value.stripLeadingAndTrailing(" "));
  entity = agent.Save${entity}Entity(entity);
  printLine("Saved ${entity.toLowerCase()} " + entity.Get${entity}Id().toString());
  return entity;
}

`,
  };
}

function searchUnit(id: number, random: () => number): Unit {
  const table = pick(random, ["ticket", "contact", "person", "sale"] as const);
  const limit = 10 + Math.floor(random() * 90);
  return {
    crmscript: `/* Collects ${table} ids and titles, at most ${limit} rows. */
Map collect${id}(Integer categoryId) {
  SearchEngine se;
  se.addField("${table}.id");
  se.addField("${table}.title");
  se.addCriteria("${table}.category", "Equals", categoryId.toString());
  se.setLimit(${limit});
  Map result;
  for (se.execute(); !se.eof(); se.next()) {
    String key = se.getField(0);
    if (!key.isEmpty() && result.exists(key) == false)
      result.insert(key, se.getField(1));
  }
  return result;
}

`,
    typescript: `/* Collects ${table} ids and titles, at most ${limit} rows. */
function collect${id}(categoryId: number): Map {
  const se = new SearchEngine();
  se.addField("${table}.id");
  se.addField("${table}.title");
  se.addCriteria("${table}.category", "Equals", categoryId.toString());
  se.setLimit(${limit});
  const result = new Map();
  for (se.execute(); !se.eof(); se.next()) {
    const key: string = se.getField(0);
    if (!key.isEmpty() && result.exists(key) == false)
      result.insert(key, se.getField(1));
  }
  return result;
}

`,
  };
}

function structUnit(id: number, random: () => number): Unit {
  const weight = Math.floor(random() * 100);
  return {
    crmscript: `struct OrderLine${id} {
  String product;
  Integer quantity = 1;
  Float price;

  Float total() {
    return this.price * this.quantity;
  }

  OrderLine${id} withQuantity(Integer q) {
    this.quantity = q;
    return this;
  }

  Bool compare(OrderLine${id} other) {
    return this.total() < other.total() + ${weight}.0;
  }
};

OrderLine${id} makeLine${id}(String product, Float price) {
  OrderLine${id} line;
  line.product = product;
  line.price = price;
  return line;
}

`,
    typescript: `class OrderLine${id} {
  product: string;
  quantity: number = 1;
  price: number;

  total(): number {
    return this.price * this.quantity;
  }

  withQuantity(q: number): OrderLine${id} {
    this.quantity = q;
    return this;
  }

  compare(other: OrderLine${id}): boolean {
    return this.total() < other.total() + ${weight}.0;
  }
};

function makeLine${id}(product: string, price: number): OrderLine${id} {
  const line = new OrderLine${id}();
  line.product = product;
  line.price = price;
  return line;
}

`,
  };
}

function loopUnit(id: number, random: () => number): Unit {
  const separator = pick(random, [",", ";", "|"] as const);
  return {
    crmscript: `String summarize${id}(String csv) {
  String[] parts = csv.split("${separator}");
  Integer count = 0;
  String output = "";
  foreach (String part in parts) {
    if (part.isEmpty())
      continue;
    count++;
    output += part.toUpper() + "\\n";
  }
  Integer[] sizes;
  for (Integer i = 0; i < parts.length(); i++) {
    sizes.pushBack(parts[i].getLength());
  }
  sizes.sort();
  return output + count.toString() + " of " + parts.length().toString();
}

`,
    typescript: `function summarize${id}(csv: string): string {
  const parts: string[] = csv.split("${separator}");
  let count: number = 0;
  let output: string = "";
  for (const part of parts) {
    if (part.isEmpty())
      continue;
    count++;
    output += part.toUpper() + "\\n";
  }
  const sizes: number[] = [];
  for (let i = 0; i < parts.length(); i++) {
    sizes.pushBack(parts[i].getLength());
  }
  sizes.sort();
  return output + count.toString() + " of " + parts.length().toString();
}

`,
  };
}

function httpUnit(id: number, random: () => number): Unit {
  const path = pick(random, ["orders", "customers", "invoices"] as const);
  return {
    crmscript: `Bool postJson${id}(String url, JSONBuilder body) {
  HTTP http;
  http.addHeader("Content-Type", "application/json;charset=utf-8");
  try {
    printLine(body.getString());
    Byte[] response = http.post(url + "/${path}");
    if (http.getValue("status") != "200") {
      printLine('Request failed: ' + http.getValue("status") + ", " + response.length().toString() + " bytes");
      return false;
    }
  }
  catch {
    printLine("Error " + error + " at " + errorLocation);
    return false;
  }
  return true;
}

`,
    typescript: `function postJson${id}(url: string, body: JSONBuilder): boolean {
  const http = new HTTP();
  http.addHeader("Content-Type", "application/json;charset=utf-8");
  try {
    printLine(body.getString());
    const response: number[] = http.post(url + "/${path}");
    if (http.getValue("status") != "200") {
      printLine('Request failed: ' + http.getValue("status") + ", " + response.length.toString() + " bytes");
      return false;
    }
  }
  catch (error) {
    printLine("Error " + error + " at " + errorLocation);
    return false;
  }
  return true;
}

`,
  };
}

function topLevelUnit(id: number, random: () => number): Unit {
  const threshold = Math.floor(random() * 1000);
  return {
    crmscript: `Integer total${id} = 0;
Float average${id} = 0.0;
for (Integer k = 0; k < ${threshold}; k++) {
  if (k % 2 == 0 && k > 10 || k == 3)
    total${id} += k * 2 - 1;
  else if (k > 500)
    total${id} -= 1;
  else {
    average${id} = (average${id} + k) / 2;
  }
}
printLine("Total " + total${id}.toString() + ", average " + average${id}.toString(2));

`,
    typescript: `let total${id}: number = 0;
let average${id}: number = 0.0;
for (let k = 0; k < ${threshold}; k++) {
  if (k % 2 == 0 && k > 10 || k == 3)
    total${id} += k * 2 - 1;
  else if (k > 500)
    total${id} -= 1;
  else {
    average${id} = (average${id} + k) / 2;
  }
}
printLine("Total " + total${id}.toString() + ", average " + average${id}.toString(2));

`,
  };
}

const unitKinds = [netServerUnit, searchUnit, structUnit, loopUnit, httpUnit, topLevelUnit];

export interface GeneratedScripts {
  readonly crmscript: string;
  readonly typescript: string;
}

/**
 * Realistic CRMScript of at least `minimumLength` characters and `minimumLines` lines (whole
 * units), and the TypeScript rendering of the same units. The header directives come first.
 */
export function generateRealisticScript(minimumLength: number, seed = 1, minimumLines = 0): GeneratedScripts {
  const random = seededRandom(seed);
  const crm = ['#setLanguageLevel 4;\n#include "lib-http";\n\nString BASE_URL = "https://example.com/api";\n\n'];
  const ts = ['import "lib-http";\n\nlet BASE_URL: string = "https://example.com/api";\n\n'];
  let length = (crm[0] as string).length;
  let lines = 5;
  for (let id = 1; length < minimumLength || lines < minimumLines; id++) {
    const unit = (unitKinds[Math.floor(random() * unitKinds.length)] as (id: number, random: () => number) => Unit)(id, random);
    crm.push(unit.crmscript);
    ts.push(unit.typescript);
    length += unit.crmscript.length;
    lines += unit.crmscript.split("\n").length - 1;
  }
  return { crmscript: crm.join(""), typescript: ts.join("") };
}

/** Realistic CRMScript with at least `lines` lines, ending at the first unit boundary after that. */
export function generateScriptOfLines(lines: number, seed = 1): string {
  return generateProgramOfLines(lines, seed).crmscript;
}

/** `generateScriptOfLines`, with the TypeScript rendering of the same program beside it. */
export function generateProgramOfLines(lines: number, seed = 1): GeneratedScripts {
  return generateRealisticScript(0, seed, lines);
}
