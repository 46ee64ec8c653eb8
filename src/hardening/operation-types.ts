import { GraphQLError, type ASTVisitor, type ValidationContext } from "graphql";

/**
 * Refuses an operation whose type the schema does not define (this schema has no
 * subscriptions), at validation, as graphql-js 17's KnownOperationTypesRule does. graphql-js 16
 * lets it through to execution, which fails with an error that carries no code and so is
 * treated as unexpected.
 */
export function knownOperationTypes(context: ValidationContext): ASTVisitor {
  const schema = context.getSchema();
  return {
    OperationDefinition(operation) {
      const root =
        operation.operation === "query"
          ? schema.getQueryType()
          : operation.operation === "mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      if (!root) {
        context.reportError(
          new GraphQLError(`This service does not support ${operation.operation} operations.`, {
            nodes: operation,
            extensions: { operation: operation.operation },
          }),
        );
      }
    },
  };
}
