// The one error type the model throws: a kernel-style code callers can switch on, and a plain message.
// What a learner can cause (a full overlay, an I/O error) is an outcome, not an exception; this is for
// requests the model cannot even attempt (a range outside the device, a chunk size that is not a power of two).

export type ModelErrorCode = 'EINVAL' | 'ENOSPC' | 'EIO' | 'EROFS' | 'ENXIO' | 'ENODEV';

export class ModelError extends Error {
  constructor(
    readonly code: ModelErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}
