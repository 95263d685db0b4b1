// Which POST bodies the service reads as its form, and which it refuses with 415: the server
// and the mock both ask these functions.
import { describe, expect, it } from "vitest";
import { isFormContentType, isPlainBody, isReadableForm, refusesPostBody } from "../src/form-body.js";

describe("isFormContentType", () => {
  it.each([
    { given: "application/x-www-form-urlencoded", want: true },
    { given: "application/x-www-form-urlencoded; charset=UTF-8", want: true },
    { given: "Application/X-WWW-Form-Urlencoded ;charset=utf-8", want: true },
    { given: "application/json", want: false },
    { given: "text/plain", want: false },
    { given: "multipart/form-data; boundary=x", want: false },
    { given: "application/x-www-form-urlencoded-extra", want: false },
    { given: undefined, want: false },
    { given: 'application/x-www-form-urlencoded; charset="utf-8"', want: true },
    { given: "application/x-www-form-urlencoded; charset=us-ascii", want: true },
    { given: "application/x-www-form-urlencoded; charset=utf8", want: true },
    // Bodies are read as UTF-8: another charset would be decoded wrongly, so it is refused.
    { given: "application/x-www-form-urlencoded; charset=iso-8859-1", want: false },
    { given: "application/x-www-form-urlencoded; charset=utf-16", want: false },
    // Only the charset parameter is read, and only when it has a value.
    { given: "application/x-www-form-urlencoded; boundary=x", want: true },
    { given: "application/x-www-form-urlencoded; foo", want: true },
    { given: "application/x-www-form-urlencoded; charsets", want: true },
    { given: "application/x-www-form-urlencoded; charset= utf-8 ", want: true },
    // Quotes are taken off only when they wrap the whole value.
    { given: 'application/x-www-form-urlencoded; charset="utf"8', want: false },
    { given: 'application/x-www-form-urlencoded; charset=utf"8"', want: false },
  ])("$given -> $want", ({ given, want }) => {
    expect(isFormContentType(given)).toBe(want);
  });
});

describe("isPlainBody", () => {
  it.each([
    { given: undefined, want: true },
    { given: "identity", want: true },
    { given: " Identity ", want: true },
    { given: "gzip", want: false },
    { given: "br", want: false },
  ])("Content-Encoding $given -> $want", ({ given, want }) => {
    expect(isPlainBody(given)).toBe(want);
  });
});

describe("isReadableForm", () => {
  it.each([
    { type: "application/x-www-form-urlencoded", encoding: undefined, want: true },
    { type: "application/x-www-form-urlencoded; charset=utf-8", encoding: "identity", want: true },
    { type: "application/x-www-form-urlencoded", encoding: "gzip", want: false },
    { type: "application/x-www-form-urlencoded; charset=latin1", encoding: undefined, want: false },
    { type: "application/json", encoding: undefined, want: false },
    { type: undefined, encoding: undefined, want: false },
  ])("$type, Content-Encoding $encoding -> $want", ({ type, encoding, want }) => {
    expect(isReadableForm(type, encoding)).toBe(want);
  });
});

describe("refusesPostBody (415)", () => {
  const FORM = "application/x-www-form-urlencoded";
  it.each([
    { name: "a form", type: FORM, encoding: undefined, body: "tenant=Acme", want: false },
    { name: "an empty form", type: FORM, encoding: undefined, body: "", want: false },
    { name: "no Content-Type and no body (all in the query)", type: undefined, encoding: undefined, body: "", want: false },
    { name: "no Content-Type with a body", type: undefined, encoding: undefined, body: "tenant=Acme", want: true },
    { name: "JSON", type: "application/json", encoding: undefined, body: "{}", want: true },
    { name: "JSON, even empty", type: "application/json", encoding: undefined, body: "", want: true },
    { name: "a form in another charset", type: `${FORM}; charset=iso-8859-1`, encoding: undefined, body: "tenant=Acme", want: true },
    { name: "a compressed form", type: FORM, encoding: "gzip", body: "\u001f\u008b", want: true },
    { name: "no Content-Type, compressed, empty", type: undefined, encoding: "gzip", body: "", want: false },
  ])("$name -> $want", ({ type, encoding, body, want }) => {
    expect(refusesPostBody(type, encoding, body)).toBe(want);
  });
});
