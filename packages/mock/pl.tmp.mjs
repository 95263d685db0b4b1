const t = performance.now();
await Promise.all([import("@stoplight/prism-core"), import("@stoplight/prism-http")]);
console.log("prism import ms", (performance.now() - t).toFixed(0));
