import { registerEnumType } from "type-graphql";

/** A GraphQL enum whose names are its values, as every enum of ours is. */
export type EnumObject<T extends string> = { [K in T]: K };

/** type-graphql's enum settings: a name, a description and, for some, a description per value. */
type EnumSettings<T extends string> = Parameters<typeof registerEnumType<EnumObject<T>>>[1];

/** Registers `values` as the GraphQL enum `settings.name` and returns the object fields name. */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  settings: EnumSettings<T>,
): EnumObject<T> {
  const object = Object.fromEntries(values.map((value) => [value, value])) as EnumObject<T>;
  registerEnumType(object, settings);
  return object;
}
