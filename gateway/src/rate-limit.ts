/**
 * Per-caller rate limit at the gateway, counting operations: a token bucket per token subject (or per
 * client IP for the public), refilled continuously. Over the limit: HTTP 429 with Retry-After.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Caller } from '@tdkt/identity';

export interface RateLimits {
  /** Operations per minute for a signed-in caller (per token subject); 0 turns the limit off. */
  callerPerMinute: number;
  /** Operations per minute for the public (per client IP); 0 turns the limit off. */
  publicPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { callerPerMinute: 12_000, publicPerMinute: 6_000 };

interface Bucket {
  tokens: number;
  updated: number;
}

export function createRateLimiter(limits: RateLimits, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  // Forget idle callers so the map cannot grow without bound.
  const sweep = setInterval(() => {
    const cutoff = now() - 10 * 60_000;
    for (const [key, bucket] of buckets) if (bucket.updated < cutoff) buckets.delete(key);
  }, 60_000);
  sweep.unref();

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  function take(key: string, perMinute: number): number {
    if (perMinute <= 0) return 0;
    const at = now();
    const bucket = buckets.get(key) ?? { tokens: perMinute, updated: at };
    bucket.tokens = Math.min(perMinute, bucket.tokens + ((at - bucket.updated) / 60_000) * perMinute);
    bucket.updated = at;
    buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil(((1 - bucket.tokens) / perMinute) * 60));
  }

  return {
    take,
    middleware(req: Request, res: Response, next: NextFunction): void {
      const caller = res.locals['caller'] as Caller | undefined;
      const key = caller?.subject ? `caller:${caller.subject}` : `ip:${req.socket.remoteAddress ?? 'unknown'}`;
      const wait = take(key, caller?.subject ? limits.callerPerMinute : limits.publicPerMinute);
      if (wait === 0) return next();
      res
        .status(429)
        .setHeader('Retry-After', String(wait))
        .json({
          errors: [
            {
              message: `Quá nhiều yêu cầu; vui lòng thử lại sau ${wait} giây.`,
              extensions: { code: 'RATE_LIMITED', retryAfterSeconds: wait },
            },
          ],
        });
    },
    stop: () => clearInterval(sweep),
  };
}
