// The part of a model outcome the tools read: done, or the kernel's error code.

export interface OutcomeLike {
  ok: boolean;
  error?: string;
}
