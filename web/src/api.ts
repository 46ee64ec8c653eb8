/** Runs one typed operation against the service's GraphQL endpoint (same origin). */
import type { TypedDocumentString } from "./__generated__/graphql";

/** An answer the service refused or could not give, with its coded reason. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<TResult> {
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "ERROR");
  if (!response.ok || !body.data) {
    throw new ApiError(`The service answered ${response.status}.`, "HTTP_" + response.status);
  }
  return body.data;
}
