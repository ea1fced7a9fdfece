/**
 * Cheap guards against hostile operations, applied before planning: caps on the operations and
 * fragments of a document (checked first), a depth limit (nested parent/children fields multiply the
 * answer), an alias limit and a directive limit. Every check is linear in the document: a document of
 * a thousand tiny operations must cost no more than its size, never size × operations. Introspection
 * fields count as aliases (their own depth is fixed, so they are exempt from the depth limit). The cost
 * limit (cost.ts) and the rate limit (rate-limit.ts) come on top.
 */
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  visit,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  /** Directives in one document (`@include`/`@skip` floods). */
  maxDirectives: number;
  /** Estimated work of one operation (see `operationCost` in cost.ts), page sizes given in variables included. */
  maxCost: number;
  /** Operations in one document. */
  maxOperations: number;
  /** Fragment definitions in one document. */
  maxFragments: number;
}

/**
 * Every contract operation is well inside these (BlocBoard's deepest path has 7 levels; the costliest
 * contract operation costs a few thousand — see the gateway-limits test). The whole contract document
 * (24 operations, no fragment) and every dashboard document fit the operation and fragment caps.
 */
export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxCost: 25_000,
  maxOperations: 50,
  maxFragments: 100,
};

export const TOO_MANY_DEFINITIONS_CODE = 'GRAPHQL_VALIDATION_FAILED';

export interface DefinitionCounts {
  operations: number;
  fragments: number;
}

/**
 * Operations and fragments of a document, counted with the lexer alone (no syntax tree), so that a
 * refusal costs one pass over the text. A definition ends where a closing brace brings every kind of
 * bracket back to the top level; it is a fragment when its first token is `fragment`. Null when the
 * text does not lex or has more than `maxTokens` tokens: the parser reports those itself.
 */
export function countDefinitions(text: string, maxTokens: number): DefinitionCounts | null {
  const counts = { operations: 0, fragments: 0 };
  try {
    const lexer = new Lexer(new Source(text));
    let depth = 0;
    let starting = true;
    for (let tokens = 0; ; tokens += 1) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return counts;
      if (tokens >= maxTokens) return null;
      if (starting && depth === 0) {
        starting = false;
        if (token.kind === TokenKind.NAME && token.value === 'fragment') counts.fragments += 1;
        else counts.operations += 1;
      }
      if (token.kind === TokenKind.BRACE_L || token.kind === TokenKind.PAREN_L || token.kind === TokenKind.BRACKET_L)
        depth += 1;
      else if (
        token.kind === TokenKind.BRACE_R ||
        token.kind === TokenKind.PAREN_R ||
        token.kind === TokenKind.BRACKET_R
      ) {
        depth -= 1;
        if (depth === 0 && token.kind === TokenKind.BRACE_R) starting = true;
      }
    }
  } catch {
    return null;
  }
}

/** The refusal of a document with too many operations or fragments, or null when it is within the caps. */
export function definitionCapMessage(counts: DefinitionCounts, limits: OperationLimits): string | null {
  if (counts.operations > limits.maxOperations)
    return `Tài liệu có quá nhiều thao tác (${counts.operations}; tối đa ${limits.maxOperations}). Hãy gửi mỗi lần một thao tác.`;
  if (counts.fragments > limits.maxFragments)
    return `Tài liệu có quá nhiều đoạn (fragment) (${counts.fragments}; tối đa ${limits.maxFragments}).`;
  return null;
}

interface Measure {
  /** Levels of nested selections below this set. */
  depth: number;
  /** Aliases in the set once every fragment is expanded (capped: only "over the limit" matters). */
  aliases: number;
}

const CAP = 1_000_000;

/**
 * Depth and aliases of a selection set. Each fragment is measured once per document and reused: a
 * fragment spread twice per level would otherwise cost 2^levels walks (a 1 kB document could stall
 * the gateway), and one spread by every operation would cost operations × fragment size.
 */
function measure(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, Measure>,
  visiting: Set<string>,
): Measure {
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      if (selection.selectionSet) {
        const inner = measure(selection.selectionSet, fragments, memo, visiting);
        // Introspection has a fixed depth of its own (`ofType` chains): exempt from the depth limit only.
        if (!selection.name.value.startsWith('__')) depth = Math.max(depth, inner.depth + 1);
        aliases += inner.aliases;
      }
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(selection.selectionSet, fragments, memo, visiting);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (!fragment || visiting.has(name)) continue; // unknown or cyclic: other validation rules report it
      let inner = memo.get(name);
      if (!inner) {
        visiting.add(name);
        inner = measure(fragment.selectionSet, fragments, memo, visiting);
        visiting.delete(name);
        memo.set(name, inner);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
    if (aliases > CAP) aliases = CAP;
  }
  return { depth, aliases };
}

function countDirectives(document: DocumentNode): number {
  let directives = 0;
  visit(document, {
    Directive() {
      directives += 1;
    },
  });
  return directives;
}

/**
 * The validation rule: the document-wide checks (definition caps, directives) run once on entering
 * the document, the per-operation ones share one fragment table and one memo. Over a cap, nothing
 * else is measured.
 */
export function operationLimitsRule(limits: OperationLimits) {
  return (context: ValidationContext): ASTVisitor => {
    let refused = false;
    const fragments = new Map<string, FragmentDefinitionNode>();
    const memo = new Map<string, Measure>();
    return {
      Document(document) {
        const counts = { operations: 0, fragments: 0 };
        for (const definition of document.definitions) {
          if (definition.kind === Kind.OPERATION_DEFINITION) counts.operations += 1;
          else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
            counts.fragments += 1;
            fragments.set(definition.name.value, definition);
          }
        }
        const capped = definitionCapMessage(counts, limits);
        if (capped) {
          refused = true;
          context.reportError(new GraphQLError(capped));
          return;
        }
        const directives = countDirectives(document);
        if (directives > limits.maxDirectives) {
          context.reportError(
            new GraphQLError(`Truy vấn dùng quá nhiều chỉ thị (${directives}; tối đa ${limits.maxDirectives}).`),
          );
        }
      },
      OperationDefinition(operation) {
        if (refused) return;
        const { depth, aliases } = measure(operation.selectionSet, fragments, memo, new Set());
        if (depth > limits.maxDepth) {
          context.reportError(
            new GraphQLError(`Truy vấn lồng quá sâu (${depth} cấp; tối đa ${limits.maxDepth}).`, {
              nodes: [operation],
            }),
          );
        }
        if (aliases > limits.maxAliases) {
          context.reportError(
            new GraphQLError(`Truy vấn dùng quá nhiều bí danh (${aliases}; tối đa ${limits.maxAliases}).`, {
              nodes: [operation],
            }),
          );
        }
      },
    };
  };
}
