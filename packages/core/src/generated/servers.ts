// generated from openapi/webcallback.yaml by scripts/generate.ts; do not edit.

/** The base URL of each of the document's servers by its x-region name, in the document's order. */
export const SERVERS = {
  "local": "http://127.0.0.1:8080",
  "default": "https://mycontactual.com",
  "na1": "https://na1.mycontactual.com",
  "na2": "https://na2.mycontactual.com",
  "na3": "https://na3.mycontactual.com",
  "na4": "https://na4.mycontactual.com",
  "na7": "https://vcc-na7.8x8.com",
  "ca": "https://www.mycontactual.ca",
  "uk": "https://www.mycontactual.co.uk"
} as const;

export type Region = keyof typeof SERVERS;
