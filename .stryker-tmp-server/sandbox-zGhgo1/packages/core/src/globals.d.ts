// @ts-nocheck
// The few platform globals core uses that both browsers and Node provide; core's lib
// has no DOM and no Node types, so nothing else slips in.
declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly host: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  readonly username: string;
  readonly password: string;
}
