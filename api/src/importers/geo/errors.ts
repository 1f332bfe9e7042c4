/** A rejected geography input; the message names the file (or URL) and, where it applies, the feature. */
export class GeoFileError extends Error {
  constructor(
    readonly source: string,
    readonly reason: string,
    readonly featureIndex?: number,
  ) {
    super(`${source}${featureIndex === undefined ? '' : `, feature ${featureIndex + 1}`}: ${reason}`);
    this.name = 'GeoFileError';
  }
}
