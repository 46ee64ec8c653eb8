/**
 * Limits on what one GraphQL operation may ask for, checked before anything runs:
 * - depth: how deeply fields nest (a validation rule, so it is checked once per document);
 * - cost: an estimate of how many objects the operation resolves, where a field's `first`
 *   (or an assumed list size) multiplies what is under it, checked with the request's variables.
 * Introspection (`__schema`, `__type`) is exempt from cost and has its own depth allowance, so
 * tools can read the schema when introspection is switched on.
 *
 * Both walk the syntax tree and read the schema by shape rather than with graphql-js's
 * `instanceof` helpers: the schema may come from another copy of graphql-js (type-graphql's
 * CommonJS build beside ESM code), which those helpers reject.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/** Enough for the standard introspection query (its TypeRef fragment nests `ofType` deeply). */
export const INTROSPECTION_MAX_DEPTH = 20;
/**
 * The size assumed for a list field that takes no `first`: a school's memberships and leaders
 * (usually one to three), a partnership's leaders, invitations. Lists that can be long take
 * `first`; the few long unpaged ones (regions' local authorities) are read rarely and whole.
 */
export const ASSUMED_LIST_SIZE = 5;

function isIntrospectionField(name: string): boolean {
  return name.startsWith("__");
}

/**
 * The deepest nesting of fields under `selectionSet`, following fragments (each at most once
 * per path, so a cycle, which validation reports anyway, cannot loop). `{ a { b } }` is 2.
 */
export function selectionDepth(
  selectionSet: SelectionSetNode | undefined,
  fragments: Readonly<Record<string, FragmentDefinitionNode | undefined>>,
  visiting: ReadonlySet<string> = new Set(),
): number {
  let deepest = 0;
  for (const selection of selectionSet?.selections ?? []) {
    let depth = 0;
    if (selection.kind === Kind.FIELD) {
      depth = 1 + selectionDepth(selection.selectionSet, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      depth = selectionDepth(selection.selectionSet, fragments, visiting);
    } else if (!visiting.has(selection.name.value)) {
      const name = selection.name.value;
      depth = selectionDepth(
        fragments[name]?.selectionSet,
        fragments,
        new Set([...visiting, name]),
      );
    }
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/** A refusal for a query limit: a validation failure (HTTP 400) naming the limit and sizes. */
export function limitError(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "GRAPHQL_VALIDATION_FAILED", http: { status: 400 }, ...extensions },
  });
}

/** A validation rule refusing operations nested deeper than `maxDepth` fields. */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = Object.fromEntries(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode =>
            definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(operation) {
        const [introspection, data] = partition(
          operation.selectionSet.selections,
          (selection) =>
            selection.kind === Kind.FIELD && isIntrospectionField(selection.name.value),
        );
        const depth = selectionDepth({ ...operation.selectionSet, selections: data }, fragments);
        if (depth > maxDepth) {
          context.reportError(
            limitError(
              `The operation nests fields ${depth} deep; at most ${maxDepth} are allowed. Ask for less at once, or split it into several operations.`,
              { limit: "depth", maximum: maxDepth, actual: depth },
            ),
          );
        }
        const introspectionDepth = selectionDepth(
          { ...operation.selectionSet, selections: introspection },
          fragments,
        );
        if (introspectionDepth > INTROSPECTION_MAX_DEPTH) {
          context.reportError(
            limitError(
              `The introspection query nests ${introspectionDepth} deep; at most ${INTROSPECTION_MAX_DEPTH} are allowed.`,
              { limit: "depth", maximum: INTROSPECTION_MAX_DEPTH, actual: introspectionDepth },
            ),
          );
        }
      },
    };
  };
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}

/** What the cost walk needs of a type; read by shape, so any copy of graphql-js will do. */
interface CompositeLike {
  name: string;
  getFields?: () => Record<string, FieldLike>;
}
interface FieldLike {
  name: string;
  type: TypeLike;
  args: readonly { name: string; defaultValue?: unknown; type?: TypeLike }[];
}
interface TypeLike {
  name?: string;
  ofType?: TypeLike;
  getFields?: unknown;
}

function namedType(type: TypeLike): TypeLike {
  let current = type;
  while (current.ofType) current = current.ofType;
  return current;
}

/** True when the field returns a list: `[School!]!` prints with a leading bracket. */
function isList(type: TypeLike): boolean {
  return String(type).startsWith("[");
}

function argumentValue(
  node: FieldNode,
  name: string,
  field: FieldLike,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  const argument = node.arguments?.find((candidate) => candidate.name.value === name);
  if (!argument) return field.args.find((arg) => arg.name === name)?.defaultValue;
  const value = argument.value;
  if (value.kind === Kind.INT) return Number.parseInt(value.value, 10);
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  return undefined;
}

