/** Refusals made before Apollo parses a document, and what production removes from error messages. */
import type { NextFunction, Request, Response } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { TOO_MANY_DEFINITIONS_CODE, countDefinitions, definitionCapMessage, type OperationLimits } from './limits.js';

/**
 * Counts the operations and fragments of the document with the lexer and refuses one over the caps
 * before Apollo parses and validates it: the standard validation rules alone take hundreds of
 * milliseconds on a 5,000-token document of a thousand operations.
 */
export function refuseTooManyDefinitions(limits: OperationLimits) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown } | undefined;
    const query = req.method === 'GET' ? req.query['query'] : body && typeof body === 'object' ? body.query : undefined;
    if (typeof query !== 'string') return next();
    const counts = countDefinitions(query, limits.maxTokens);
    const message = counts && definitionCapMessage(counts, limits);
    if (!message) return next();
    res.status(400).json({ errors: [{ message, extensions: { code: TOO_MANY_DEFINITIONS_CODE } }] });
  };
}

/**
 * graphql-js appends suggestions ("Did you mean the enum value "MINISTRY"?", "Did you mean "search"?")
 * to the errors of coercing variables too, which Apollo's hideSchemaDetailsFromClientErrors does not
 * cover; in production no message may reveal the schema to a prober.
 */
export function withoutSchemaHints(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!/Did you mean/i.test(formatted.message)) return formatted;
  return { ...formatted, message: formatted.message.replace(/\s*Did you mean [^?]*\?/gi, '').trim() };
}
