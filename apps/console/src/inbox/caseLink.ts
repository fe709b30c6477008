/**
 * Where a notification's `link` (an API path) opens in the console, or null when the console has no page for
 * it yet (a high-risk person's record, a dispute, the delivery log): then the item shows no link rather than
 * one that leads nowhere. The one place that knows both route tables.
 */
export function consoleRouteOf(link: string | null): string | null {
  const incident = link && /^\/incidents\/([^/?#]+)$/.exec(link);
  return incident ? `/case/${incident[1]}` : null;
}
