// @ts-nocheck
// The metrics text: prom-client's exposition of our tallies.
import { describe, expect, it } from "vitest";
import { LATENCY_BUCKETS, Metrics } from "../src/ops/metrics.js";

describe("Metrics", () => {
  it("counts requests by outcome and ctl_error, and their latency in cumulative buckets", async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.accepted(0.0004);
    metrics.accepted(0.003);
    metrics.rejected(3, 0.0001);
    metrics.rejected(3, 7);
    metrics.rejected(104, 0.02);
    const text = await metrics.text();
    expect(text).toContain("# TYPE webcallback_requests_total counter");
    expect(text).toContain('webcallback_requests_total{outcome="accepted",ctl_error="none"} 2');
    expect(text).toContain('webcallback_requests_total{outcome="rejected",ctl_error="3"} 2');
    expect(text).toContain('webcallback_requests_total{outcome="rejected",ctl_error="104"} 1');
    expect(text).toContain("# TYPE webcallback_request_duration_seconds histogram");
    expect(text).toContain('webcallback_request_duration_seconds_bucket{le="0.0005",outcome="accepted"} 1');
    expect(text).toContain('webcallback_request_duration_seconds_bucket{le="0.0025",outcome="accepted"} 1');
    expect(text).toContain('webcallback_request_duration_seconds_bucket{le="0.005",outcome="accepted"} 2');
    expect(text).toContain('webcallback_request_duration_seconds_bucket{le="2.5",outcome="rejected"} 2');
    expect(text).toContain('webcallback_request_duration_seconds_bucket{le="+Inf",outcome="rejected"} 3');
    expect(text).toContain('webcallback_request_duration_seconds_count{outcome="rejected"} 3');
    expect(text).toMatch(/webcallback_request_duration_seconds_sum\{outcome="accepted"\} 0\.0034/);
    expect(text.match(/_bucket\{[^}]*outcome="accepted"/g)).toHaveLength(LATENCY_BUCKETS.length + 1);
  });

  it("scrapes the same totals twice", async () => {
    const metrics = new Metrics({ processMetrics: false });
    metrics.rejected(3, 0.001);
    await metrics.text();
    expect(await metrics.text()).toContain('webcallback_requests_total{outcome="rejected",ctl_error="3"} 1');
  });

  it("adds the default process metrics", async () => {
    expect(await new Metrics().text()).toMatch(/^process_cpu_user_seconds_total /m);
  });
});
