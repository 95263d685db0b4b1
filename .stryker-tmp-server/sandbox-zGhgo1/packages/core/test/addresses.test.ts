// @ts-nocheck
// isPrivateHost and isLoopbackHost: loopback, private, link-local and unspecified addresses from their text alone.
import { describe, expect, it } from "vitest";
import { isLoopbackHost, isPrivateHost } from "../src/addresses.js";
import { parseHttpUrl } from "../src/urls.js";

describe("isPrivateHost", () => {
  const cases: readonly { readonly name: string; readonly host: string; readonly want: boolean }[] = [
    { name: "localhost", host: "localhost", want: true },
    { name: "LOCALHOST", host: "LOCALHOST", want: true },
    { name: "localhost with root dot", host: "localhost.", want: true },
    { name: "subdomain of localhost", host: "app.localhost", want: true },
    { name: "name ending in localhost", host: "mylocalhost", want: false },
    { name: "public name", host: "mywebporter.com", want: false },
    { name: "IPv4 loopback", host: "127.0.0.1", want: true },
    { name: "IPv4 loopback, any of 127/8", host: "127.255.0.9", want: true },
    { name: "IPv4 this network", host: "0.0.0.0", want: true },
    { name: "10/8", host: "10.20.30.40", want: true },
    { name: "172.16/12 start", host: "172.16.0.1", want: true },
    { name: "172.16/12 end", host: "172.31.255.255", want: true },
    { name: "just below 172.16/12", host: "172.15.255.255", want: false },
    { name: "just above 172.16/12", host: "172.32.0.1", want: false },
    { name: "192.168/16", host: "192.168.1.1", want: true },
    { name: "192.169 is public", host: "192.169.0.1", want: false },
    { name: "link-local 169.254/16", host: "169.254.169.254", want: true },
    { name: "carrier-grade NAT 100.64/10", host: "100.64.0.1", want: true },
    { name: "carrier-grade NAT end", host: "100.127.255.255", want: true },
    { name: "below carrier-grade NAT", host: "100.63.255.255", want: false },
    { name: "public IPv4", host: "8.8.8.8", want: false },
    { name: "SSRF: limited broadcast", host: "255.255.255.255", want: true },
    { name: "not an address: five parts", host: "10.0.0.0.1", want: false },
    { name: "not an address: octet over 255", host: "10.0.0.256", want: false },
    { name: "IPv6 loopback", host: "::1", want: true },
    { name: "IPv6 loopback in brackets", host: "[::1]", want: true },
    { name: "IPv6 loopback written out", host: "0:0:0:0:0:0:0:1", want: true },
    { name: "IPv6 unspecified", host: "::", want: true },
    { name: "IPv6 unspecified in brackets", host: "[::]", want: true },
    { name: "IPv6 link-local", host: "fe80::1", want: true },
    { name: "IPv6 link-local, upper case", host: "FE80::ABCD", want: true },
    { name: "IPv6 link-local with zone", host: "fe80::1%eth0", want: true },
    { name: "IPv6 link-local febf", host: "febf::1", want: true },
    { name: "fec0 is not link-local", host: "fec0::1", want: false },
    { name: "IPv6 unique local fc00", host: "fc00::1", want: true },
    { name: "IPv6 unique local fd", host: "[fd12:3456::1]", want: true },
    { name: "IPv6 documentation", host: "2001:db8::1", want: false },
    { name: "IPv6 public", host: "[2606:4700::1111]", want: false },
    { name: "IPv4-mapped loopback, dotted", host: "::ffff:127.0.0.1", want: true },
    { name: "IPv4-mapped loopback, hex", host: "[::ffff:7f00:1]", want: true },
    { name: "IPv4-mapped private", host: "::ffff:10.0.0.1", want: true },
    { name: "IPv4-mapped link-local", host: "::ffff:169.254.1.1", want: true },
    { name: "IPv4-mapped public", host: "::ffff:8.8.8.8", want: false },
    { name: "malformed IPv6: two ::", host: "1::2::3", want: false },
    { name: "malformed IPv6: nine groups", host: "1:2:3:4:5:6:7:8:9", want: false },
    { name: "empty", host: "", want: false },
    // Brackets are stripped only as a pair: half a pair is a name, not the address inside it.
    { name: "opening bracket only", host: "[::1", want: false },
    { name: "closing bracket only", host: "x::1]", want: false },
  ];
  it.each(cases)("$host ($name) → $want", ({ host, want }) => {
    expect(isPrivateHost(host)).toBe(want);
  });

  // A URL's host name is what reaches isPrivateHost at intake; other spellings of an address arrive normalized.
  const spellings: readonly { readonly url: string; readonly want: boolean }[] = [
    { url: "http://2130706433/", want: true },
    { url: "http://0x7f.1/", want: true },
    { url: "http://0177.0.0.1/", want: true },
    { url: "http://[0:0:0:0:0:ffff:127.0.0.1]/", want: true },
    { url: "http://[::ffff:a00:1]/", want: true },
    { url: "http://LocalHost:80/", want: true },
    { url: "http://134744072/", want: false },
  ];
  it.each(spellings)("the host of $url → $want", ({ url, want }) => {
    expect(isPrivateHost(parseHttpUrl(url)?.hostname ?? "")).toBe(want);
  });
});

// isLoopbackHost decides where plain HTTP is allowed (and TLS is not required): loopback only, not any private address.
describe("isLoopbackHost", () => {
  const cases: readonly { readonly name: string; readonly host: string; readonly want: boolean }[] = [
    { name: "localhost", host: "localhost", want: true },
    { name: "LOCALHOST with root dot", host: "LOCALHOST.", want: true },
    { name: "subdomain of localhost", host: "app.localhost", want: true },
    { name: "name ending in localhost", host: "mylocalhost", want: false },
    { name: "IPv4 loopback", host: "127.0.0.1", want: true },
    { name: "any of 127/8", host: "127.9.8.7", want: true },
    { name: "IPv6 loopback", host: "::1", want: true },
    { name: "IPv6 loopback in brackets", host: "[::1]", want: true },
    { name: "IPv4-mapped loopback", host: "[::ffff:127.0.0.1]", want: true },
    { name: "unspecified IPv4 is not loopback", host: "0.0.0.0", want: false },
    { name: "unspecified IPv6 is not loopback", host: "[::]", want: false },
    { name: "private IPv4 is not loopback", host: "10.0.0.1", want: false },
    { name: "link-local is not loopback", host: "169.254.1.1", want: false },
    { name: "unique local IPv6 is not loopback", host: "fd00::1", want: false },
    { name: "public name", host: "www.acmejet.com", want: false },
    { name: "public IPv4", host: "8.8.8.8", want: false },
    { name: "opening bracket only", host: "[::1", want: false },
    { name: "empty", host: "", want: false },
  ];
  it.each(cases)("$host ($name) → $want", ({ host, want }) => {
    expect(isLoopbackHost(host)).toBe(want);
  });
});
