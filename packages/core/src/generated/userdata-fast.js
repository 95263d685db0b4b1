// generated from grammar/userdata.peggy by scripts/generate.ts; do not edit.
// Fast path for the common case: a match gives the same value as the full parser; anything
// else falls back to it, so errors keep Peggy's offsets and expectations.
import { parse as parseFull } from "./userdata-parser.js";

export { StartRules, SyntaxError } from "./userdata-parser.js";

const FAILED = Symbol("no match");
export const NO_MATCH = FAILED;

// Parser state lives in the module: one parse at a time, and actions never parse.
let input = "";
let len = 0;
let pos = 0;
let savedPos = 0;

function text() {
  return input.substring(savedPos, pos);
}

function offset() {
  return savedPos;
}

function range() {
  return { source: undefined, start: savedPos, end: pos };
}

function a0(pairs) { return pairs; }
function a1(name, value) { return { name, value }; }
function a2(name) { return { type: "token", name, text: "$" + name + "$" }; }
function a3(text) { return { type: "text", text }; }

function r_PairList() {
let c, v0, s2, v3, v4, v5, s7, v8, v9;
seq1: {
s2 = pos;
v3 = m_Space();
v4 = [];
for (;;) {
seq6: {
s7 = pos;
v8 = r_Pair();
if (v8 === FAILED) { v5 = FAILED; break seq6; }
v9 = m_Space();
v5 = v8;
}
if (v5 === FAILED) break;
v4.push(v5);
}
savedPos = s2;
v0 = a0(v4);
}
return v0;
}

function r_Value() {
let c, v0, v1;
v0 = [];
for (;;) {
v1 = r_Token();
if (v1 === FAILED) {
v1 = r_Text();
}
if (v1 === FAILED) break;
v0.push(v1);
}
return v0;
}

function m_Space() {
let c, v0, s1;
s1 = pos;
{
const t = input, l = len;
let p = pos;
while (p < l && (c = t.charCodeAt(p), c === 32 || c === 9 || c === 13 || c === 10)) p++;
pos = p;
}
v0 = true;
return v0;
}

function r_Pair() {
let c, v0, s2, v3, v4, v5, v6, s7, v8, s9, v10;
seq1: {
s2 = pos;
if (input.charCodeAt(pos) === 91) { v3 = true; pos += 1; } else v3 = FAILED;
if (v3 === FAILED) { v0 = FAILED; break seq1; }
v4 = r_Name();
if (v4 === FAILED) { pos = s2; v0 = FAILED; break seq1; }
if (input.charCodeAt(pos) === 124) { v5 = true; pos += 1; } else v5 = FAILED;
if (v5 === FAILED) { pos = s2; v0 = FAILED; break seq1; }
s7 = pos;
s9 = pos;
pos = input.indexOf("]", pos);
if (pos < 0) pos = len;
v8 = true;
v6 = v8 === FAILED ? FAILED : input.substring(s7, pos);
if (input.charCodeAt(pos) === 93) { v10 = true; pos += 1; } else v10 = FAILED;
if (v10 === FAILED) { pos = s2; v0 = FAILED; break seq1; }
savedPos = s2;
v0 = a1(v4, v6);
}
return v0;
}

function r_Token() {
let c, v0, s2, v3, v4, s5, v6, s8, v9, v10, s11, v12;
seq1: {
s2 = pos;
if (input.charCodeAt(pos) === 36) { v3 = true; pos += 1; } else v3 = FAILED;
if (v3 === FAILED) { v0 = FAILED; break seq1; }
s5 = pos;
seq7: {
s8 = pos;
if (pos < len && (c = input.charCodeAt(pos), (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95)) { v9 = true; pos++; } else v9 = FAILED;
if (v9 === FAILED) { v6 = FAILED; break seq7; }
s11 = pos;
{
const t = input, l = len;
let p = pos;
while (p < l && (c = t.charCodeAt(p), (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95)) p++;
pos = p;
}
v10 = true;
v6 = true;
}
v4 = v6 === FAILED ? FAILED : input.substring(s5, pos);
if (v4 === FAILED) { pos = s2; v0 = FAILED; break seq1; }
if (input.charCodeAt(pos) === 36) { v12 = true; pos += 1; } else v12 = FAILED;
if (v12 === FAILED) { pos = s2; v0 = FAILED; break seq1; }
savedPos = s2;
v0 = a2(v4);
}
return v0;
}

function r_Text() {
let c, v0, s1, v2, s3, v4, s5;
s1 = pos;
s3 = pos;
s5 = pos;
pos = input.indexOf("$", pos);
if (pos < 0) pos = len;
v4 = pos === s5 ? FAILED : true;
if (v4 === FAILED) {
if (input.charCodeAt(pos) === 36) { v4 = true; pos += 1; } else v4 = FAILED;
}
v2 = v4 === FAILED ? FAILED : input.substring(s3, pos);
if (v2 === FAILED) v0 = FAILED; else { savedPos = s1; v0 = a3(v2); }
return v0;
}

function r_Name() {
let c, v0, s1, v2, s3;
s1 = pos;
s3 = pos;
{
const t = input, l = len;
let p = pos;
while (p < l && (c = t.charCodeAt(p), !(c === 91 || c === 93 || c === 124))) p++;
pos = p;
}
v2 = pos === s3 ? FAILED : true;
v0 = v2 === FAILED ? FAILED : input.substring(s1, pos);
return v0;
}

const START = {
  "PairList": r_PairList,
  "Value": r_Value,
};

export function parseFast(source, startRule = "PairList") {
  const rule = Object.hasOwn(START, startRule) ? START[startRule] : undefined;
  if (rule === undefined) return FAILED;
  input = source;
  len = source.length;
  pos = 0;
  savedPos = 0;
  let result = rule();
  if (pos !== len) result = FAILED;
  input = "";
  return result;
}

export function parse(source, options) {
  let startRule = "PairList";
  if (options !== undefined) {
    for (const key in options) if (key !== "startRule") return parseFull(source, options);
    if (options.startRule !== undefined) startRule = options.startRule;
  }
  const result = typeof source === "string" ? parseFast(source, startRule) : FAILED;
  return result === FAILED ? parseFull(source, options) : result;
}

// Keep tree-shakers and linters from flagging the helpers an action may not use.
void text, void offset, void range;
