/**
 * A caller's argument breaks a domain rule (an unknown feature, a negative weight, a page size
 * out of range). `argument` names the offending argument so the GraphQL layer can report it as
 * BAD_USER_INPUT without this module knowing about GraphQL.
 */
export class DomainValidationError extends Error {
  constructor(
    message: string,
    readonly argument: string,
  ) {
    super(message);
    this.name = "DomainValidationError";
  }
}
