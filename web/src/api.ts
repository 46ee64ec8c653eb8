/** Runs one typed operation against the service's GraphQL endpoint (same origin). */
import type { TypedDocumentString } from "./__generated__/graphql";
import { accessToken } from "./auth/session";

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

/**
 * Sends the signed-in user's access token as `Authorization: Bearer`, or `token` when given (the
 * sign-in page checks a pasted token before keeping it); anonymous when there is neither.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  token?: string,
): Promise<TResult> {
  const bearer = token ?? (await accessToken());
  const response = await fetch("/graphql", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  if (response.status === 413) {
    throw new ApiError(
      "The request is larger than the service takes; send less at once (e.g. split the file).",
      "PAYLOAD_TOO_LARGE",
    );
  }
  const body = (await response.json().catch(() => ({}))) as GraphQLResponse<TResult>;
  const [error] = body.errors ?? [];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? "ERROR");
  if (!response.ok || !body.data) {
    throw new ApiError(`The service answered ${response.status}.`, "HTTP_" + response.status);
  }
  return body.data;
}