/**
 * How many a list field may return: its `first`, else the `first` of its `input` object (as
 * sent, from a literal or a variable, else the input type's default), else undefined.
 */
function listSize(
  node: FieldNode,
  field: FieldLike,
  variables: Readonly<Record<string, unknown>>,
): unknown {
  const first = argumentValue(node, "first", field, variables);
  if (first !== undefined) return first;
  const inputArg = field.args.find((arg) => arg.name === "input");
  if (!inputArg?.type) return undefined;
  const value = node.arguments?.find((candidate) => candidate.name.value === "input")?.value;
  let sent: unknown;
  if (value?.kind === Kind.OBJECT) {
    const given = value.fields.find((candidate) => candidate.name.value === "first")?.value;
    if (given?.kind === Kind.INT) sent = Number.parseInt(given.value, 10);
    else if (given?.kind === Kind.VARIABLE) sent = variables[given.name.value];
  } else if (value?.kind === Kind.VARIABLE) {
    sent = (variables[value.name.value] as Record<string, unknown> | null | undefined)?.["first"];
  }
  if (sent !== undefined && sent !== null) return sent;
  const input = namedType(inputArg.type) as {
    getFields?: () => Record<string, { defaultValue?: unknown }>;
  };
  return typeof input.getFields === "function"
    ? input.getFields()["first"]?.defaultValue
    : undefined;
}

function included(
  node: FieldNode | InlineFragmentNode | FragmentSpreadNode,
  variables: Readonly<Record<string, unknown>>,
): boolean {
  for (const directive of node.directives ?? []) {
    const name = directive.name.value;
    if (name !== "skip" && name !== "include") continue;
    const argument = directive.arguments?.find((candidate) => candidate.name.value === "if");
    const value = argument?.value;
    const condition =
      value?.kind === Kind.BOOLEAN
        ? value.value
        : value?.kind === Kind.VARIABLE
          ? variables[value.name.value] === true
          : false;
    if ((name === "skip" && condition) || (name === "include" && !condition)) return false;
  }
  return true;
}

/**
 * The estimated cost of an operation: objects cost 1 and scalars nothing (they come with their
 * object), and what a field holds is multiplied by how many it may return: its `first`
 * argument or its input's `first`, 1 for the `edges` of a connection (already counted by the field that took
 * `first`), or ASSUMED_LIST_SIZE for other lists. Fragments on abstract types are summed,
 * which overestimates safely.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> = {},
): number {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION,
  );
  const operation =
    operations.find((candidate) => candidate.name?.value === operationName) ?? operations[0];
  if (!operation) return 0;
  const fragments = new Map(
    document.definitions
      .filter(
        (definition): definition is FragmentDefinitionNode =>
          definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const typeNamed = (name: string) => schema.getType(name) as unknown as CompositeLike | undefined;
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();

  const costOf = (
    selectionSet: SelectionSetNode | undefined,
    parent: CompositeLike | undefined,
    visiting: ReadonlySet<string>,
  ): number => {
    let total = 0;
    for (const selection of selectionSet?.selections ?? []) {
      if (!included(selection, variables)) continue;
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        total += costOf(
          selection.selectionSet,
          condition ? typeNamed(condition) : parent,
          visiting,
        );
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        total += costOf(
          fragment.selectionSet,
          typeNamed(fragment.typeCondition.name.value),
          new Set([...visiting, name]),
        );
      } else {
        const fieldName = selection.name.value;
        const field = parent?.getFields?.()[fieldName];
        if (isIntrospectionField(fieldName) || !field) continue;
        const named = namedType(field.type);
        const composite = typeof named.getFields === "function";
        const first = listSize(selection, field, variables);
        const multiplier =
          typeof first === "number" && Number.isFinite(first)
            ? Math.max(first, 1)
            : isList(field.type) && !(parent?.name ?? "").endsWith("Connection")
              ? ASSUMED_LIST_SIZE
              : 1;
        const children = composite
          ? costOf(selection.selectionSet, named as CompositeLike, visiting)
          : 0;
        total += multiplier * ((composite ? 1 : 0) + children);
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, (root ?? undefined) as unknown as CompositeLike, new Set());
}

/**
 * Refuses operations whose estimated cost exceeds `maxCost`, using the request's variables
 * (so `first: $n` is costed as sent). Runs once the operation is resolved, before execution.
 */
export function costLimitPlugin<TContext extends object>(
  schema: GraphQLSchema,
  maxCost: number,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const cost = operationCost(schema, document, request.operationName, request.variables);
          if (cost > maxCost) {
            throw limitError(
              `The operation could resolve about ${cost} objects; at most ${maxCost} are allowed. Ask for smaller pages (first) or fewer nested lists.`,
              { limit: "cost", maximum: maxCost, actual: cost },
            );
          }
        },
      };
    },
  };
}
