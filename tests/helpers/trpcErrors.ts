import { TRPCError } from "@trpc/server";
import { expect } from "vitest";

/** The TRPCError a call rejects with; fails the test if it resolves or throws anything else. */
export async function trpcError(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(TRPCError);
    return err as TRPCError;
  }
  throw new Error("expected an error");
}

/** The message of the BAD_REQUEST a call rejects with (bad input: it should name the field). */
export async function badRequest(p: Promise<unknown>): Promise<string> {
  const err = await trpcError(p);
  expect(err.code).toBe("BAD_REQUEST");
  return err.message;
}
