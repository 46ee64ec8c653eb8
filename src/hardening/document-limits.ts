/**
 * Limits on the size of a parsed document, checked before validation: how many fields it selects
 * once every fragment spread is written out, how many of them are aliased, and how many
 * directives it carries. A document of
 * twenty fragments that each spread the one before twice is a few hundred bytes but selects a
 * million fields; anything that walks it spread by spread (validation rules, the depth and cost
 * limits) would take seconds. Here each fragment's size is counted once and reused wherever it
 * is spread, so the check is linear in the document's length.
 *
 * Tokens are limited by the parser itself (`parse(..., { maxTokens })`, Apollo's parseOptions).
 * GraphQL Armor's max-aliases, max-directives and cost plugins run as validation rules, that is
 * after the point where this must already have refused, so these counts are our own.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { limitError } from "./query-limits.js";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

export interface DocumentSize {
  /** Fields selected, each fragment counted as often as it is spread. */
  fields: number;
  /** Of those, the aliased ones. */
  aliases: number;
  /** Directives (`@include`, `@skip`, ...) anywhere, counted the same way. */
  directives: number;
}

export interface DocumentLimits {
  maxFields: number;
  maxAliases: number;
  maxDirectives: number;
}

const NOTHING: DocumentSize = { fields: 0, aliases: 0, directives: 0 };

function add(total: DocumentSize, part: DocumentSize): void {
  total.fields += part.fields;
  total.aliases += part.aliases;
  total.directives += part.directives;
}

/**
 * The size of a document with its fragments expanded: every operation and every fragment
 * definition is counted (validation reads unused fragments too). Each fragment is measured once;
 * a spread of a fragment already being measured (a cycle, which validation reports) counts 0.
 */
export function documentSize(document: DocumentNode): DocumentSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  const measured = new Map<string, DocumentSize>();
  const measuring = new Set<string>();

  const fragmentSize = (name: string): DocumentSize => {
    const known = measured.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return NOTHING;
    measuring.add(name);
    const size = selectionSize(fragment.selectionSet);
    size.directives += fragment.directives?.length ?? 0;
    measuring.delete(name);
    measured.set(name, size);
    return size;
  };

  const selectionSize = (selectionSet: SelectionSetNode | undefined): DocumentSize => {
    const total = { ...NOTHING };
    for (const selection of selectionSet?.selections ?? []) {
      total.directives += selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        total.fields += 1;
        if (selection.alias) total.aliases += 1;
        add(total, selectionSize(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        add(total, selectionSize(selection.selectionSet));
      } else {
        add(total, fragmentSize(selection.name.value));
      }
    }
    return total;
  };

  const total = { ...NOTHING };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      total.directives += definition.directives?.length ?? 0;
      add(total, selectionSize(definition.selectionSet));
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      add(total, fragmentSize(definition.name.value));
    }
  }
  return total;
}

/** Why a document is refused, or undefined when it is within the limits. */
export function documentLimitError(
  document: DocumentNode,
  { maxFields, maxAliases, maxDirectives }: DocumentLimits,
): GraphQLError | undefined {
  const { fields, aliases, directives } = documentSize(document);
  if (fields > maxFields) {
    return limitError(
      `The document selects ${fields} fields once its fragments are expanded; at most ${maxFields} are allowed. Spread fewer fragments, or split it into several operations.`,
      { limit: "fields", maximum: maxFields, actual: fields },
    );
  }
  if (aliases > maxAliases) {
    return limitError(
      `The document has ${aliases} aliases; at most ${maxAliases} are allowed. Ask for a list, or split it into several operations.`,
      { limit: "aliases", maximum: maxAliases, actual: aliases },
    );
  }
  if (directives > maxDirectives) {
    return limitError(
      `The document has ${directives} directives once its fragments are expanded; at most ${maxDirectives} are allowed.`,
      { limit: "directives", maximum: maxDirectives, actual: directives },
    );
  }
  return undefined;
}

/** The stand-in documents put in place of refused ones, with the refusal each carries. */
const refusals = new WeakMap<DocumentNode, GraphQLError>();

/**
 * Measures each newly parsed document before Apollo validates it. Apollo turns an error thrown
 * from a plugin hook into a 500, so a refused document is instead replaced by an empty stand-in
 * and `refusedDocumentRule` (one of the validation rules) reports the refusal, which reaches the
 * client as a 400 with its code like any other validation error. Documents served from Apollo's
 * cache of validated documents passed this check when they were first parsed.
 */
export function documentLimitsPlugin<TContext extends object>(
  limits: DocumentLimits,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart(requestContext) {
          const refusal = documentLimitError(requestContext.document, limits);
          if (!refusal) return;
          const standIn: DocumentNode = { kind: Kind.DOCUMENT, definitions: [] };
          refusals.set(standIn, refusal);
          (requestContext as { document: DocumentNode }).document = standIn;
        },
      };
    },
  };
}

/** Reports the refusal carried by a stand-in document from `documentLimitsPlugin`. */
export const refusedDocumentRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  Document(node) {
    const refusal = refusals.get(node);
    if (refusal) context.reportError(refusal);
  },
});
