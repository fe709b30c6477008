/** Directory rule violations: dotted codes the problem+json filter answers with (422 unless said). */
export class DirectoryError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 422,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}
