import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type GraphQLResolveInfo,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

/**
 * True when the field being resolved selects `name` directly, including through fragments
 * and inline fragments, so a resolver can skip work (such as a count) nobody asked for.
 * Selections switched off with `@skip`/`@include` do not count.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const visited = new Set<string>();
  const included = (selection: SelectionNode): boolean =>
    getDirectiveValues(GraphQLSkipDirective, selection, info.variableValues)?.["if"] !== true &&
    getDirectiveValues(GraphQLIncludeDirective, selection, info.variableValues)?.["if"] !== false;

  const search = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (!included(selection)) return false;
      switch (selection.kind) {
        case Kind.FIELD:
          return selection.name.value === name;
        case Kind.INLINE_FRAGMENT:
          return search(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const fragmentName = selection.name.value;
          if (visited.has(fragmentName)) return false;
          visited.add(fragmentName);
          return search(info.fragments[fragmentName]?.selectionSet);
        }
      }
    });
  return info.fieldNodes.some((node) => search(node.selectionSet));
}
