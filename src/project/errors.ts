/** A problem with the request itself (unknown ruleset, missing path, invalid configuration): exit code 2. */
export class UsageError extends Error {}
